import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { ContactFingerprint } from '../../../db/entities/complainant.entity';
import { registerComplaint } from '../../../db/intake';
import { ComplainantsRepository } from '../../../db/repositories/complainants.repository';
import { ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
let complainants: ComplainantsRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_complainants');
  dataSource = await openDatabase(db.url, { poolSize: 4 });
  complainants = new ComplainantsRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const received = new Date('2026-11-20T08:00:00Z');
const erasure = { by: 'staff:dpo', at: new Date('2026-11-22T10:00:00Z') };

test('erasure anonymises the name and clears every contact detail', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const erased = await complainants.eraseContactDetails(complaintId, erasure);
  // then
  expect(erased).toBe(true);
  expect(await complainants.findContactDetails(complaintId)).toEqual({
    complaintId,
    name: '[erased]',
    phone: null,
    email: null,
    wechat: null,
    address: null,
    organisation: null,
    erasedAt: erasure.at,
  });
});

test('erasure deletes the contact fingerprints: the person is no longer recognised', async () => {
  // given two complaints by the same person
  const first = await registerComplaint(dataSource, aComplaint(), received);
  const second = await registerComplaint(dataSource, aComplaint(), received);
  // when
  await complainants.eraseContactDetails(first.complaintId, erasure);
  // then
  expect(await dataSource.manager.countBy(ContactFingerprint, { complaintId: first.complaintId })).toBe(0);
  expect(await complainants.countRecentComplaintsByComplainant(second.complaintId, new Date(0), 100)).toBe(0);
});

test('erasure is recorded in the history, without personal data', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  await complainants.eraseContactDetails(complaintId, erasure);
  // then
  const history = await new ComplaintEventsRepository(dataSource.manager).listHistory(complaintId);
  expect(history.map((e) => [e.type, e.actor, e.data])).toEqual([
    ['registered', 'client:portal', expect.any(Object)],
    ['contact_erased', 'staff:dpo', {}],
  ]);
  expect(JSON.stringify(history)).not.toMatch(/王小明|13800138000|example\.com/);
});

test('erasing twice reports that nothing was left to erase', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  await complainants.eraseContactDetails(complaintId, erasure);
  // when
  const again = await complainants.eraseContactDetails(complaintId, erasure);
  // then
  expect(again).toBe(false);
});

test('erasing the complainant of an unknown complaint fails with COMPLAINT_NOT_FOUND', async () => {
  // given no such complaint
  // when
  const erasing = complainants.eraseContactDetails('00000000-0000-4000-8000-000000000000', erasure);
  // then
  await expect(erasing).rejects.toMatchObject({ code: 'COMPLAINT_NOT_FOUND' });
});

test('fingerprints are keyed hashes: no contact detail is stored in them', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const rows = await dataSource.manager.findBy(ContactFingerprint, { complaintId });
  // then one per contact detail (phone, e-mail, WeChat), none containing it
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(rows)).not.toMatch(/13800138000|wang|wxm/i);
});
