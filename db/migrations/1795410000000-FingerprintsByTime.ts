import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact fingerprint carries its complaint's reception time, indexed with the hash: a complainant's
 * recent complaints are then read from the window alone (an index range per fingerprint), not from
 * every complaint the person ever sent, each looked up for its date.
 */
export class FingerprintsByTime1795410000000 implements MigrationInterface {
  name = 'FingerprintsByTime1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contact_fingerprint ADD COLUMN received_at timestamptz`);
    await q.query(`
      UPDATE contact_fingerprint f SET received_at = c.received_at
        FROM complaint c WHERE c.id = f.complaint_id`);
    await q.query(`ALTER TABLE contact_fingerprint ALTER COLUMN received_at SET NOT NULL`);
    await q.query(`DROP INDEX contact_fingerprint_hash_idx`);
    await q.query(
      `CREATE INDEX contact_fingerprint_hash_received_idx ON contact_fingerprint (hash, received_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contact_fingerprint_hash_received_idx`);
    await q.query(`CREATE INDEX contact_fingerprint_hash_idx ON contact_fingerprint (hash)`);
    await q.query(`ALTER TABLE contact_fingerprint DROP COLUMN received_at`);
  }
}
