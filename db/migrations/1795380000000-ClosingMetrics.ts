import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closing metrics of an archived complaint (002 三.7: the archive keeps content, handling,
 * result and satisfaction; DOMAIN §4: handling time against SLA, satisfaction against handling
 * time): one row per complaint, written by archive-complaint.
 */
export class ClosingMetrics1795380000000 implements MigrationInterface {
  name = 'ClosingMetrics1795380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_metrics (
        complaint_id         uuid PRIMARY KEY REFERENCES complaint (id) ON DELETE CASCADE,
        outcome              text NOT NULL CHECK (outcome IN ('closed','invalid','malicious','withdrawn')),
        received_at          timestamptz NOT NULL,
        closed_at            timestamptz NOT NULL,
        handling_ms          bigint NOT NULL,
        business_handling_ms bigint NOT NULL,
        steps                jsonb NOT NULL,
        deadlines            jsonb NOT NULL,
        deadlines_met        integer NOT NULL CHECK (deadlines_met >= 0),
        deadlines_breached   integer NOT NULL CHECK (deadlines_breached >= 0),
        resolved             boolean,
        satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5)
      )`);
    await q.query(`CREATE INDEX complaint_metrics_closed_at_idx ON complaint_metrics (closed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_metrics`);
  }
}
