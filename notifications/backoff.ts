/** How long to wait before the next attempt of a failed delivery. */
export interface BackoffPolicy {
  /** The wait after the first failed attempt, before jitter. */
  readonly baseMs: number;
  /** No wait is longer than this. */
  readonly maxMs: number;
}

/** 1 min, 2, 4, 8, 16, 32 min, then 1 h: with 8 attempts a delivery is given about 2 hours. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 3_600_000 };

/**
 * The wait after the `attempts`-th failed attempt (1 = the first): exponential, `baseMs · 2^(n-1)`
 * capped at `maxMs`, with "equal jitter" — half of it fixed, half random — so that deliveries that
 * failed together (a receiver down) do not all come back at the same instant, yet never sooner than
 * half the exponential wait. `random` is in [0, 1) (injected: tests pass a fixed one). A receiver's
 * Retry-After is honoured when longer, up to `maxMs`.
 */
export function retryDelayMs(
  attempts: number,
  policy: BackoffPolicy,
  random: number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential / 2 + (exponential / 2) * random);
  const asked = retryAfterMs === undefined ? 0 : Math.min(policy.maxMs, retryAfterMs);
  return Math.max(jittered, asked);
}
