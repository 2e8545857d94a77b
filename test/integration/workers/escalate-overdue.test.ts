import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { escalateOverdueWorker } from '../../../workers/escalate-overdue';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import { eventsOf, fileComplaint, openWorkerDatabase, outboxOf, refOf, type WorkerDatabase } from './support';
import { deployComplaintUserTasks, openTask, openUserTasks } from './user-tasks';

let t: WorkerDatabase;
let engine: TestEngine;
beforeAll(async () => {
  [t, engine] = await Promise.all([openWorkerDatabase('w_escalate'), startTestEngine()]);
  await deployComplaintUserTasks(engine);
});
afterAll(async () => {
  await engine.stop();
  await t.close();
});

/** The investigation was due on Tuesday at 15:00; the timer fired then. */
const investigationDueAt = '2026-11-10T15:00:00+08:00';
const firedAt = new Date('2026-11-10T07:00:00Z');
const deps = () => testWorkerDeps({ db: t.db, now: () => firedAt, rest: engine.rest });
const breaches = (complaintId: string) =>
  new DeadlineBreachesRepository(t.db.manager).listBreachesForComplaint(complaintId);

const routedToQuality = {
  departmentGroup: 'dept-quality',
  teamManagerGroup: 'dept-quality-managers',
  investigationDueAt,
  reviewDueAt: '2026-11-10T10:00:00+08:00',
};

/** A complaint whose user tasks are open, `assignee` holding the investigation. */
async function overdue(assignee?: string) {
  const complaint = await fileComplaint(t.db);
  const processInstanceKey = await openUserTasks(engine);
  if (assignee) {
    const task = await openTask(engine, processInstanceKey, 'Task_Investigate');
    await engine.rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee });
  }
  await openTask(engine, processInstanceKey, 'Task_ReviewValidity');
  return { complaint, processInstanceKey };
}

test("a missed investigation is recorded against whoever held it, and the department's team managers are told", async () => {
  // given the investigation held by a member of the quality department
  const { complaint, processInstanceKey } = await overdue('demo.quality_management.staff1');
  // when its deadline escalates to the team manager
  const answer = await handleJob(escalateOverdueWorker, deps(), {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { deadline: 'investigation', level: 'team_manager' },
    processInstanceKey,
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  expect(await breaches(complaint.complaintId)).toEqual([
    expect.objectContaining({
      deadline: 'investigation',
      dueAt: new Date(investigationDueAt),
      breachedAt: firedAt,
      heldByStaffId: 'demo.quality_management.staff1',
      heldByGroup: 'dept-quality',
      escalationLevel: 'team_manager',
    }),
  ]);
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({
    templateKey: 'escalation_team_manager',
    recipientGroup: 'dept-quality-managers',
  });
  expect(notice.subject).toBe(`【逾期提醒】投诉 ${complaint.complaintNumber} 的调查已超时`);
});

test("an unclaimed review is held by its group, and the centre's team managers are told", async () => {
  // given nobody claimed the review
  const { complaint, processInstanceKey } = await overdue();
  // when
  await handleJob(escalateOverdueWorker, deps(), {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { deadline: 'review', level: 'team_manager' },
    processInstanceKey,
  });
  // then
  expect(await breaches(complaint.complaintId)).toEqual([
    expect.objectContaining({ heldByStaffId: null, heldByGroup: 'complaint-centre-agents' }),
  ]);
  expect(await outboxOf(t.db, complaint.complaintId)).toEqual([
    expect.objectContaining({ recipientGroup: 'complaint-centre-team-managers' }),
  ]);
});

test('the second level goes to the centre director', async () => {
  // given
  const { complaint, processInstanceKey } = await overdue('demo.quality_management.staff1');
  // when
  await handleJob(escalateOverdueWorker, deps(), {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { deadline: 'investigation', level: 'centre_director' },
    processInstanceKey,
  });
  // then
  expect(await outboxOf(t.db, complaint.complaintId)).toEqual([
    expect.objectContaining({
      templateKey: 'escalation_centre_director',
      recipientGroup: 'complaint-centre-director',
    }),
  ]);
  expect(await breaches(complaint.complaintId)).toEqual([
    expect.objectContaining({ escalationLevel: 'centre_director' }),
  ]);
});

test('an assignee who is not staff leaves the breach with the group, and the history names them', async () => {
  // given a task claimed by a Tasklist user unknown to the staff records
  const { complaint, processInstanceKey } = await overdue('demo');
  // when
  await handleJob(escalateOverdueWorker, deps(), {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { deadline: 'investigation', level: 'team_manager' },
    processInstanceKey,
  });
  // then
  expect(await breaches(complaint.complaintId)).toEqual([
    expect.objectContaining({ heldByStaffId: null, heldByGroup: 'dept-quality' }),
  ]);
  const [escalated] = await eventsOf(t.db, complaint.complaintId, 'escalated');
  expect(escalated.data).toMatchObject({ assignee: 'demo', task: 'Task_Investigate' });
});

test('the same job handled twice records one breach and sends one notice', async () => {
  // given an escalation handled once
  const { complaint, processInstanceKey } = await overdue('demo.quality_management.staff1');
  const job = {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { deadline: 'investigation', level: 'team_manager' },
    processInstanceKey,
    elementInstanceKey: nextKey(),
  };
  await handleJob(escalateOverdueWorker, deps(), job);
  // when the same step comes again
  await handleJob(escalateOverdueWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(await breaches(complaint.complaintId)).toHaveLength(1);
  expect(await outboxOf(t.db, complaint.complaintId)).toHaveLength(1);
  expect(await eventsOf(t.db, complaint.complaintId, 'escalated')).toHaveLength(1);
});

test('an escalation without the due date of its deadline is an incident naming the variable', async () => {
  // given
  const { complaint, processInstanceKey } = await overdue();
  // when
  const answer = await handleJob(escalateOverdueWorker, deps(), {
    variables: refOf(complaint),
    headers: { deadline: 'follow_up', level: 'team_manager' },
    processInstanceKey,
  });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage: 'escalate-overdue: the escalation of follow_up needs followUpDueAt',
  });
});
