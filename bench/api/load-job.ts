/** What the load process (load-runner.ts) is asked to do and what it answers; shared by both sides. */

/** One HTTP request, repeated. */
export interface LoadTarget {
  /** Full URL, e.g. http://127.0.0.1:3000/api/complaints. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Send a fresh `Idempotency-Key` with every request (POST /api/complaints). */
  readonly freshIdempotencyKey?: boolean;
}

/**
 * How requests are paced at a fixed rate. `even`: open loop, one request every 1/rate s, latency
 * counted from when it was due (so a backlog shows). `autocannon`: its `overallRate`, which lets each
 * connection send its quota for the second as fast as it can, then waits for the next second.
 */
export type Pacer = 'even' | 'autocannon';

export interface LoadJob {
  readonly target: LoadTarget;
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second; undefined = as fast as `connections` closed-loop connections go. */
  readonly rate?: number;
  readonly pacer: Pacer;
}

export interface LoadResult {
  /** 2xx answers per second. */
  readonly okPerSecond: number;
  /** Latency of the 2xx answers, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly answers: number;
  readonly non2xx: number;
  /** Connection errors and timeouts (no answer at all). */
  readonly errors: number;
  /** Answers by status code. */
  readonly statusCodes: Readonly<Record<string, number>>;
}

export type LoadReply =
  { readonly ok: true; readonly result: LoadResult } | { readonly ok: false; readonly error: string };
