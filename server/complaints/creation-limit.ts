import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/principal';

/** Too many complaints created by one key in the current minute (429, with when to retry). */
export class CreationLimitError extends AppError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      'COMPLAINT_RATE_LIMITED',
      `At most ${limit} complaints per minute may be created with this credential; retry in ${retryAfterSeconds} s.`,
      429,
      { extensions: { retryAfter: retryAfterSeconds } },
    );
  }
}

/**
 * Complaint creation per credential and minute (fixed one-minute windows): the key's own limit
 * when it has one, else the server's `COMPLAINTS_PER_MINUTE`. In memory: per server process.
 */
export class CreationLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly defaultPerMinute: number,
    private readonly now: () => Date,
  ) {}

  /** Counts one creation, or throws CreationLimitError when the credential is over its limit. */
  take(principal: Principal): void {
    const limit = principal.complaintsPerMinute ?? this.defaultPerMinute;
    const now = this.now().getTime();
    const window = this.windows.get(principal.id);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.forgetOld(now);
      this.windows.set(principal.id, { start: now, count: 1 });
      return;
    }
    if (window.count >= limit) {
      throw new CreationLimitError(limit, Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)));
    }
    window.count += 1;
  }

  private forgetOld(now: number): void {
    for (const [id, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(id);
  }
}
