import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What handling produces: penalties (each with its explanation), deadline breaches (the delay
 * penalty's evidence, 001 试行办法 五), follow-up results (satisfaction, 002 三.6) and the knowledge
 * base of past cases and answers (DOMAIN §4). The knowledge base gets a trigram index for substring
 * search that works for Chinese when the server has pg_trgm; without it the search still works, by
 * scanning.
 */
export class Outcomes1795363400000 implements MigrationInterface {
  name = 'Outcomes1795363400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE penalty (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id    uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        staff_id        text NOT NULL REFERENCES staff (id),
        kind            text NOT NULL CHECK (kind IN ('responsibility','delay')),
        share           numeric(6,4) NOT NULL CHECK (share >= 0),
        amount          numeric(12,2) NOT NULL CHECK (amount >= 0),
        currency        char(3) NOT NULL DEFAULT 'CNY',
        policy_version  integer NOT NULL,
        explanation     jsonb NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        booked_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX penalty_complaint_idx ON penalty (complaint_id)`);
    await q.query(`CREATE INDEX penalty_staff_idx ON penalty (staff_id, booked_at)`);
    await q.query(`
      CREATE TABLE deadline_breach (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id     uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        deadline         text NOT NULL CHECK (deadline IN
                           ('review','preliminary_reply','investigation','result','appeal_window','follow_up')),
        due_at           timestamptz NOT NULL,
        breached_at      timestamptz NOT NULL,
        held_by_staff_id text REFERENCES staff (id),
        held_by_group    text,
        escalation_level text NOT NULL CHECK (escalation_level IN ('agent','team_manager','centre_director')),
        idempotency_key  text NOT NULL UNIQUE
      )`);
    await q.query(
      `CREATE INDEX deadline_breach_complaint_idx ON deadline_breach (complaint_id, breached_at)`,
    );
    await q.query(`
      CREATE TABLE satisfaction (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id    uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        resolved        boolean NOT NULL,
        score           smallint CHECK (score BETWEEN 1 AND 5),
        comment         text,
        visited_at      timestamptz NOT NULL,
        visited_by      text NOT NULL,
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX satisfaction_complaint_idx ON satisfaction (complaint_id, visited_at)`);
    await q.query(`
      CREATE TABLE knowledge_article (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title      text NOT NULL,
        body       text NOT NULL,
        tags       text[] NOT NULL DEFAULT '{}',
        category   text,
        active     boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX knowledge_article_tags_idx ON knowledge_article USING gin (tags)`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
          CREATE EXTENSION IF NOT EXISTS pg_trgm;
          CREATE INDEX knowledge_article_text_trgm_idx ON knowledge_article
            USING gin ((title || ' ' || body) gin_trgm_ops);
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'pg_trgm not installed (no privilege): knowledge search scans the table';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['knowledge_article', 'satisfaction', 'deadline_breach', 'penalty']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
