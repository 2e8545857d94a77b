import type { EntityManager } from 'typeorm';
import type { ApprovalLevel } from '../domain/vocabulary';
import type { StaffRole } from './entities/staff.entity';
import type { ReferenceData } from './seed-reference-data';

/** Candidate groups of the complaint centre's own user tasks (processes/README.md). */
export const CENTRE_GROUPS = {
  agents: 'complaint-centre-agents',
  supervisors: 'complaint-centre-supervisors',
} as const;

interface DemoStaff {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly departmentCode: string | null;
  readonly supervisorId: string | null;
  readonly monthlyPerformancePay: number;
  readonly groups: readonly string[];
}

/**
 * Demo staff so that a fresh system works: for each department a head, a team manager and two
 * members of staff; for the complaint centre two agents, a team manager (supervisor) and the centre
 * director; one leader. Marked `demo`; created only when there is no staff at all. Supervisors come
 * before the people they supervise.
 */
export async function seedDemoStaff(m: EntityManager, data: ReferenceData): Promise<number> {
  const rows: { count: string }[] = await m.query(`SELECT count(*) AS count FROM staff`);
  if (Number(rows[0].count) > 0) return 0;
  const staff = demoStaff(data);
  for (const s of staff) {
    await m.query(
      `INSERT INTO staff (id, name, role, department_code, supervisor_id, monthly_performance_pay, demo)
       VALUES ($1, $2, $3, $4, $5, $6, true)`,
      [s.id, s.name, s.role, s.departmentCode, s.supervisorId, s.monthlyPerformancePay],
    );
    for (const group of new Set(s.groups)) {
      await m.query(`INSERT INTO staff_group (staff_id, group_id) VALUES ($1, $2)`, [s.id, group]);
    }
  }
  return staff.length;
}

function demoStaff(data: ReferenceData): DemoStaff[] {
  const approver = (level: ApprovalLevel) =>
    data.approvalThresholds.steps.filter((s) => s.level === level).map((s) => s.approverGroup);
  const person = (p: Omit<DemoStaff, 'name'> & { title: string }): DemoStaff => ({
    ...p,
    name: `演示 Demo · ${p.title}`,
  });
  const leader = person({
    id: 'demo.leadership',
    title: '公司领导 Leadership',
    role: 'leadership',
    departmentCode: null,
    supervisorId: null,
    monthlyPerformancePay: 20000,
    groups: approver('leadership'),
  });
  const director = person({
    id: 'demo.centre.director',
    title: '投诉中心主任 Centre director',
    role: 'centre_director',
    departmentCode: null,
    supervisorId: leader.id,
    monthlyPerformancePay: 10000,
    groups: [...approver('centre_director'), ...approver('department_head'), CENTRE_GROUPS.supervisors],
  });
  const centreManager = person({
    id: 'demo.centre.manager',
    title: '投诉中心组长 Team manager',
    role: 'team_manager',
    departmentCode: null,
    supervisorId: director.id,
    monthlyPerformancePay: 5000,
    groups: [...approver('team_manager'), CENTRE_GROUPS.supervisors],
  });
  const agents = [1, 2].map((n) =>
    person({
      id: `demo.centre.agent${n}`,
      title: `投诉专员 Agent ${n}`,
      role: 'agent',
      departmentCode: null,
      supervisorId: centreManager.id,
      monthlyPerformancePay: 3000,
      groups: [CENTRE_GROUPS.agents],
    }),
  );
  const departments = data.departments.flatMap((d) => departmentStaff(d, director.id, person));
  return [leader, director, centreManager, ...agents, ...departments];
}

function departmentStaff(
  d: ReferenceData['departments'][number],
  directorId: string,
  person: (p: Omit<DemoStaff, 'name'> & { title: string }) => DemoStaff,
): DemoStaff[] {
  const base = `demo.${d.code}`;
  const common = { departmentCode: d.code };
  const head = person({
    ...common,
    id: `${base}.head`,
    title: `${d.name.zh}负责人 Head`,
    role: 'department_head',
    supervisorId: directorId,
    monthlyPerformancePay: 8000,
    groups: [d.directorGroup],
  });
  const manager = person({
    ...common,
    id: `${base}.manager`,
    title: `${d.name.zh}组长 Team manager`,
    role: 'team_manager',
    supervisorId: head.id,
    monthlyPerformancePay: 5000,
    groups: [d.teamManagerGroup],
  });
  const members = [1, 2].map((n) =>
    person({
      ...common,
      id: `${base}.staff${n}`,
      title: `${d.name.zh}专员 Staff ${n}`,
      role: 'department_staff',
      supervisorId: manager.id,
      monthlyPerformancePay: 3000,
      groups: [d.candidateGroup],
    }),
  );
  return [head, manager, ...members];
}
