import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who handles complaints: departments (with their candidate groups), staff (role, supervisor, monthly
 * performance pay: the base of penalties, 001 第十条), staff membership of candidate groups, and the
 * routing rules category/sub-type → department (DOMAIN §3.4).
 */
export class Organisation1795363200000 implements MigrationInterface {
  name = 'Organisation1795363200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department (
        code               text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_-]*$'),
        name_zh            text NOT NULL,
        name_en            text NOT NULL,
        candidate_group    text NOT NULL,
        team_manager_group text NOT NULL,
        director_group     text NOT NULL,
        active             boolean NOT NULL DEFAULT true,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE complaint ADD CONSTRAINT complaint_department_fk
        FOREIGN KEY (department_code) REFERENCES department (code)`);
    await q.query(`
      CREATE TABLE staff (
        id                       text PRIMARY KEY,
        name                     text NOT NULL,
        email                    text,
        role                     text NOT NULL CHECK (role IN ('agent','team_manager','department_staff',
                                   'department_head','centre_director','leadership')),
        department_code          text REFERENCES department (code),
        supervisor_id            text REFERENCES staff (id),
        monthly_performance_pay  numeric(12,2) NOT NULL DEFAULT 0 CHECK (monthly_performance_pay >= 0),
        active                   boolean NOT NULL DEFAULT true,
        demo                     boolean NOT NULL DEFAULT false,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CHECK (supervisor_id IS NULL OR supervisor_id <> id)
      )`);
    await q.query(`CREATE INDEX staff_department_idx ON staff (department_code, role)`);
    await q.query(`CREATE INDEX staff_supervisor_idx ON staff (supervisor_id)`);
    await q.query(`
      CREATE TABLE staff_group (
        staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        group_id text NOT NULL,
        PRIMARY KEY (staff_id, group_id)
      )`);
    await q.query(`CREATE INDEX staff_group_group_idx ON staff_group (group_id)`);
    await q.query(`
      CREATE TABLE routing_rule (
        id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        category        text NOT NULL,
        sub_type        text,
        department_code text NOT NULL REFERENCES department (code),
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // One rule per category (sub_type NULL) and per category + sub-type.
    await q.query(
      `CREATE UNIQUE INDEX routing_rule_target_idx ON routing_rule (category, coalesce(sub_type, ''))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS routing_rule`);
    await q.query(`DROP TABLE IF EXISTS staff_group`);
    await q.query(`DROP TABLE IF EXISTS staff`);
    await q.query(`ALTER TABLE complaint DROP CONSTRAINT IF EXISTS complaint_department_fk`);
    await q.query(`DROP TABLE IF EXISTS department`);
  }
}
