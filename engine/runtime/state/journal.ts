/**
 * Undo log of the in-memory state. A command's changes are applied to memory as it runs; if the
 * command throws (a rejection found late, or a bug), `rollback` restores memory exactly as it was
 * before the command, so the batch it belongs to can still be committed.
 */
export class Journal {
  private readonly undo: Array<() => void> = [];

  record(undo: () => void): void {
    this.undo.push(undo);
  }

  mark(): number {
    return this.undo.length;
  }

  rollback(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()!();
  }

  /** After a commit nothing can be undone any more. */
  clear(): void {
    this.undo.length = 0;
  }
}
