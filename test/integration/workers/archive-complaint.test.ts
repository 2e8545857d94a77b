import { actors, ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { ComplaintMetricsRepository } from '../../../db/repositories/complaint-metrics.repository';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { SatisfactionRepository } from '../../../db/repositories/satisfaction.repository';
import type { RegisteredComplaint } from '../../../db/intake';
import { archiveComplaintWorker } from '../../../workers/archive-complaint';
import { computeDeadlineWorker } from '../../../workers/compute-deadline';
import { routeComplaintWorker } from '../../../workers/route-complaint';
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
  t = await openWorkerDatabase('w_archive');
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const depsAt = (now: Date) => testWorkerDeps({ db: t.db, now: () => now });
const metricsOf = (complaintId: string) =>
  new ComplaintMetricsRepository(t.db.manager).findClosingMetrics(complaintId);

/**
 * Received Monday 10:00; review due Tuesday 10:00 but done at 11:00 (escalated); routed at 11:30;
 * investigation due Wednesday 11:30; followed up: resolved, satisfaction 4.
 */
async function handledLateThenFollowedUp(): Promise<RegisteredComplaint> {
  const complaint = await fileComplaint(t.db);
  const ref = refOf(complaint);
  await handleJob(computeDeadlineWorker, depsAt(MONDAY_10AM), {
    variables: ref,
    headers: { deadline: 'review' },
  });
  await new DeadlineBreachesRepository(t.db.manager).recordBreach({
    complaintId: complaint.complaintId,
    deadline: 'review',
    dueAt: at('2026-11-10T10:00:00+08:00'),
    breachedAt: at('2026-11-10T10:00:00+08:00'),
    heldByGroup: 'complaint-centre-agents',
    escalationLevel: 'team_manager',
    idempotencyKey: `escalate-overdue:${nextKey()}`,
  });
  await new ComplaintEventsRepository(t.db.manager).recordEvent({
    complaintId: complaint.complaintId,
    type: 'reviewed',
    actor: actors.staff('demo.centre.agent1'),
    occurredAt: at('2026-11-10T11:00:00+08:00'),
    data: { outcome: 'valid' },
  });
  const routedAt = at('2026-11-10T11:30:00+08:00');
  await handleJob(routeComplaintWorker, depsAt(routedAt), { variables: { ...ref, category: 'quality' } });
  await handleJob(computeDeadlineWorker, depsAt(routedAt), {
    variables: ref,
    headers: { deadline: 'investigation' },
  });
  await new SatisfactionRepository(t.db.manager).recordFollowUp({
    complaintId: complaint.complaintId,
    resolved: true,
    score: 4,
    visitedAt: at('2026-11-12T15:00:00+08:00'),
    visitedBy: actors.staff('demo.centre.agent1'),
    idempotencyKey: `record-decision:${nextKey()}`,
  });
  return complaint;
}

const fridayMorning = at('2026-11-13T10:00:00+08:00');

test('a closed complaint is archived in its final state', async () => {
  // given
  const complaint = await handledLateThenFollowedUp();
  // when
  const answer = await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: refOf(complaint),
    headers: { outcome: 'closed' },
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  expect(await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId)).toMatchObject({
    state: 'closed',
    closedAt: fridayMorning,
  });
});

test('the archive keeps the handling time, round the clock and in working time', async () => {
  // given
  const complaint = await handledLateThenFollowedUp();
  // when closed on Friday at 10:00, four days after receipt
  await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: refOf(complaint),
    headers: { outcome: 'closed' },
  });
  // then four working days of eight hours
  expect(await metricsOf(complaint.complaintId)).toMatchObject({
    outcome: 'closed',
    receivedAt: MONDAY_10AM,
    closedAt: fridayMorning,
    handlingMs: 96 * HOUR,
    businessHandlingMs: 32 * HOUR,
  });
});

test('the archive keeps the time each step took, from the end of the step before', async () => {
  // given
  const complaint = await handledLateThenFollowedUp();
  // when
  await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: refOf(complaint),
    headers: { outcome: 'closed' },
  });
  // then the review took 25 h (9 working hours), the routing half an hour
  expect((await metricsOf(complaint.complaintId))?.steps).toEqual([
    { step: 'review', endedAt: '2026-11-10T03:00:00.000Z', durationMs: 25 * HOUR, businessMs: 9 * HOUR },
    { step: 'routing', endedAt: '2026-11-10T03:30:00.000Z', durationMs: HOUR / 2, businessMs: HOUR / 2 },
  ]);
});

test('the archive keeps each deadline, met or breached, and the satisfaction of the follow-up', async () => {
  // given
  const complaint = await handledLateThenFollowedUp();
  // when
  await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: refOf(complaint),
    headers: { outcome: 'closed' },
  });
  // then
  expect(await metricsOf(complaint.complaintId)).toMatchObject({
    deadlines: [
      { deadline: 'review', dueAt: '2026-11-10T02:00:00.000Z', breached: true, escalations: 1 },
      { deadline: 'investigation', dueAt: '2026-11-11T03:30:00.000Z', breached: false, escalations: 0 },
    ],
    deadlinesMet: 1,
    deadlinesBreached: 1,
    resolved: true,
    satisfaction: 4,
  });
});

test('a withdrawn complaint is archived as withdrawn, with the reason in the history', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: { ...refOf(complaint), withdrawalReason: '已与供应商协商解决' },
    headers: { outcome: 'withdrawn' },
  });
  // then
  expect((await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId)).state).toBe(
    'withdrawn',
  );
  expect(await metricsOf(complaint.complaintId)).toMatchObject({ outcome: 'withdrawn', satisfaction: null });
  const [archived] = await eventsOf(t.db, complaint.complaintId, 'archived');
  expect(archived.data).toMatchObject({ outcome: 'withdrawn', withdrawalReason: '已与供应商协商解决' });
});

test('the same job handled again later archives once, keeping the first closing', async () => {
  // given an archive done on Friday morning
  const complaint = await fileComplaint(t.db);
  const job = { variables: refOf(complaint), headers: { outcome: 'invalid' }, elementInstanceKey: nextKey() };
  await handleJob(archiveComplaintWorker, depsAt(fridayMorning), job);
  // when the same step comes again an hour later
  await handleJob(archiveComplaintWorker, depsAt(new Date(fridayMorning.getTime() + HOUR)), {
    ...job,
    jobKey: nextKey(),
  });
  // then
  expect(await eventsOf(t.db, complaint.complaintId, 'archived')).toHaveLength(1);
  expect(await metricsOf(complaint.complaintId)).toMatchObject({
    outcome: 'invalid',
    closedAt: fridayMorning,
  });
});

test('an outcome the contract does not know is an incident', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(archiveComplaintWorker, depsAt(fridayMorning), {
    variables: refOf(complaint),
    headers: { outcome: 'forgotten' },
  });
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringContaining('header /outcome'),
  });
  expect((await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId)).state).toBe(
    'registered',
  );
});
