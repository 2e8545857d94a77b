import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { classifyComplaintWorker } from '../../../workers/classify-complaint';
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
  t = await openWorkerDatabase('w_classify');
});
afterAll(() => t.close());

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM });

const damagedInTransit = {
  subject: '运输途中货物破损',
  description: '物流送达时外包装严重破损，里面的12件瓷器碎了。',
  request: '赔偿损失',
  declaredCategory: null,
  lossAmount: 800,
  complainant: { name: '李华', email: 'li.hua.classify@example.com' },
};

test('the complaint is classified by its text; the record keeps the result and the process gets it', async () => {
  // given a complaint about goods damaged in transport
  const complaint = await fileComplaint(t.db, damagedInTransit);
  // when
  const answer = await handleJob(classifyComplaintWorker, deps(), { variables: refOf(complaint) });
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: {
      category: 'transport',
      subType: 'damage',
      severity: expect.any(Number),
      priority: expect.any(String),
      taskPriority: expect.any(Number),
    },
  });
  const vars = (answer as { variables: Record<string, unknown> }).variables;
  const record = await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId);
  expect(record).toMatchObject({ ...vars, classifiedAt: MONDAY_10AM });
});

test('the history keeps the explanation: which keywords and cues decided', async () => {
  // given
  const complaint = await fileComplaint(t.db, damagedInTransit);
  // when
  await handleJob(classifyComplaintWorker, deps(), { variables: refOf(complaint) });
  // then
  const [classified] = await eventsOf(t.db, complaint.complaintId, 'classified');
  expect(classified.actor).toBe('worker:classify-complaint');
  expect(classified.data.explanation).toMatchObject({
    category: {
      chosen: 'transport',
      reasons: expect.arrayContaining([expect.objectContaining({ rule: 'keyword' })]),
    },
  });
});

test("the complainant's recent complaints count towards the priority (repeat complainant)", async () => {
  // given a complainant who complained before
  const person = { name: '赵强', phone: '+86 139-1111-2222' };
  await fileComplaint(
    t.db,
    { ...damagedInTransit, complainant: person },
    new Date(MONDAY_10AM.getTime() - 86_400_000),
  );
  const again = await fileComplaint(t.db, { ...damagedInTransit, complainant: person });
  // when
  await handleJob(classifyComplaintWorker, deps(), { variables: refOf(again) });
  // then
  const [classified] = await eventsOf(t.db, again.complaintId, 'classified');
  expect(classified.data.recentComplaints).toBe(1);
  expect(classified.data.explanation).toMatchObject({
    priority: { reasons: expect.arrayContaining([expect.objectContaining({ rule: 'recent_complaints' })]) },
  });
});

test('the same job handled twice classifies once and answers the same', async () => {
  // given a classification done once
  const complaint = await fileComplaint(t.db, damagedInTransit);
  const job = { variables: refOf(complaint), elementInstanceKey: nextKey() };
  const first = await handleJob(classifyComplaintWorker, deps(), job);
  // when the same step comes again
  const again = await handleJob(classifyComplaintWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(again).toEqual(first);
  expect(await eventsOf(t.db, complaint.complaintId, 'classified')).toHaveLength(1);
  expect((await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId)).version).toBe(2);
});

test('without active classification rules the job is an incident saying what to do', async () => {
  // given the rules were deactivated
  const complaint = await fileComplaint(t.db, damagedInTransit);
  await t.db.query(`UPDATE classification_rules SET active = false`);
  try {
    // when
    const answer = await handleJob(classifyComplaintWorker, deps(), { variables: refOf(complaint) });
    // then
    expect(answer).toEqual({
      outcome: 'failed',
      retries: 0,
      errorMessage:
        'classify-complaint: NO_CLASSIFICATION_RULES: No classification rules are active: seed the reference data',
    });
  } finally {
    await t.db.query(`UPDATE classification_rules SET active = true`);
  }
});
