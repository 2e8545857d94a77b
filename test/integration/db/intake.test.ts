import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { Complainant } from '../../../db/entities/complainant.entity';
import { ComplaintEvent } from '../../../db/entities/complaint-event.entity';
import { Complaint } from '../../../db/entities/complaint.entity';
import { Evidence } from '../../../db/entities/evidence.entity';
import { registerComplaint } from '../../../db/intake';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_intake');
  dataSource = await openDatabase(db.url, { poolSize: 10 });
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const count = (entity: EntityTarget<ObjectLiteral>) => dataSource.manager.count(entity);

test('intake stores the complaint, its complainant, evidence, number and registered event', async () => {
  // given
  const now = new Date('2026-11-22T08:00:00Z');
  // when
  const { complaintId, complaintNumber } = await registerComplaint(dataSource, aComplaint(), now);
  // then
  const complaint = await dataSource.manager.findOneByOrFail(Complaint, { id: complaintId });
  expect(complaint).toMatchObject({
    number: complaintNumber,
    channel: 'web',
    subject: '收到的轴承有裂纹',
    declaredCategory: 'quality',
    orderNumber: 'PO-2026-1187',
    shipDate: '2026-10-30',
    quantity: 200,
    defectiveQuantity: 12,
    lossAmount: 3600.5,
    state: 'registered',
    createdByClientId: 'portal',
    receivedAt: now,
    processInstanceKey: null,
    version: 1,
  });
  expect(await dataSource.manager.findOneByOrFail(Complainant, { complaintId })).toMatchObject({
    name: '王小明',
    email: 'Wang.XM@example.com',
    erasedAt: null,
  });
  expect(await dataSource.manager.findBy(Evidence, { complaintId })).toEqual([
    expect.objectContaining({
      filename: 'crack.jpg',
      sizeBytes: 284_113,
      addedBy: 'client:portal',
      addedAt: now,
    }),
  ]);
  expect(await dataSource.manager.findBy(ComplaintEvent, { complaintId })).toEqual([
    expect.objectContaining({ type: 'registered', actor: 'client:portal', occurredAt: now }),
  ]);
});

test('the first complaint of a month is numbered YYMM0001, the month read in Asia/Shanghai', async () => {
  // given 2026-09-30 17:00 UTC is already 1 October in Shanghai
  const now = new Date('2026-09-30T17:00:00Z');
  // when
  const { complaintNumber } = await registerComplaint(dataSource, aComplaint(), now);
  // then
  expect(complaintNumber).toBe('26100001');
});

test('a failed intake stores nothing and uses no number', async () => {
  // given a complaint whose evidence the database refuses (not a SHA-256)
  const now = new Date('2025-03-10T08:00:00Z');
  const before = await Promise.all([Complaint, Complainant, Evidence, ComplaintEvent].map(count));
  const broken = aComplaint({
    evidence: [
      { filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1, sha256: 'nope', storageKey: 'x' },
    ],
  });
  // when
  const failure = registerComplaint(dataSource, broken, now);
  // then
  await expect(failure).rejects.toThrow();
  expect(await Promise.all([Complaint, Complainant, Evidence, ComplaintEvent].map(count))).toEqual(before);
  const next = await registerComplaint(dataSource, aComplaint(), now);
  expect(next.complaintNumber).toBe('25030001');
});

test('50 concurrent intakes get 50 distinct, consecutive numbers', async () => {
  // given
  const now = new Date('2026-05-15T02:00:00Z');
  // when
  const results = await Promise.all(
    Array.from({ length: 50 }, () => registerComplaint(dataSource, aComplaint(), now)),
  );
  // then
  const numbers = results.map((r) => r.complaintNumber).sort();
  expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `2605${String(i + 1).padStart(4, '0')}`));
});

test('the serial restarts at 0001 in a new month', async () => {
  // given two complaints in July
  await registerComplaint(dataSource, aComplaint(), new Date('2026-07-01T02:00:00Z'));
  await registerComplaint(dataSource, aComplaint(), new Date('2026-07-31T02:00:00Z'));
  // when
  const august = await registerComplaint(dataSource, aComplaint(), new Date('2026-08-01T02:00:00Z'));
  // then
  expect(august.complaintNumber).toBe('26080001');
});

test('the serial grows past four digits when a month needs more than 9999 numbers', async () => {
  // given a month whose counter stands at 9999
  await dataSource.query(`INSERT INTO complaint_number_sequence (yymm, last_serial) VALUES ('2604', 9999)`);
  // when
  const { complaintNumber } = await registerComplaint(
    dataSource,
    aComplaint(),
    new Date('2026-04-10T02:00:00Z'),
  );
  // then
  expect(complaintNumber).toBe('260410000');
});
