import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { SatisfactionRepository } from '../../../db/repositories/satisfaction.repository';
import { recordDecisionWorker } from '../../../workers/record-decision';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import {
  eventsOf,
  fileComplaint,
  MONDAY_10AM,
  openWorkerDatabase,
  refOf,
  type WorkerDatabase,
} from './support';
import { completeAs, deployComplaintUserTasks, openUserTasks } from './user-tasks';

let t: WorkerDatabase;
let engine: TestEngine;
beforeAll(async () => {
  [t, engine] = await Promise.all([openWorkerDatabase('w_decision'), startTestEngine()]);
  await deployComplaintUserTasks(engine);
});
afterAll(async () => {
  await engine.stop();
  await t.close();
});

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM, rest: engine.rest });
const record = (complaintId: string) => new ComplaintsRepository(t.db.manager).getById(complaintId);

/** A complaint whose user task `elementId` was completed by `staffId`, and the record-decision job after it. */
async function decided(
  elementId: string,
  staffId: string,
  decision: string,
  variables: Record<string, unknown>,
) {
  const complaint = await fileComplaint(t.db);
  const processInstanceKey = await openUserTasks(engine);
  const task = await completeAs(engine, processInstanceKey, elementId, staffId);
  const job = {
    variables: { ...refOf(complaint), ...variables },
    headers: { decision },
    processInstanceKey,
    elementInstanceKey: nextKey(),
  };
  return { complaint, task, job, answer: await handleJob(recordDecisionWorker, deps(), job) };
}

test('a valid review is recorded with who reviewed it, and the complaint goes on', async () => {
  // when an agent found the complaint valid
  const { complaint, task, answer } = await decided('Task_ReviewValidity', 'demo.centre.agent1', 'review', {
    reviewOutcome: 'valid',
    reviewReason: '订单与质检记录相符',
    preliminaryReply: '已转质量管理部调查。',
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  expect(await record(complaint.complaintId)).toMatchObject({
    reviewOutcome: 'valid',
    reviewReason: '订单与质检记录相符',
    reviewedAt: MONDAY_10AM,
    malicious: false,
    state: 'investigating',
  });
  expect(await eventsOf(t.db, complaint.complaintId, 'reviewed')).toEqual([
    expect.objectContaining({
      actor: 'staff:demo.centre.agent1',
      data: expect.objectContaining({ outcome: 'valid', userTaskKey: task.userTaskKey }),
    }),
  ]);
});

test('a malicious complaint is flagged as such on the record', async () => {
  // when
  const { complaint } = await decided('Task_ReviewValidity', 'demo.centre.agent2', 'review', {
    reviewOutcome: 'malicious',
    reviewReason: '监控显示签收时货物完好',
  });
  // then
  expect(await record(complaint.complaintId)).toMatchObject({ malicious: true, state: 'malicious' });
});

test("the investigation's findings are kept in the history; the record gets the complaint's nature", async () => {
  // when the department found the company responsible
  const responsibleStaff = [{ staffId: 'demo.quality_management.staff1', role: 'direct' }];
  const { complaint } = await decided('Task_Investigate', 'demo.quality_management.staff2', 'investigation', {
    facts: '出厂检验漏检，12件外圈有裂纹',
    rootCause: '检验设备校准过期',
    responsibility: 'company',
    responsibleStaff,
    lossAmount: 3600.5,
  });
  // then
  expect(await record(complaint.complaintId)).toMatchObject({ nature: 'justified', state: 'resolving' });
  const [investigated] = await eventsOf(t.db, complaint.complaintId, 'investigated');
  expect(investigated).toMatchObject({
    actor: 'staff:demo.quality_management.staff2',
    data: expect.objectContaining({ responsibility: 'company', responsibleStaff, lossAmount: 3600.5 }),
  });
});

test('an investigation naming someone who is not staff is an incident', async () => {
  // when
  const { answer } = await decided('Task_Investigate', 'demo.quality_management.staff2', 'investigation', {
    facts: '漏检',
    rootCause: '设备',
    responsibility: 'company',
    responsibleStaff: [{ staffId: 'nobody', role: 'direct' }],
    lossAmount: 100,
  });
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringContaining('"nobody", who is not known as staff'),
  });
});

test('a proposal sent back is recorded with the approver and their comment', async () => {
  // when
  const { complaint } = await decided('Task_ApproveResolution', 'demo.quality_management.head', 'approval', {
    approvalDecision: 'send_back',
    approvalComment: '赔偿金额缺少依据',
  });
  // then
  expect(await eventsOf(t.db, complaint.complaintId, 'resolution_sent_back')).toEqual([
    expect.objectContaining({
      actor: 'staff:demo.quality_management.head',
      data: expect.objectContaining({ comment: '赔偿金额缺少依据' }),
    }),
  ]);
});

test('once the resolution is carried out the complaint awaits the customer', async () => {
  // when
  const { complaint } = await decided(
    'Task_CarryOutResolution',
    'demo.quality_management.staff1',
    'carry_out',
    {
      resolutionCarriedOutAt: '2026-11-10T16:00+08:00',
    },
  );
  // then
  expect((await record(complaint.complaintId)).state).toBe('awaiting_customer');
  const [carried] = await eventsOf(t.db, complaint.complaintId, 'resolution_carried_out');
  expect(carried.data).toMatchObject({ carriedOutAt: '2026-11-10T08:00:00.000Z', finalRemedy: false });
});

test('once the final remedy of an upheld appeal is carried out the complaint goes to the follow-up', async () => {
  // when
  const { complaint } = await decided(
    'Task_CarryOutFinalRemedy',
    'demo.quality_management.staff1',
    'carry_out',
    {
      resolutionCarriedOutAt: '2026-11-16T10:00+08:00',
    },
  );
  // then
  expect((await record(complaint.complaintId)).state).toBe('follow_up');
});

test("the customer's appeal is recorded as the customer's, and goes to the appeal review", async () => {
  // given the result was notified
  const complaint = await fileComplaint(t.db);
  // when the customer answers by message (no user task)
  const answer = await handleJob(recordDecisionWorker, deps(), {
    variables: { ...refOf(complaint), customerResponse: 'appeal', appealReason: '赔偿不足以弥补停工损失' },
    headers: { decision: 'customer_response' },
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  expect((await record(complaint.complaintId)).state).toBe('appeal_review');
  expect(await eventsOf(t.db, complaint.complaintId, 'customer_responded')).toEqual([
    expect.objectContaining({ actor: 'customer', data: expect.objectContaining({ response: 'appeal' }) }),
  ]);
});

test('any answer but an appeal is acceptance', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  await handleJob(recordDecisionWorker, deps(), {
    variables: { ...refOf(complaint), customerResponse: 'ok, thanks' },
    headers: { decision: 'customer_response' },
  });
  // then
  const [answered] = await eventsOf(t.db, complaint.complaintId, 'customer_responded');
  expect(answered.data).toMatchObject({ response: 'accept', answered: 'ok, thanks' });
});

test('the appeal decision is recorded with the supervisor who made it', async () => {
  // when
  const { complaint } = await decided('Task_ReviewAppeal', 'demo.centre.manager', 'appeal', {
    appealDecision: 'upheld',
    finalRemedy: 'compensation',
    finalRemedyAmount: 5000,
    finalDecisionText: '增加停工损失赔偿 5000 元。',
  });
  // then
  expect((await record(complaint.complaintId)).state).toBe('resolving');
  expect(await eventsOf(t.db, complaint.complaintId, 'appeal_decided')).toEqual([
    expect.objectContaining({
      actor: 'staff:demo.centre.manager',
      data: expect.objectContaining({ decision: 'upheld', finalRemedyAmount: 5000 }),
    }),
  ]);
});

test('the follow-up visit records the satisfaction once, however often the job comes', async () => {
  // given a follow-up recorded once
  const { complaint, job } = await decided('Task_FollowUpVisit', 'demo.centre.agent1', 'follow_up', {
    resolved: true,
    satisfaction: 4,
    followUpComment: '处理及时',
  });
  // when the same job comes again
  await handleJob(recordDecisionWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(
    await new SatisfactionRepository(t.db.manager).findLatestFollowUp(complaint.complaintId),
  ).toMatchObject({
    resolved: true,
    score: 4,
    comment: '处理及时',
    visitedBy: 'staff:demo.centre.agent1',
  });
  const count = await t.db.query(`SELECT count(*)::int AS n FROM satisfaction WHERE complaint_id = $1`, [
    complaint.complaintId,
  ]);
  expect(count[0].n).toBe(1);
  expect(await eventsOf(t.db, complaint.complaintId, 'followed_up')).toHaveLength(1);
});

test('a decision whose user task is not visible as completed yet is retried', async () => {
  // given an instance whose review is still open
  const complaint = await fileComplaint(t.db);
  const processInstanceKey = await openUserTasks(engine);
  // when
  const answer = await handleJob(recordDecisionWorker, deps(), {
    variables: { ...refOf(complaint), reviewOutcome: 'valid', reviewReason: '成立' },
    headers: { decision: 'review' },
    processInstanceKey,
  });
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 4,
    errorMessage: expect.stringContaining('no completed user task Task_ReviewValidity is visible'),
  });
});

test('a decision without the variables it needs is an incident naming each', async () => {
  // when
  const { answer } = await decided('Task_ProposeResolution', 'demo.quality_management.staff1', 'proposal', {
    remedy: 'voucher',
  });
  // then
  expect(answer).toMatchObject({ outcome: 'failed', retries: 0 });
  const message = (answer as { errorMessage: string }).errorMessage;
  expect(message).toContain('the proposal decision cannot be recorded');
  expect(message).toContain('/remedy');
  expect(message).toContain('/remedyAmount: is required');
  expect(message).toContain('/remedyDescription: is required');
});
