import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { registerComplaint } from '../../../db/intake';
import { EvidenceRepository } from '../../../db/repositories/evidence.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
let evidence: EvidenceRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_evidence');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  evidence = new EvidenceRepository(dataSource.manager);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const received = new Date('2026-11-22T08:00:00Z');
const added = new Date('2026-11-23T08:00:00Z');
const invoice = (key: string) => ({
  filename: 'invoice.pdf',
  contentType: 'application/pdf',
  sizeBytes: 52_000,
  sha256: 'b'.repeat(64),
  storageKey: key,
});

test('evidence added is kept with when and by whom it was added', async () => {
  // given
  const { complaintId } = await registerComplaint(dataSource, aComplaint(), received);
  // when
  const ids = await evidence.addEvidence(complaintId, [invoice('e/1/invoice.pdf')], 'client:portal', added);
  // then
  const [kept] = await evidence.findEvidenceByIds(complaintId, ids);
  expect(kept).toMatchObject({
    complaintId,
    filename: 'invoice.pdf',
    sizeBytes: 52_000,
    storageKey: 'e/1/invoice.pdf',
    addedAt: added,
    addedBy: 'client:portal',
  });
});

test('evidence looked up by id belongs to the complaint named', async () => {
  // given evidence of two complaints
  const mine = await registerComplaint(dataSource, aComplaint(), received);
  const theirs = await registerComplaint(dataSource, aComplaint(), received);
  const [myId] = await evidence.addEvidence(mine.complaintId, [invoice('e/2/invoice.pdf')], 'system', added);
  const [theirId] = await evidence.addEvidence(
    theirs.complaintId,
    [invoice('e/3/invoice.pdf')],
    'system',
    added,
  );
  // when
  const found = await evidence.findEvidenceByIds(mine.complaintId, [myId, theirId]);
  // then
  expect(found.map((e) => e.id)).toEqual([myId]);
});
