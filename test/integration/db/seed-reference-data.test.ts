import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { Staff } from '../../../db/entities/staff.entity';
import { ClassificationRulesRepository } from '../../../db/repositories/classification-rules.repository';
import { DeadlineSettingsRepository } from '../../../db/repositories/deadline-settings.repository';
import { StaffRepository } from '../../../db/repositories/staff.repository';
import { DEFAULT_REFERENCE_DATA, seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
beforeEach(async () => {
  db = await createTestDatabase('db_seed');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
});
afterEach(async () => {
  await dataSource.destroy();
  await db.drop();
});

const data = DEFAULT_REFERENCE_DATA;

test('seeding a fresh database inserts every default and the demo staff', async () => {
  // given an empty schema
  // when
  const report = await seedReferenceData(dataSource);
  // then
  expect(report).toEqual({
    department: data.departments.length,
    routing_rule: data.routingRules.length,
    calendar: 1,
    calendar_holiday: data.calendar.holidays.length,
    deadline_setting: 6,
    approval_threshold: data.approvalThresholds.steps.length,
    leadership_report_rule: 1,
    penalty_policy: 1,
    classification_rules: 1,
    staff: 5 + 4 * data.departments.length,
  });
});

test('seeding twice inserts nothing the second time', async () => {
  // given
  await seedReferenceData(dataSource);
  // when
  const again = await seedReferenceData(dataSource);
  // then
  expect(Object.values(again).every((n) => n === 0)).toBe(true);
});

test('two seedings at once insert the defaults once', async () => {
  // given two processes starting together
  // when
  const reports = await Promise.all([seedReferenceData(dataSource), seedReferenceData(dataSource)]);
  // then
  expect(reports.map((r) => r.department).sort()).toEqual([0, data.departments.length]);
});

test('seeding leaves what an administrator changed alone', async () => {
  // given an administrator lengthened the review deadline, renamed a department, retired a rule
  await seedReferenceData(dataSource);
  await dataSource.query(`UPDATE deadline_setting SET duration = 'P3D' WHERE deadline = 'review'`);
  await dataSource.query(`UPDATE department SET name_en = 'QA' WHERE code = 'quality_management'`);
  await dataSource.query(`UPDATE routing_rule SET active = false WHERE category = 'finance'`);
  await dataSource.query(`DELETE FROM calendar_holiday WHERE name_en = 'Qingming Festival'`);
  // when
  await seedReferenceData(dataSource);
  // then
  const settings = await new DeadlineSettingsRepository(dataSource.manager).loadDeadlineSettings();
  expect(settings.review.duration).toBe('P3D');
  expect(await dataSource.query(`SELECT name_en FROM department WHERE code = 'quality_management'`)).toEqual([
    { name_en: 'QA' },
  ]);
  expect(await dataSource.query(`SELECT active FROM routing_rule WHERE category = 'finance'`)).toEqual([
    { active: false },
  ]);
  expect(
    await dataSource.query(`SELECT 1 FROM calendar_holiday WHERE name_en = 'Qingming Festival'`),
  ).toEqual([]);
});

test('seeding keeps the classification rules an administrator published active', async () => {
  // given an administrator published version 2 of the rules
  await seedReferenceData(dataSource);
  const rules = new ClassificationRulesRepository(dataSource.manager);
  await rules.publishClassificationRules({ ...data.classificationRules, minimumScore: 5 }, 'staff:admin');
  // when
  await seedReferenceData(dataSource);
  // then
  expect(await rules.findActiveClassificationRules()).toMatchObject({ version: 2, minimumScore: 5 });
});

test('demo staff are marked as demo data and staff every candidate group of every department', async () => {
  // given
  await seedReferenceData(dataSource);
  const staff = new StaffRepository(dataSource.manager);
  // when
  const groups = await Promise.all(
    data.departments
      .flatMap((d) => [d.candidateGroup, d.teamManagerGroup, d.directorGroup])
      .map((g) => staff.findActiveStaffInGroup(g)),
  );
  // then
  expect(groups.every((members) => members.length > 0 && members.every((s) => s.demo))).toBe(true);
  expect(await dataSource.manager.countBy(Staff, { demo: false })).toBe(0);
});

test('demo staff staff the complaint centre’s groups and every approval level', async () => {
  // given
  await seedReferenceData(dataSource);
  const staff = new StaffRepository(dataSource.manager);
  const groups = [
    'complaint-centre-agents',
    'complaint-centre-supervisors',
    ...data.approvalThresholds.steps.map((s) => s.approverGroup),
  ];
  // when
  const members = await Promise.all(groups.map((g) => staff.findActiveStaffInGroup(g)));
  // then
  expect(members.map((m) => m.length > 0)).toEqual(groups.map(() => true));
});

test('no demo staff are created in a system that has staff', async () => {
  // given a real member of staff
  await dataSource.manager.insert(Staff, { id: 'zhang.wei', name: '张伟', role: 'agent' });
  // when
  const report = await seedReferenceData(dataSource);
  // then
  expect(report.staff).toBe(0);
  expect(await dataSource.manager.count(Staff)).toBe(1);
});

test('demo staff can be left out', async () => {
  // given
  // when
  const report = await seedReferenceData(dataSource, { demoStaff: false });
  // then
  expect(report.staff).toBe(0);
  expect(await dataSource.manager.count(Staff)).toBe(0);
});
