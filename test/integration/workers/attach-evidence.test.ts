import { actors } from '../../../db/repositories/complaint-events.repository';
import { EvidenceRepository } from '../../../db/repositories/evidence.repository';
import { attachEvidenceWorker } from '../../../workers/attach-evidence';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import {
  eventsOf,
  fileComplaint,
  MONDAY_10AM,
  openWorkerDatabase,
  outboxOf,
  refOf,
  type WorkerDatabase,
} from './support';

let t: WorkerDatabase;
beforeAll(async () => {
  t = await openWorkerDatabase('w_evidence');
});
afterAll(() => t.close());

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM });

/** The complainant uploads two photos to the complaint. */
function photosAdded(complaintId: string): Promise<string[]> {
  const photo = (name: string) => ({
    filename: name,
    contentType: 'image/jpeg',
    sizeBytes: 120_000,
    sha256: 'b'.repeat(64),
    storageKey: `evidence/${nextKey()}/${name}`,
  });
  return new EvidenceRepository(t.db.manager).addEvidence(
    complaintId,
    [photo('crack-1.jpg'), photo('crack-2.jpg')],
    actors.client('portal'),
    MONDAY_10AM,
  );
}

test('evidence added after routing is noted in the history and the department is told', async () => {
  // given a routed complaint, and new photos
  const complaint = await fileComplaint(t.db);
  const evidenceIds = await photosAdded(complaint.complaintId);
  // when
  const answer = await handleJob(attachEvidenceWorker, deps(), {
    variables: { ...refOf(complaint), evidenceIds, departmentGroup: 'dept-quality' },
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  expect(await eventsOf(t.db, complaint.complaintId, 'evidence_attached')).toEqual([
    expect.objectContaining({ data: expect.objectContaining({ evidenceIds, count: 2 }) }),
  ]);
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({ templateKey: 'evidence_added', recipientGroup: 'dept-quality' });
  expect(notice.body).toContain('补充了 2 份证据材料');
});

test("evidence added before routing goes to the complaint centre's agents", async () => {
  // given
  const complaint = await fileComplaint(t.db);
  const evidenceIds = await photosAdded(complaint.complaintId);
  // when
  await handleJob(attachEvidenceWorker, deps(), { variables: { ...refOf(complaint), evidenceIds } });
  // then
  expect(await outboxOf(t.db, complaint.complaintId)).toEqual([
    expect.objectContaining({ recipientGroup: 'complaint-centre-agents' }),
  ]);
});

test('the same job handled twice tells the department once', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  const job = {
    variables: { ...refOf(complaint), evidenceIds: await photosAdded(complaint.complaintId) },
    elementInstanceKey: nextKey(),
  };
  await handleJob(attachEvidenceWorker, deps(), job);
  // when
  await handleJob(attachEvidenceWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(await outboxOf(t.db, complaint.complaintId)).toHaveLength(1);
  expect(await eventsOf(t.db, complaint.complaintId, 'evidence_attached')).toHaveLength(1);
});

test("evidence that is not the complaint's is an incident naming it", async () => {
  // given photos of another complaint
  const complaint = await fileComplaint(t.db);
  const other = await fileComplaint(t.db);
  const [foreign] = await photosAdded(other.complaintId);
  // when
  const answer = await handleJob(attachEvidenceWorker, deps(), {
    variables: { ...refOf(complaint), evidenceIds: [foreign] },
  });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage: `attach-evidence: complaint ${complaint.complaintNumber} has no evidence ${foreign}`,
  });
});
