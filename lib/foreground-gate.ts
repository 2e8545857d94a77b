/**
 * The HTTP server's load, told to the background process (bin/start.ts → bin/background.ts over the
 * supervised process's IPC channel), and the gate the background's new work waits at while the
 * server is busy. The lifecycle's deadlines are hours away; the API's answers are due in
 * milliseconds. On one machine the background's work competed for the CPU, the disk and
 * PostgreSQL's locks even at idle priority (its database processes held locks while descheduled),
 * so while the server is busy the job workers and the process starter take nothing new.
 */

/** What the parent sends when the HTTP server becomes busy or quiet. */
export interface ForegroundMessage {
  readonly type: 'foreground';
  readonly busy: boolean;
}

export function isForegroundMessage(message: unknown): message is ForegroundMessage {
  const candidate = message as Partial<ForegroundMessage> | null;
  return candidate?.type === 'foreground' && typeof candidate.busy === 'boolean';
}

/**
 * Where new background work waits while the HTTP server is busy. So that a server busy for good
 * does not stop the lifecycles, a busy spell holds work for at most `maxHoldMs`, then lets it through
 * for as long, then holds it again, and so on. `close()` opens it for good (shutting down: the work
 * in hand must finish).
 */
export class ForegroundGate {
  private busySince: number | undefined;
  private closed = false;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly maxHoldMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether work waits now. */
  get holding(): boolean {
    if (this.closed || this.busySince === undefined || this.maxHoldMs <= 0) return false;
    return this.holdLeftMs() > 0;
  }

  /** The server became busy (holds from now on) or quiet (lets everything through). */
  setBusy(busy: boolean): void {
    if (busy && this.busySince === undefined) this.busySince = this.now();
    if (!busy) this.busySince = undefined;
    this.wake();
  }

  /** Resolves at once when the gate is open, else when it opens. */
  wait(): Promise<void> {
    if (!this.holding) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.wake();
    });
  }

  /** Opens for good and lets every waiter through. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Lets the waiters through if the gate is open, else looks again when the hold ends. */
  private wake(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.holding) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    if (this.waiters.length > 0) this.timer = setTimeout(() => this.wake(), this.holdLeftMs());
  }

  /** How long the current hold lasts yet (0 or less: in a let-through phase). */
  private holdLeftMs(): number {
    const phase = (this.now() - (this.busySince as number)) % (2 * this.maxHoldMs);
    return this.maxHoldMs - phase;
  }
}
