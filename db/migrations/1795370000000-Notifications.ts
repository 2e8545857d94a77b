import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox and the administrators' template versions (notifications/README.md).
 * A notification is recorded once per idempotency key; each of its deliveries (one per transport) is
 * claimed by a dispatcher with `FOR UPDATE SKIP LOCKED`, so the partial index below covers exactly
 * what a dispatcher looks for: pending deliveries by due time. No foreign key to `complaint`: staff
 * notices need not name a complaint, and the outbox must not depend on the order of migrations.
 */
export class Notifications1795370000000 implements MigrationInterface {
  name = 'Notifications1795370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key  text NOT NULL UNIQUE CHECK (idempotency_key <> ''),
        complaint_id     uuid,
        complaint_number text,
        audience         text NOT NULL CHECK (audience IN ('customer','staff')),
        recipient_group  text,
        template_key     text NOT NULL,
        template_version integer NOT NULL CHECK (template_version >= 0),
        language         text NOT NULL CHECK (language IN ('zh-CN','en')),
        subject          text NOT NULL,
        body             text NOT NULL,
        data             jsonb NOT NULL DEFAULT '{}',
        created_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX notification_complaint_idx ON notification (complaint_id)`);
    await q.query(`
      CREATE TABLE notification_delivery (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
        transport       text NOT NULL CHECK (transport IN ('log','smtp','webhook')),
        recipients      text[] NOT NULL DEFAULT '{}',
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        last_error_code text,
        last_error      text,
        sent_at         timestamptz,
        failed_at       timestamptz,
        UNIQUE (notification_id, transport),
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((status = 'failed') = (failed_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at)
      WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE notification_template (
        key        text NOT NULL,
        language   text NOT NULL CHECK (language IN ('zh-CN','en')),
        version    integer NOT NULL CHECK (version > 0),
        subject    text NOT NULL CHECK (subject <> ''),
        body       text NOT NULL CHECK (body <> ''),
        edited_by  text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (key, language, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_template`);
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP TABLE notification`);
  }
}
