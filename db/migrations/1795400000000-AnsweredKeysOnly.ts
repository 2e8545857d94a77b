import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key is now kept only with its answer, written in the intake's own statement; a
 * request in flight holds an advisory lock instead of an `in_flight` row. Rows left in flight by the
 * earlier intake belonged to requests that never committed: they go.
 */
export class AnsweredKeysOnly1795400000000 implements MigrationInterface {
  name = 'AnsweredKeysOnly1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_record WHERE state <> 'done'`);
    await q.query(`
      ALTER TABLE idempotency_record
        DROP CONSTRAINT idempotency_record_state_check,
        ADD CONSTRAINT idempotency_record_state_check CHECK (state = 'done'),
        ALTER COLUMN status_code SET NOT NULL,
        ALTER COLUMN response SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_record
        DROP CONSTRAINT idempotency_record_state_check,
        ADD CONSTRAINT idempotency_record_state_check CHECK (state IN ('in_flight','done')),
        ALTER COLUMN status_code DROP NOT NULL,
        ALTER COLUMN response DROP NOT NULL`);
  }
}
