import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { StaffRepository } from '../../../db/repositories/staff.repository';
import { seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
let staff: StaffRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_staff');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  await seedReferenceData(dataSource);
  staff = new StaffRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

test('a member of staff is found by id with role, department, supervisor and performance pay', async () => {
  // given the demo staff
  // when
  const found = await staff.findStaffById('demo.quality_management.staff1');
  // then
  expect(found).toMatchObject({
    role: 'department_staff',
    departmentCode: 'quality_management',
    supervisorId: 'demo.quality_management.manager',
    monthlyPerformancePay: 3000,
    demo: true,
  });
});

test('the supervisor chain runs staff → team manager → head → centre director → leadership', async () => {
  // given the demo staff
  const chain: string[] = [];
  // when
  for (let s = await staff.findStaffById('demo.sales.staff2'); s; s = await staff.findSupervisorOf(s.id)) {
    chain.push(s.role);
  }
  // then
  expect(chain).toEqual([
    'department_staff',
    'team_manager',
    'department_head',
    'centre_director',
    'leadership',
  ]);
});

test('the members of a group are its active staff only', async () => {
  // given one of the two quality staff left
  await dataSource.query(`UPDATE staff SET active = false WHERE id = 'demo.quality_management.staff2'`);
  // when
  const members = await staff.findActiveStaffInGroup('dept-quality');
  // then
  expect(members.map((s) => s.id)).toEqual(['demo.quality_management.staff1']);
});

test('staff are found by ids in the order asked, unknown ids left out', async () => {
  // given
  // when
  const found = await staff.findStaffByIds(['demo.finance.head', 'nobody', 'demo.centre.agent1']);
  // then
  expect(found.map((s) => s.id)).toEqual(['demo.finance.head', 'demo.centre.agent1']);
});

test('a member of staff’s groups are listed', async () => {
  // given
  // when
  const groups = await staff.listGroupsOf('demo.centre.manager');
  // then
  expect(groups).toContain('complaint-centre-supervisors');
});

test('staff are found by role within a department or in the complaint centre', async () => {
  // given
  // when
  const heads = await staff.findActiveStaffByRole('department_head', 'logistics');
  const agents = await staff.findActiveStaffByRole('agent', null);
  // then
  expect(heads.map((s) => s.id)).toEqual(['demo.logistics.head']);
  expect(agents.map((s) => s.id)).toEqual(['demo.centre.agent1', 'demo.centre.agent2']);
});

test('a member of staff’s token standing: active, and when their tokens were last revoked', async () => {
  // given
  const at = new Date('2026-11-23T09:00:00.250Z');
  // when
  const before = await staff.findTokenStanding('demo.sales.staff1');
  const revoked = await staff.revokeTokens('demo.sales.staff1', at);
  const after = await staff.findTokenStanding('demo.sales.staff1');
  // then
  expect(before).toEqual({ active: true, tokensRevokedAt: null });
  expect(revoked).toMatchObject({ id: 'demo.sales.staff1', tokensRevokedAt: at, updatedAt: at });
  expect(after).toEqual({ active: true, tokensRevokedAt: at });
  expect(await staff.findTokenStanding('nobody')).toBeNull();
  expect(await staff.revokeTokens('nobody', at)).toBeNull();
});

test('deactivating a member of staff revokes their tokens; other changes do not', async () => {
  // given
  const renamedAt = new Date('2026-11-23T09:00:00Z');
  const leftAt = new Date('2026-11-23T10:00:00Z');
  // when
  await staff.updateStaff('demo.sales.staff2', { name: '销售部 员工二' }, renamedAt);
  const renamed = await staff.findTokenStanding('demo.sales.staff2');
  await staff.updateStaff('demo.sales.staff2', { active: false }, leftAt);
  const left = await staff.findTokenStanding('demo.sales.staff2');
  // then
  expect(renamed).toEqual({ active: true, tokensRevokedAt: null });
  expect(left).toEqual({ active: false, tokensRevokedAt: leftAt });
});
