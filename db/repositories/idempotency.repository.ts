import type { EntityManager } from 'typeorm';

/**
 * The answers kept under idempotency keys. They are written with their complaint, in the intake's one
 * statement (db/intake.ts `registerComplaintOnce`); here they are only forgotten.
 */
export class IdempotencyRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Forgets answers older than `before` (keys are kept 24 h). */
  async forgetKeysBefore(before: Date): Promise<number> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected count]
    const [, affected]: [unknown[], number] = await this.manager.query(
      `DELETE FROM idempotency_record WHERE created_at < $1 RETURNING key`,
      [before],
    );
    return affected;
  }
}
