import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings an administrator changes (seeded from domain/defaults/*.json): working calendars and
 * their public holidays with the make-up working days (调休上班) that come with them, deadline settings (DOMAIN §3: 24 h,
 * 48 h, one week are defaults, not constants), approval thresholds (核决权限), and two versioned
 * documents with one active version each: the penalty policy (001 第十条) and the classification rules.
 */
export class Policies1795363300000 implements MigrationInterface {
  name = 'Policies1795363300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar (
        code          text PRIMARY KEY,
        name_zh       text NOT NULL,
        name_en       text NOT NULL,
        time_zone     text NOT NULL,
        working_hours jsonb NOT NULL,
        weekend_days  smallint[] NOT NULL DEFAULT '{6,7}',
        years         smallint[] NOT NULL DEFAULT '{}',
        source        jsonb,
        is_default    boolean NOT NULL DEFAULT false,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_one_default_idx ON calendar ((true)) WHERE is_default`);
    await q.query(`
      CREATE TABLE calendar_holiday (
        calendar_code text NOT NULL REFERENCES calendar (code) ON DELETE CASCADE,
        from_day      date NOT NULL,
        to_day        date NOT NULL,
        name_zh       text NOT NULL,
        name_en       text NOT NULL,
        make_up_days  text[] NOT NULL DEFAULT '{}'
                        CHECK (array_to_string(make_up_days, ',') ~ '^([0-9]{4}-[0-9]{2}-[0-9]{2}(,|$))*$'),
        PRIMARY KEY (calendar_code, from_day),
        CHECK (to_day >= from_day)
      )`);
    await q.query(`
      CREATE TABLE deadline_setting (
        deadline       text PRIMARY KEY CHECK (deadline IN
                         ('review','preliminary_reply','investigation','result','appeal_window','follow_up')),
        duration       text NOT NULL CHECK (duration ~ '^P'),
        basis          text NOT NULL CHECK (basis IN ('business','calendar')),
        escalate_after text CHECK (escalate_after ~ '^P'),
        starts_from    text NOT NULL CHECK (starts_from IN ('received','routed','investigation_completed',
                         'result_notified','resolution_carried_out')),
        description_zh text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE approval_threshold (
        level            text PRIMARY KEY CHECK (level IN
                           ('team_manager','department_head','centre_director','leadership')),
        up_to            numeric(14,2) CHECK (up_to >= 0),
        currency         char(3) NOT NULL DEFAULT 'CNY',
        approver_group   text NOT NULL,
        department_group text CHECK (department_group IN ('teamManagerGroup','directorGroup')),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    // One row: when an internal company problem is reported up to leadership (001 第九条.4).
    await q.query(`
      CREATE TABLE leadership_report_rule (
        id               boolean PRIMARY KEY DEFAULT true CHECK (id),
        responsibilities text[] NOT NULL,
        from_severity    smallint NOT NULL CHECK (from_severity BETWEEN 1 AND 3),
        amount_above     numeric(14,2) NOT NULL CHECK (amount_above >= 0),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE penalty_policy (
        version        integer PRIMARY KEY CHECK (version > 0),
        effective_from date NOT NULL,
        active         boolean NOT NULL DEFAULT false,
        document       jsonb NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        created_by     text NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX penalty_policy_one_active_idx ON penalty_policy ((true)) WHERE active`,
    );
    await q.query(`
      CREATE TABLE classification_rules (
        version    integer PRIMARY KEY CHECK (version > 0),
        active     boolean NOT NULL DEFAULT false,
        document   jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX classification_rules_one_active_idx ON classification_rules ((true)) WHERE active`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'classification_rules',
      'penalty_policy',
      'leadership_report_rule',
      'approval_threshold',
      'deadline_setting',
      'calendar_holiday',
      'calendar',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
