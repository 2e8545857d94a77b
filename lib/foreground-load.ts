import { type EventLoopUtilization, performance } from 'node:perf_hooks';

export interface ForegroundLoadOptions {
  /** Busy when the share of time the event loop worked (0–1) over one sample is above this. */
  readonly busyAbove: number;
  /** Quiet again once every sample for this long was at or below `busyAbove`. */
  readonly quietAfterMs?: number;
  /** How often the event loop's utilisation is sampled. */
  readonly sampleEveryMs?: number;
  /** Called when this process becomes busy or quiet. */
  readonly onChange: (busy: boolean) => void;
}

/**
 * Whether this process (the HTTP server's) is busy: its event loop's utilisation (the share of
 * time it spent working rather than waiting for input), sampled every 100 ms. One busy sample makes
 * it busy; a second of quiet samples makes it quiet again, so that the background process it is
 * told to (foreground-gate.ts) does not start and stop with every gap between requests.
 */
export class ForegroundLoad {
  private busy = false;
  private quietSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ForegroundLoadOptions) {}

  start(): void {
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      last = now;
      this.observe(utilization, performance.now());
    }, this.options.sampleEveryMs ?? 100);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Takes one sample (the utilisation since the last one) at `atMs`; tells `onChange` of a change. */
  observe(utilization: number, atMs: number): void {
    if (utilization > this.options.busyAbove) {
      this.quietSince = undefined;
      if (!this.busy) this.change(true);
      return;
    }
    if (!this.busy) return;
    this.quietSince ??= atMs;
    if (atMs - this.quietSince >= (this.options.quietAfterMs ?? 1000)) this.change(false);
  }

  private change(busy: boolean): void {
    this.busy = busy;
    this.quietSince = undefined;
    this.options.onChange(busy);
  }
}
