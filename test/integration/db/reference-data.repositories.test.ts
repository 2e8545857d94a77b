import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { ApprovalThresholdsRepository } from '../../../db/repositories/approval-thresholds.repository';
import { CalendarsRepository } from '../../../db/repositories/calendars.repository';
import { ClassificationRulesRepository } from '../../../db/repositories/classification-rules.repository';
import { DeadlineSettingsRepository } from '../../../db/repositories/deadline-settings.repository';
import { DepartmentsRepository } from '../../../db/repositories/departments.repository';
import { RoutingRulesRepository } from '../../../db/repositories/routing-rules.repository';
import { DEFAULT_REFERENCE_DATA as defaults, seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_reference');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  await seedReferenceData(dataSource);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

test('the default calendar reads back as the domain calendar it was seeded from', async () => {
  // given the seeded defaults
  // when
  const calendar = await new CalendarsRepository(dataSource.manager).loadDefaultCalendar();
  // then
  expect(calendar).toEqual(defaults.calendar);
});

test('a calendar that does not exist fails with NO_CALENDAR', async () => {
  // given no calendar "mars"
  // when
  const loading = new CalendarsRepository(dataSource.manager).loadCalendar('mars');
  // then
  await expect(loading).rejects.toMatchObject({ code: 'NO_CALENDAR' });
});

test('the deadline settings read back as seeded', async () => {
  // given the seeded defaults
  // when
  const settings = await new DeadlineSettingsRepository(dataSource.manager).loadDeadlineSettings();
  // then
  expect(settings).toEqual(defaults.deadlines);
});

test('a missing deadline setting is named in a NO_DEADLINE_SETTING error', async () => {
  // given an administrator deleted the follow-up setting
  await dataSource.query(`DELETE FROM deadline_setting WHERE deadline = 'follow_up'`);
  // when
  const loading = new DeadlineSettingsRepository(dataSource.manager).loadDeadlineSettings();
  // then
  await expect(loading).rejects.toMatchObject({
    code: 'NO_DEADLINE_SETTING',
    message: expect.stringMatching(/follow_up/),
  });
  await seedReferenceData(dataSource);
});

test('the approval thresholds read back as seeded, in ascending order of their limit', async () => {
  // given the seeded defaults
  // when
  const thresholds = await new ApprovalThresholdsRepository(dataSource.manager).loadApprovalThresholds();
  // then
  expect(thresholds).toEqual(defaults.approvalThresholds);
});

test('the routing rules read back as seeded', async () => {
  // given the seeded defaults
  // when
  const rules = await new RoutingRulesRepository(dataSource.manager).loadActiveRoutingRules();
  // then
  expect(rules).toEqual(expect.arrayContaining([...defaults.routingRules]));
  expect(rules).toHaveLength(defaults.routingRules.length);
});

test('a sub-type rule comes before its category-wide rule; inactive rules are left out', async () => {
  // given a sub-type rule for transport damage and a retired rule for finance
  await dataSource.query(
    `INSERT INTO routing_rule (category, sub_type, department_code) VALUES ('transport', 'damage', 'logistics')`,
  );
  await dataSource.query(`UPDATE routing_rule SET active = false WHERE category = 'finance'`);
  // when
  const rules = await new RoutingRulesRepository(dataSource.manager).loadActiveRoutingRules();
  // then
  const transport = rules.filter((r) => r.category === 'transport');
  expect(transport).toEqual([
    { category: 'transport', subType: 'damage', department: 'logistics' },
    { category: 'transport', department: 'storage_transport' },
  ]);
  expect(rules.some((r) => r.category === 'finance')).toBe(false);
  await dataSource.query(`DELETE FROM routing_rule WHERE sub_type = 'damage'`);
  await dataSource.query(`UPDATE routing_rule SET active = true WHERE category = 'finance'`);
});

test('departments read back in the domain’s shape, by code', async () => {
  // given the seeded defaults
  const departments = new DepartmentsRepository(dataSource.manager);
  // when
  const quality = await departments.findDepartmentByCode('quality_management');
  const all = await departments.listActiveDepartments();
  // then
  expect(quality).toEqual(defaults.departments.find((d) => d.code === 'quality_management'));
  expect(all.map((d) => d.code)).toEqual(defaults.departments.map((d) => d.code).sort());
});

test('an unknown department code finds nothing', async () => {
  // given
  // when
  const found = await new DepartmentsRepository(dataSource.manager).findDepartmentByCode('marketing');
  // then
  expect(found).toBeNull();
});

test('the active classification rules read back as seeded', async () => {
  // given the seeded defaults
  // when
  const rules = await new ClassificationRulesRepository(dataSource.manager).findActiveClassificationRules();
  // then
  expect(rules).toEqual(defaults.classificationRules);
});
