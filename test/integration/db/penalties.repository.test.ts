import type { DataSource } from 'typeorm';
import type { PenaltyLine } from '../../../domain/penalties/calculate-penalties';
import { openDatabase } from '../../../db/data-source';
import { registerComplaint } from '../../../db/intake';
import { PenaltiesRepository } from '../../../db/repositories/penalties.repository';
import { DEFAULT_REFERENCE_DATA, seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
let penalties: PenaltiesRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_penalties');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  await seedReferenceData(dataSource);
  penalties = new PenaltiesRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const policy = DEFAULT_REFERENCE_DATA.penaltyPolicy;
const at = new Date('2026-11-30T08:00:00Z');
const lines: PenaltyLine[] = [
  {
    staffId: 'demo.quality_management.staff1',
    kind: 'responsibility',
    share: 0.1,
    amount: 300,
    explanation: {
      zh: '损失3600.50元，适用1000–10000元档，扣绩效10%',
      en: 'Loss 3600.50 in the 1000–10000 bracket: 10%',
    },
  },
  {
    staffId: 'demo.quality_management.manager',
    kind: 'responsibility',
    share: 0.05,
    amount: 250,
    explanation: { zh: '主管连带责任5%', en: 'Supervisor 5%' },
  },
  {
    staffId: 'demo.quality_management.staff1',
    kind: 'delay',
    share: 0.02,
    amount: 60,
    explanation: { zh: '调查逾期一次2%', en: 'Investigation overdue once: 2%' },
  },
];

test('the active penalty policy is the seeded default', async () => {
  // given the seeded defaults
  // when
  const active = await penalties.findActivePenaltyPolicy();
  // then
  expect(active).toEqual(policy);
});

test('penalties are booked once, however often the job is delivered', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), at);
  const booking = { complaintId, policy, lines, idempotencyKey: `calculate-penalty:${complaintId}`, at };
  // when
  const first = await penalties.bookPenalties(booking);
  const second = await penalties.bookPenalties(booking);
  // then
  expect([first, second]).toEqual([3, 0]);
  expect(await penalties.listPenaltiesForComplaint(complaintId)).toHaveLength(3);
});

test('each booked penalty keeps its amount, share, policy version and explanation', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), at);
  // when
  await penalties.bookPenalties({ complaintId, policy, lines, idempotencyKey: `p:${complaintId}`, at });
  // then
  const [first] = await penalties.listPenaltiesForComplaint(complaintId);
  expect(first).toMatchObject({
    staffId: 'demo.quality_management.staff1',
    kind: 'responsibility',
    share: 0.1,
    amount: 300,
    currency: 'CNY',
    policyVersion: policy.version,
    explanation: lines[0].explanation,
    bookedAt: at,
  });
});

test('a published policy becomes the active one; every version stays listed for older complaints', async () => {
  // given
  const next = { ...policy, effectiveFrom: '2027-01-01' };
  // when
  const version = await penalties.publishPenaltyPolicy(next, 'staff:admin');
  // then
  expect(await penalties.findActivePenaltyPolicy()).toEqual({ ...next, version });
  expect((await penalties.listPenaltyPolicies()).map((p) => p.version)).toEqual([policy.version, version]);
});
