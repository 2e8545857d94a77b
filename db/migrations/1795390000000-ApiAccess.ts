import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may use the HTTP API and what it remembers for them: API keys (only a hash of each is kept),
 * the idempotency records of `POST /api/complaints` and integrators' webhook subscriptions, whose
 * state-change events travel through the notification outbox as its third audience, `integrator`.
 * (The staff token signing key, when none is configured, is generated into `app_secret`.)
 */
export class ApiAccess1795390000000 implements MigrationInterface {
  name = 'ApiAccess1795390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name          text NOT NULL,
        key_prefix    text NOT NULL UNIQUE,
        key_hash      text NOT NULL,
        client_id     text,
        roles         text[] NOT NULL,
        scopes        text[] NOT NULL DEFAULT '{}',
        complaints_per_minute integer CHECK (complaints_per_minute > 0),
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text NOT NULL,
        last_used_at  timestamptz,
        revoked_at    timestamptz,
        CHECK ((client_id IS NULL) = NOT ('integrator' = ANY (roles)))
      )`);
    await q.query(`
      CREATE TABLE idempotency_record (
        owner          text NOT NULL,
        key            text NOT NULL,
        request_hash   text NOT NULL,
        state          text NOT NULL CHECK (state IN ('in_flight','done')),
        status_code    integer,
        response       jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        completed_at   timestamptz,
        PRIMARY KEY (owner, key)
      )`);
    await q.query(`CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at)`);
    await q.query(`
      CREATE TABLE webhook_subscription (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id   text NOT NULL,
        url         text NOT NULL CHECK (url ~ '^https?://'),
        events      text[] NOT NULL CHECK (cardinality(events) > 0),
        created_at  timestamptz NOT NULL DEFAULT now(),
        deleted_at  timestamptz
      )`);
    await q.query(
      `CREATE INDEX webhook_subscription_client_idx ON webhook_subscription (client_id) WHERE deleted_at IS NULL`,
    );
    // a subscription's state-change events go through the notification outbox, audience `integrator`
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_audience_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_audience_check
        CHECK (audience IN ('customer','staff','integrator'))`);
    await q.query(
      `CREATE INDEX complaint_created_by_client_idx ON complaint (created_by_client_id, received_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaint_created_by_client_idx`);
    await q.query(`DELETE FROM notification WHERE audience = 'integrator'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_audience_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_audience_check
        CHECK (audience IN ('customer','staff'))`);
    await q.query(`DROP TABLE webhook_subscription`);
    await q.query(`DROP TABLE idempotency_record`);
    await q.query(`DROP TABLE api_key`);
  }
}
