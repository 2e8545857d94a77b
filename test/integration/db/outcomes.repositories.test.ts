import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { registerComplaint } from '../../../db/intake';
import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { SatisfactionRepository } from '../../../db/repositories/satisfaction.repository';
import { seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_outcomes');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  await seedReferenceData(dataSource);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const received = new Date('2026-11-20T02:00:00Z');
const breach = (complaintId: string, level: 'team_manager' | 'centre_director') => ({
  complaintId,
  deadline: 'investigation' as const,
  dueAt: new Date('2026-11-23T10:00:00Z'),
  breachedAt: level === 'team_manager' ? new Date('2026-11-23T10:00:00Z') : new Date('2026-11-24T10:00:00Z'),
  heldByStaffId: 'demo.quality_management.staff1',
  heldByGroup: 'dept-quality',
  escalationLevel: level,
  idempotencyKey: `${complaintId}:investigation:${level}`,
});

test('a deadline breach is recorded once, however often the escalation job is delivered', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  const breaches = new DeadlineBreachesRepository(dataSource.manager);
  // when
  const results = [
    await breaches.recordBreach(breach(complaintId, 'team_manager')),
    await breaches.recordBreach(breach(complaintId, 'team_manager')),
  ];
  // then
  expect(results).toEqual([true, false]);
  expect(await breaches.listBreachesForComplaint(complaintId)).toHaveLength(1);
});

test('a complaint’s breaches are listed in the order they happened, with who held the task', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  const breaches = new DeadlineBreachesRepository(dataSource.manager);
  await breaches.recordBreach(breach(complaintId, 'centre_director'));
  await breaches.recordBreach(breach(complaintId, 'team_manager'));
  // when
  const listed = await breaches.listBreachesForComplaint(complaintId);
  // then
  expect(listed.map((b) => [b.escalationLevel, b.heldByStaffId, b.deadline])).toEqual([
    ['team_manager', 'demo.quality_management.staff1', 'investigation'],
    ['centre_director', 'demo.quality_management.staff1', 'investigation'],
  ]);
});

test('a follow-up visit is recorded once, and the latest one is found', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  const satisfaction = new SatisfactionRepository(dataSource.manager);
  const visit = {
    complaintId,
    resolved: true,
    score: 4,
    comment: '更换及时，态度很好',
    visitedAt: new Date('2026-12-01T03:00:00Z'),
    visitedBy: 'staff:demo.centre.agent1',
    idempotencyKey: 'job:2251799813690001',
  };
  // when
  const results = [await satisfaction.recordFollowUp(visit), await satisfaction.recordFollowUp(visit)];
  // then
  expect(results).toEqual([true, false]);
  expect(await satisfaction.findLatestFollowUp(complaintId)).toMatchObject({ resolved: true, score: 4 });
});

test('a satisfaction score outside 1–5 is refused by the database', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const recording = new SatisfactionRepository(dataSource.manager).recordFollowUp({
    complaintId,
    resolved: false,
    score: 9,
    visitedAt: received,
    visitedBy: 'system',
    idempotencyKey: 'bad-score',
  });
  // then
  await expect(recording).rejects.toThrow(/satisfaction_score_check/);
});
