import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member of staff's tokens can be revoked: those issued up to `tokens_revoked_at` (to the second,
 * as a token's issue time is kept) are refused. Deactivating a member of staff revokes them as well.
 */
export class StaffTokenRevocation1795430000000 implements MigrationInterface {
  name = 'StaffTokenRevocation1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff ADD COLUMN tokens_revoked_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff DROP COLUMN tokens_revoked_at`);
  }
}
