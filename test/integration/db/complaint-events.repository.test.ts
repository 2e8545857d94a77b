import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { registerComplaint } from '../../../db/intake';
import { actors, ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
let events: ComplaintEventsRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_events');
  dataSource = await openDatabase(db.url, { poolSize: 4 });
  events = new ComplaintEventsRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const received = new Date('2026-11-22T08:00:00Z');
const classified = (complaintId: string, idempotencyKey?: string) => ({
  complaintId,
  type: 'classified',
  actor: actors.worker('classify-complaint'),
  occurredAt: new Date('2026-11-22T08:00:05Z'),
  data: { category: 'quality', subType: 'defect', severity: 2 },
  idempotencyKey,
});

test('a redelivered job records its event once', async () => {
  // given the event of job 2251799813685500 was recorded
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  const first = await events.recordEvent(classified(complaintId, 'job:2251799813685500'));
  // when the job is delivered again
  const second = await events.recordEvent(classified(complaintId, 'job:2251799813685500'));
  // then
  expect([first, second]).toEqual([true, false]);
  expect((await events.listHistory(complaintId)).filter((e) => e.type === 'classified')).toHaveLength(1);
});

test('events without an idempotency key are all recorded', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const results = [
    await events.recordEvent(classified(complaintId)),
    await events.recordEvent(classified(complaintId)),
  ];
  // then
  expect(results).toEqual([true, true]);
});

test('the history lists every step with who, when and what was decided, oldest first', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  await events.recordEvent({
    complaintId,
    type: 'reviewed',
    actor: actors.staff('agent.li'),
    occurredAt: new Date('2026-11-22T10:00:00Z'),
    data: { outcome: 'valid' },
  });
  await events.recordEvent(classified(complaintId));
  // when
  const history = await events.listHistory(complaintId);
  // then
  expect(history.map((e) => [e.type, e.actor, e.occurredAt.toISOString(), e.data])).toEqual([
    ['registered', 'client:portal', '2026-11-22T08:00:00.000Z', expect.objectContaining({ channel: 'web' })],
    [
      'classified',
      'worker:classify-complaint',
      '2026-11-22T08:00:05.000Z',
      expect.objectContaining({ severity: 2 }),
    ],
    ['reviewed', 'staff:agent.li', '2026-11-22T10:00:00.000Z', { outcome: 'valid' }],
  ]);
});

test('two deliveries of the same job recording at the same moment record one event', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const results = await Promise.all(
    Array.from({ length: 8 }, () => events.recordEvent(classified(complaintId, 'job:2251799813685777'))),
  );
  // then
  expect(results.filter(Boolean)).toHaveLength(1);
});
