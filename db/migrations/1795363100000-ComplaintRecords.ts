import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint record (DOMAIN §1): the complaint, its complainant's personal data in a table of its
 * own (masked, erasable), contact fingerprints (keyed hashes) to count a complainant's recent
 * complaints, evidence metadata, the event history, and the per-month number sequence.
 * Code lists are copied from domain/vocabulary.ts as they stood when this migration was written.
 */
export class ComplaintRecords1795363100000 implements MigrationInterface {
  name = 'ComplaintRecords1795363100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_number_sequence (
        yymm        char(4) PRIMARY KEY CHECK (yymm ~ '^[0-9]{4}$'),
        last_serial integer NOT NULL CHECK (last_serial > 0)
      )`);
    await q.query(`
      CREATE TABLE app_secret (
        name       text PRIMARY KEY,
        value      bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The key of the contact fingerprints: 244 random bits from gen_random_uuid(), made here once.
    await q.query(`
      INSERT INTO app_secret (name, value)
      VALUES ('contact-hash-key', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
      ON CONFLICT (name) DO NOTHING`);
    await q.query(`
      CREATE TABLE complaint (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number               text NOT NULL UNIQUE,
        channel              text NOT NULL CHECK (channel IN
                               ('phone','web','wechat','social_media','email','letter','on_site','other')),
        source               text NOT NULL CHECK (source IN ('external','internal')),
        subject              text NOT NULL,
        description          text NOT NULL,
        occurred_at          timestamptz,
        location             text,
        request              text,
        declared_category    text,
        order_number         text,
        part_number          text,
        ship_date            date,
        quantity             integer CHECK (quantity >= 0),
        defective_quantity   integer CHECK (defective_quantity >= 0),
        loss_amount          numeric(14,2) CHECK (loss_amount >= 0),
        loss_currency        char(3) NOT NULL DEFAULT 'CNY',
        media_exposure       boolean NOT NULL DEFAULT false,
        language             text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN','en')),
        callback_url         text,
        created_by_client_id text,
        category             text,
        sub_type             text,
        severity             smallint CHECK (severity BETWEEN 1 AND 3),
        priority             text CHECK (priority IN ('low','normal','high','urgent')),
        task_priority        smallint CHECK (task_priority BETWEEN 0 AND 100),
        classification       jsonb,
        classified_at        timestamptz,
        nature               text CHECK (nature IN ('justified','unjustified','shared')),
        review_outcome       text CHECK (review_outcome IN ('valid','invalid','malicious')),
        review_reason        text,
        reviewed_at          timestamptz,
        malicious            boolean NOT NULL DEFAULT false,
        department_code      text,
        state                text NOT NULL DEFAULT 'registered' CHECK (state IN
                               ('registered','in_review','invalid','malicious','investigating','resolving',
                                'awaiting_customer','appeal_review','follow_up','closed','withdrawn')),
        process_instance_key text,
        process_started_at   timestamptz,
        received_at          timestamptz NOT NULL,
        closed_at            timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        version              integer NOT NULL DEFAULT 1,
        CHECK (defective_quantity IS NULL OR quantity IS NULL OR defective_quantity <= quantity)
      )`);
    await q.query(`CREATE INDEX complaint_state_department_idx ON complaint (state, department_code)`);
    await q.query(`CREATE INDEX complaint_received_at_idx ON complaint (received_at)`);
    await q.query(
      `CREATE INDEX complaint_awaiting_process_idx ON complaint (received_at) WHERE process_instance_key IS NULL`,
    );
    await q.query(`
      CREATE TABLE complainant (
        complaint_id uuid PRIMARY KEY REFERENCES complaint (id) ON DELETE CASCADE,
        name         text NOT NULL,
        phone        text,
        email        text,
        wechat       text,
        address      text,
        organisation text,
        erased_at    timestamptz
      )`);
    await q.query(`
      CREATE TABLE contact_fingerprint (
        complaint_id uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        hash         char(64) NOT NULL,
        PRIMARY KEY (complaint_id, hash)
      )`);
    await q.query(`CREATE INDEX contact_fingerprint_hash_idx ON contact_fingerprint (hash)`);
    await q.query(`
      CREATE TABLE evidence (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        filename     text NOT NULL,
        content_type text NOT NULL,
        size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
        sha256       char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key  text NOT NULL UNIQUE,
        added_at     timestamptz NOT NULL,
        added_by     text NOT NULL
      )`);
    await q.query(`CREATE INDEX evidence_complaint_idx ON evidence (complaint_id, added_at)`);
    await q.query(`
      CREATE TABLE complaint_event (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        complaint_id    uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        type            text NOT NULL,
        actor           text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        data            jsonb NOT NULL DEFAULT '{}'::jsonb,
        idempotency_key text UNIQUE
      )`);
    await q.query(
      `CREATE INDEX complaint_event_history_idx ON complaint_event (complaint_id, occurred_at, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'complaint_event',
      'evidence',
      'contact_fingerprint',
      'complainant',
      'complaint',
      'app_secret',
      'complaint_number_sequence',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
