import type { DataSource, EntityManager } from 'typeorm';
import type { ApprovalThresholds } from '../domain/approval';
import type { WorkingCalendar } from '../domain/calendar/working-calendar';
import type { ClassificationRules } from '../domain/classify/classification-rules';
import type { DeadlineSettings } from '../domain/deadlines';
import {
  DEFAULT_APPROVAL_THRESHOLDS,
  DEFAULT_CALENDAR,
  DEFAULT_CLASSIFICATION_RULES,
  DEFAULT_DEADLINE_SETTINGS,
  DEFAULT_DEPARTMENTS,
  DEFAULT_PENALTY_POLICY,
  DEFAULT_ROUTING_RULES,
} from '../domain/defaults';
import type { PenaltyPolicy } from '../domain/penalties/penalty-policy';
import type { Department, RoutingRule } from '../domain/routing';
import { seedDemoStaff } from './seed-demo-staff';

/** The default reference data of domain/defaults/, typed by the domain's interfaces. */
export interface ReferenceData {
  readonly departments: readonly Department[];
  readonly routingRules: readonly RoutingRule[];
  readonly calendar: WorkingCalendar;
  readonly deadlines: DeadlineSettings;
  readonly approvalThresholds: ApprovalThresholds;
  readonly penaltyPolicy: PenaltyPolicy;
  readonly classificationRules: ClassificationRules;
}

export const DEFAULT_REFERENCE_DATA: ReferenceData = {
  departments: DEFAULT_DEPARTMENTS,
  routingRules: DEFAULT_ROUTING_RULES,
  calendar: DEFAULT_CALENDAR,
  deadlines: DEFAULT_DEADLINE_SETTINGS,
  approvalThresholds: DEFAULT_APPROVAL_THRESHOLDS,
  penaltyPolicy: DEFAULT_PENALTY_POLICY,
  classificationRules: DEFAULT_CLASSIFICATION_RULES,
};

export interface SeedOptions {
  /** Create demo staff when the system has no staff at all (default true; off in production). */
  readonly demoStaff?: boolean;
  readonly data?: ReferenceData;
}

/** How many rows each part inserted (0 everywhere on a second run). */
export type SeedReport = Record<string, number>;

const SEEDED_BY = 'seed';

/**
 * Inserts the default reference data that is missing, in one transaction, and never overwrites what
 * is there: an administrator's changes stay. Keyed rows (departments, routing rules, deadline
 * settings, approval levels) are added when their key is absent, so to retire a default deactivate
 * it rather than delete it. A calendar's holidays come with the calendar only. A document (penalty
 * policy, classification rules) is added when its version is absent, and made active only when no
 * version is active. Demo staff are created only in a system without staff.
 */
export async function seedReferenceData(
  dataSource: DataSource,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const data = options.data ?? DEFAULT_REFERENCE_DATA;
  return dataSource.transaction(async (m) => {
    // one seeding at a time: two processes starting together insert once
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('seed-reference-data'))`);
    const report: SeedReport = {
      department: await seedDepartments(m, data.departments),
      routing_rule: await seedRoutingRules(m, data.routingRules),
      ...(await seedCalendar(m, data.calendar)),
      deadline_setting: await seedDeadlines(m, data.deadlines),
      ...(await seedApproval(m, data.approvalThresholds)),
      penalty_policy: await seedPenaltyPolicy(m, data.penaltyPolicy),
      classification_rules: await seedClassificationRules(m, data.classificationRules),
    };
    report.staff = options.demoStaff === false ? 0 : await seedDemoStaff(m, data);
    return report;
  });
}

async function inserted(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows: unknown[] = await m.query(`${sql} RETURNING 1`, params);
  return rows.length;
}

async function seedDepartments(m: EntityManager, departments: readonly Department[]): Promise<number> {
  let count = 0;
  for (const d of departments) {
    count += await inserted(
      m,
      `INSERT INTO department (code, name_zh, name_en, candidate_group, team_manager_group, director_group)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
      [d.code, d.name.zh, d.name.en, d.candidateGroup, d.teamManagerGroup, d.directorGroup],
    );
  }
  return count;
}

async function seedRoutingRules(m: EntityManager, rules: readonly RoutingRule[]): Promise<number> {
  let count = 0;
  for (const r of rules) {
    count += await inserted(
      m,
      `INSERT INTO routing_rule (category, sub_type, department_code) VALUES ($1, $2, $3)
       ON CONFLICT (category, (coalesce(sub_type, ''))) DO NOTHING`,
      [r.category, r.subType ?? null, r.department],
    );
  }
  return count;
}

async function seedCalendar(m: EntityManager, c: WorkingCalendar): Promise<SeedReport> {
  const calendar = await inserted(
    m,
    `INSERT INTO calendar (code, name_zh, name_en, time_zone, working_hours, weekend_days, years, source, is_default)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NOT EXISTS (SELECT 1 FROM calendar WHERE is_default))
     ON CONFLICT (code) DO NOTHING`,
    [
      c.id,
      c.name.zh,
      c.name.en,
      c.timeZone,
      JSON.stringify(c.workingHours),
      c.weekend,
      c.years,
      c.source ? JSON.stringify(c.source) : null,
    ],
  );
  let holidays = 0;
  for (const h of calendar ? c.holidays : []) {
    holidays += await inserted(
      m,
      `INSERT INTO calendar_holiday (calendar_code, from_day, to_day, name_zh, name_en, make_up_days)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [c.id, h.from, h.to, h.name.zh, h.name.en, h.makeUpWorkingDays],
    );
  }
  return { calendar, calendar_holiday: holidays };
}

async function seedDeadlines(m: EntityManager, settings: DeadlineSettings): Promise<number> {
  let count = 0;
  for (const [deadline, s] of Object.entries(settings)) {
    count += await inserted(
      m,
      `INSERT INTO deadline_setting (deadline, duration, basis, escalate_after, starts_from, description_zh, description_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (deadline) DO NOTHING`,
      [deadline, s.duration, s.basis, s.escalateAfter, s.startsFrom, s.description.zh, s.description.en],
    );
  }
  return count;
}

async function seedApproval(m: EntityManager, thresholds: ApprovalThresholds): Promise<SeedReport> {
  let steps = 0;
  for (const s of thresholds.steps) {
    steps += await inserted(
      m,
      `INSERT INTO approval_threshold (level, up_to, currency, approver_group, department_group)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (level) DO NOTHING`,
      [s.level, s.upTo, thresholds.currency, s.approverGroup, s.departmentGroup ?? null],
    );
  }
  const rule = thresholds.reportToLeadership;
  const reportRule = await inserted(
    m,
    `INSERT INTO leadership_report_rule (responsibilities, from_severity, amount_above) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO NOTHING`,
    [rule.responsibilities, rule.fromSeverity, rule.amountAbove],
  );
  return { approval_threshold: steps, leadership_report_rule: reportRule };
}

async function seedPenaltyPolicy(m: EntityManager, policy: PenaltyPolicy): Promise<number> {
  return inserted(
    m,
    `INSERT INTO penalty_policy (version, effective_from, active, document, created_by)
     VALUES ($1, $2, NOT EXISTS (SELECT 1 FROM penalty_policy WHERE active), $3, $4)
     ON CONFLICT (version) DO NOTHING`,
    [policy.version, policy.effectiveFrom, JSON.stringify(policy), SEEDED_BY],
  );
}

async function seedClassificationRules(m: EntityManager, rules: ClassificationRules): Promise<number> {
  return inserted(
    m,
    `INSERT INTO classification_rules (version, active, document, created_by)
     VALUES ($1, NOT EXISTS (SELECT 1 FROM classification_rules WHERE active), $2, $3)
     ON CONFLICT (version) DO NOTHING`,
    [rules.version, JSON.stringify(rules), SEEDED_BY],
  );
}
