import type { DataSource } from 'typeorm';
import { IdempotencyRepository } from '../../db/repositories/idempotency.repository';

/** How long an Idempotency-Key's answer is kept: a retry after that makes a new complaint. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

/** Forgets idempotency records older than a day, once an hour. */
export class IdempotencyRecordsSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), 3600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Returns how many records were forgotten. */
  sweep(): Promise<number> {
    const before = new Date(this.now().getTime() - IDEMPOTENCY_KEY_TTL_MS);
    return new IdempotencyRepository(this.db.manager).forgetKeysBefore(before);
  }
}
