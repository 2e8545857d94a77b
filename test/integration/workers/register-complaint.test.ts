import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { registerComplaintWorker } from '../../../workers/register-complaint';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import {
  eventsOf,
  fileComplaint,
  MONDAY_10AM,
  openWorkerDatabase,
  refOf,
  type WorkerDatabase,
} from './support';

let t: WorkerDatabase;
beforeAll(async () => {
  t = await openWorkerDatabase('w_register');
});
afterAll(() => t.close());

const startedAt = new Date(MONDAY_10AM.getTime() + 5_000);
const deps = () => testWorkerDeps({ db: t.db, now: () => startedAt });

test('the complaint notes its process instance and goes into review; the process gets the intake facts', async () => {
  // given a complaint taken in
  const complaint = await fileComplaint(t.db, { lossAmount: 3600.5, channel: 'wechat', language: 'en' });
  // when its process registers it
  const answer = await handleJob(registerComplaintWorker, deps(), {
    variables: refOf(complaint),
    processInstanceKey: '2251799813690001',
  });
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: {
      receivedAt: MONDAY_10AM.toISOString(),
      channel: 'wechat',
      source: 'external',
      language: 'en',
      lossAmount: 3600.5,
    },
  });
  const record = await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId);
  expect(record).toMatchObject({
    processInstanceKey: '2251799813690001',
    processStartedAt: startedAt,
    state: 'in_review',
  });
  expect(await eventsOf(t.db, complaint.complaintId, 'process_started')).toEqual([
    expect.objectContaining({ actor: 'worker:register-complaint', occurredAt: startedAt }),
  ]);
});

test('the same job handled twice records one start', async () => {
  // given a registration handled once
  const complaint = await fileComplaint(t.db);
  const job = { variables: refOf(complaint), processInstanceKey: nextKey(), elementInstanceKey: nextKey() };
  const first = await handleJob(registerComplaintWorker, deps(), job);
  // when the engine hands the same step out again under another job key
  const again = await handleJob(registerComplaintWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(again).toEqual(first);
  expect(await eventsOf(t.db, complaint.complaintId, 'process_started')).toHaveLength(1);
});

test('a complaint that is not on record is an incident', async () => {
  // given
  const missing = { complaintId: '5f0c3c1e-6a0e-4a53-9b1c-2d5d4b9d7a10', complaintNumber: '26119999' };
  // when
  const answer = await handleJob(registerComplaintWorker, deps(), { variables: missing });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage:
      'register-complaint: COMPLAINT_NOT_FOUND: No complaint has the id 5f0c3c1e-6a0e-4a53-9b1c-2d5d4b9d7a10',
  });
});

test('a complaint already handled by another process instance is an incident', async () => {
  // given a complaint whose process started
  const complaint = await fileComplaint(t.db);
  await handleJob(registerComplaintWorker, deps(), {
    variables: refOf(complaint),
    processInstanceKey: '111',
  });
  // when a second instance tries to register it
  const answer = await handleJob(registerComplaintWorker, deps(), {
    variables: refOf(complaint),
    processInstanceKey: '222',
  });
  // then
  expect(answer).toMatchObject({ outcome: 'failed', retries: 0 });
  expect((answer as { errorMessage: string }).errorMessage).toContain(
    'already handled by process instance 111',
  );
});

test('a complaint id that is not a uuid is an incident naming the variable', async () => {
  // given
  const bad = { complaintId: '42', complaintNumber: '26110001' };
  // when
  const answer = await handleJob(registerComplaintWorker, deps(), { variables: bad });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringContaining('variable /complaintId: must match format "uuid"'),
  });
});
