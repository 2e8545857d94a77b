import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { registerComplaint } from '../../../db/intake';
import { ComplainantsRepository } from '../../../db/repositories/complainants.repository';
import {
  ComplaintDetailsRepository,
  type DetailedComplaint,
} from '../../../db/repositories/complaint-details.repository';
import { ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { EvidenceRepository } from '../../../db/repositories/evidence.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

// GET /api/complaints/{number} reads the complaint and all that its detail shows in one statement:
// it must read exactly what the repositories that keep each part hold, in their order.
let db: TestDatabase;
let dataSource: DataSource;
let details: ComplaintDetailsRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_complaint_details');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  details = new ComplaintDetailsRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const received = new Date('2026-11-22T08:00:00.123Z');
const at = (hours: number) => new Date(received.getTime() + hours * 3_600_000);

test('a complaint is read with its complainant, evidence, history and breaches, each in order', async () => {
  // given a complaint with evidence added later, a history and two escalations of one missed deadline
  const { complaintId, complaintNumber: number } = await registerComplaint(
    dataSource,
    aComplaint(),
    received,
  );
  const [invoiceId] = await new EvidenceRepository(dataSource.manager).addEvidence(
    complaintId,
    [
      {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
        sizeBytes: 52_000,
        sha256: 'b'.repeat(64),
        storageKey: `e/${complaintId}/invoice.pdf`,
      },
    ],
    'client:portal',
    at(5),
  );
  const events = new ComplaintEventsRepository(dataSource.manager);
  await events.recordEvent({ complaintId, type: 'reviewed', actor: 'staff:agent-li', occurredAt: at(3) });
  await events.recordEvent({
    complaintId,
    type: 'classified',
    actor: 'worker:classify-complaint',
    occurredAt: at(1),
  });
  const breaches = new DeadlineBreachesRepository(dataSource.manager);
  for (const [level, hours] of [
    ['team_manager', 30],
    ['agent', 24],
  ] as const) {
    await breaches.recordBreach({
      complaintId,
      deadline: 'review',
      dueAt: at(24),
      breachedAt: at(hours),
      escalationLevel: level,
      idempotencyKey: `${complaintId}:review:${level}`,
    });
  }
  // when
  const found = await details.findByNumber(number);
  // then the complaint's fields are those of its record
  const record = await new ComplaintsRepository(dataSource.manager).findByNumber(number);
  const fields = Object.keys(found!.complaint) as Array<keyof DetailedComplaint>;
  expect(fields).toHaveLength(26);
  for (const field of fields) expect([field, found!.complaint[field]]).toEqual([field, record![field]]);
  expect(found!.complaint).toMatchObject({
    number,
    lossAmount: 3600.5,
    receivedAt: received,
    createdByClientId: 'portal',
  });
  // and beside it, in their order
  expect(found!.contact).toEqual({
    name: '王小明',
    phone: '+86 138-0013-8000',
    email: 'Wang.XM@example.com',
    erasedAt: null,
  });
  expect(found!.evidence).toEqual([
    expect.objectContaining({
      filename: 'crack.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 284_113,
      addedAt: received,
    }),
    expect.objectContaining({
      filename: 'invoice.pdf',
      sizeBytes: 52_000,
      sha256: 'b'.repeat(64),
      addedAt: at(5),
    }),
  ]);
  expect(found!.evidence[1].id).toBe(invoiceId);
  expect(found!.history).toEqual([
    { type: 'registered', actor: 'client:portal', occurredAt: received },
    { type: 'classified', actor: 'worker:classify-complaint', occurredAt: at(1) },
    { type: 'reviewed', actor: 'staff:agent-li', occurredAt: at(3) },
  ]);
  expect(found!.breaches).toEqual([
    { deadline: 'review', dueAt: at(24), escalationLevel: 'agent' },
    { deadline: 'review', dueAt: at(24), escalationLevel: 'team_manager' },
  ]);
});

test('a complaint with nothing beside it has empty lists', async () => {
  // given
  const { complaintNumber: number } = await registerComplaint(
    dataSource,
    aComplaint({ evidence: [] }),
    received,
  );
  // when
  const found = await details.findByNumber(number);
  // then
  expect(found).toMatchObject({ evidence: [], breaches: [] });
  expect(found!.history.map((e) => e.type)).toEqual(['registered']);
});

test('an erased complainant reads as erased, with the time it was done', async () => {
  // given
  const { complaintId, complaintNumber: number } = await registerComplaint(
    dataSource,
    aComplaint(),
    received,
  );
  await new ComplainantsRepository(dataSource.manager).eraseContactDetails(complaintId, {
    by: 'staff:dpo',
    at: at(48),
  });
  // when
  const found = await details.findByNumber(number);
  // then
  expect(found!.contact).toEqual({ name: '[erased]', phone: null, email: null, erasedAt: at(48) });
});

test('an unknown number reads as nothing', async () => {
  expect(await details.findByNumber('26119999')).toBeNull();
});
