import { type Journal } from './journal';

/** What a batch does to one row in PostgreSQL. */
export type RowWrite<T> =
  | { readonly op: 'upsert'; readonly row: T }
  | { readonly op: 'delete' }
  /** Dropped from memory only; the database keeps the row as it was last written. */
  | { readonly op: 'none' };

interface Index<T> {
  add(key: number, row: T): void;
  remove(key: number, row: T): void;
}

/** Rows grouped by a derived string (e.g. children by flow scope); rows mapping to undefined are left out. */
export class GroupIndex<T> implements Index<T> {
  private readonly groups = new Map<string, Set<number>>();
  constructor(private readonly groupOf: (row: T) => string | undefined) {}

  add(key: number, row: T): void {
    const group = this.groupOf(row);
    if (group === undefined) return;
    let keys = this.groups.get(group);
    if (!keys) this.groups.set(group, (keys = new Set()));
    keys.add(key);
  }

  remove(key: number, row: T): void {
    const group = this.groupOf(row);
    if (group === undefined) return;
    const keys = this.groups.get(group);
    keys?.delete(key);
    if (keys?.size === 0) this.groups.delete(group);
  }

  /** Keys in insertion order. The set is live: copy it before changing the table while iterating. */
  keys(group: string): ReadonlySet<number> {
    return this.groups.get(group) ?? EMPTY;
  }

  size(group: string): number {
    return this.groups.get(group)?.size ?? 0;
  }

  groupNames(): IterableIterator<string> {
    return this.groups.keys();
  }
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * Rows ordered by a time (timers by due date, jobs by deadline). A binary heap with lazy deletion:
 * entries whose row changed or vanished are skipped when they come up.
 */
export class DueIndex<T> implements Index<T> {
  private heap: Array<{ at: number; key: number }> = [];
  constructor(private readonly dueOf: (row: T) => number | undefined) {}

  add(key: number, row: T): void {
    const at = this.dueOf(row);
    if (at === undefined) return;
    this.heap.push({ at, key });
    this.siftUp(this.heap.length - 1);
  }

  remove(): void {
    // lazy: stale entries are dropped by `due` and `next`
  }

  /**
   * Takes the entries of rows due at `now` (at <= now) off the index; `current` validates them.
   * Use `Table.takeDue`, which puts them back if the command is rolled back.
   */
  take(
    now: number,
    current: (key: number) => T | undefined,
    limit: number,
  ): Array<{ at: number; key: number }> {
    const taken = new Map<number, { at: number; key: number }>();
    while (this.heap.length > 0 && this.heap[0].at <= now && taken.size < limit) {
      const entry = this.pop();
      const row = current(entry.key);
      if (row !== undefined && this.dueOf(row) === entry.at) taken.set(entry.key, entry);
    }
    return [...taken.values()];
  }

  restore(entries: ReadonlyArray<{ at: number; key: number }>): void {
    for (const { at, key } of entries) {
      this.heap.push({ at, key });
      this.siftUp(this.heap.length - 1);
    }
  }

  /** When the next live entry is due, or undefined. */
  next(current: (key: number) => T | undefined): number | undefined {
    while (this.heap.length > 0) {
      const { at, key } = this.heap[0];
      const row = current(key);
      if (row !== undefined && this.dueOf(row) === at) return at;
      this.pop();
    }
    return undefined;
  }

  private pop(): { at: number; key: number } {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && h[l].at < h[min].at) min = l;
      if (r < h.length && h[r].at < h[min].at) min = r;
      if (min === i) return;
      [h[min], h[i]] = [h[i], h[min]];
      i = min;
    }
  }
}

/**
 * One kind of entity held in memory, keyed by its engine key. Every change goes through `put`/`drop`,
 * which keeps the indexes right, records the undo step and remembers what to write at commit.
 * Rows are immutable: `update` replaces the row with a changed copy.
 */
export class Table<T extends { readonly key: number }> {
  private readonly rows = new Map<number, T>();
  private pending = new Map<number, { write: RowWrite<T>; existedBefore: boolean }>();
  private readonly indexes: Index<T>[] = [];

  constructor(
    readonly name: string,
    private readonly journal: Journal,
  ) {}

  withIndex<I extends Index<T>>(index: I): I {
    this.indexes.push(index);
    return index;
  }

  get(key: number): T | undefined {
    return this.rows.get(key);
  }

  require(key: number): T {
    const row = this.rows.get(key);
    if (!row) throw new Error(`engine state: no ${this.name} with key ${key}`);
    return row;
  }

  has(key: number): boolean {
    return this.rows.has(key);
  }

  get size(): number {
    return this.rows.size;
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  insert(row: T): T {
    if (this.rows.has(row.key)) throw new Error(`engine state: ${this.name} ${row.key} exists already`);
    this.set(row.key, row, { op: 'upsert', row });
    return row;
  }

  update(key: number, patch: Partial<T>): T {
    const row = { ...this.require(key), ...patch } as T;
    this.set(key, row, { op: 'upsert', row });
    return row;
  }

  /** Removes the row from memory; `finalRow` is kept in the database as history, otherwise it is deleted. */
  remove(key: number, finalRow?: T): void {
    if (!this.rows.has(key)) return;
    this.set(key, undefined, finalRow ? { op: 'upsert', row: finalRow } : { op: 'delete' });
  }

  /** Keys of rows due at `now` by `index`, oldest first; put back if the command is rolled back. */
  takeDue(index: DueIndex<T>, now: number, limit = Infinity): number[] {
    const taken = index.take(now, (key) => this.rows.get(key), limit);
    if (taken.length > 0) this.journal.record(() => index.restore(taken));
    return taken.map((entry) => entry.key);
  }

  /** Drops the row from memory but keeps it in the database unchanged (history, e.g. variables of an ended scope). */
  forget(key: number): void {
    if (!this.rows.has(key)) return;
    this.set(key, undefined, this.pending.get(key)?.write ?? { op: 'none' });
  }

  /** Loads a committed row at start-up (no undo, nothing to write). */
  load(row: T): void {
    this.rows.set(row.key, row);
    for (const index of this.indexes) index.add(row.key, row);
  }

  /** The writes of the current batch, and a fresh batch. Rows created and deleted within it are skipped. */
  takeWrites(): Array<[number, RowWrite<T>]> {
    const writes: Array<[number, RowWrite<T>]> = [];
    for (const [key, { write, existedBefore }] of this.pending) {
      if (write.op === 'none' || (write.op === 'delete' && !existedBefore)) continue;
      writes.push([key, write]);
    }
    this.pending = new Map();
    return writes;
  }

  /** Forget everything (before reloading from the database). */
  reset(): void {
    for (const [key, row] of this.rows) for (const index of this.indexes) index.remove(key, row);
    this.rows.clear();
    this.pending = new Map();
  }

  private set(key: number, row: T | undefined, write: RowWrite<T>): void {
    const previous = this.rows.get(key);
    const previousPending = this.pending.get(key);
    this.apply(key, previous, row);
    this.pending.set(key, { write, existedBefore: previousPending?.existedBefore ?? previous !== undefined });
    this.journal.record(() => {
      this.apply(key, row, previous);
      if (previousPending) this.pending.set(key, previousPending);
      else this.pending.delete(key);
    });
  }

  private apply(key: number, from: T | undefined, to: T | undefined): void {
    if (from) for (const index of this.indexes) index.remove(key, from);
    if (to) {
      this.rows.set(key, to);
      for (const index of this.indexes) index.add(key, to);
    } else {
      this.rows.delete(key);
    }
  }
}
