import { ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { PenaltiesRepository } from '../../../db/repositories/penalties.repository';
import { calculatePenaltyWorker } from '../../../workers/calculate-penalty';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import { fileComplaint, MONDAY_10AM, openWorkerDatabase, refOf, type WorkerDatabase } from './support';

let t: WorkerDatabase;
beforeAll(async () => {
  t = await openWorkerDatabase('w_penalty');
});
afterAll(() => t.close());

const settledAt = new Date('2026-11-20T02:00:00Z');
const deps = () => testWorkerDeps({ db: t.db, now: () => settledAt });
const penaltiesOf = (complaintId: string) =>
  new PenaltiesRepository(t.db.manager).listPenaltiesForComplaint(complaintId);

/** A complaint whose investigation record-decision recorded with these findings. */
async function investigated(findings: {
  responsibility: 'company' | 'customer' | 'shared';
  lossAmount: number;
  responsibleStaff: { staffId: string; role: 'direct' | 'supervisor' }[];
}) {
  const complaint = await fileComplaint(t.db);
  await new ComplaintEventsRepository(t.db.manager).recordEvent({
    complaintId: complaint.complaintId,
    type: 'investigated',
    actor: 'staff:demo.quality_management.staff2',
    occurredAt: MONDAY_10AM,
    data: { decision: 'investigation', facts: '漏检', rootCause: '设备', ...findings },
  });
  return complaint;
}

/** The investigation was missed while `heldBy` held it, and escalated at `level`. */
function missed(complaintId: string, heldBy: string, level: 'team_manager' | 'centre_director') {
  return new DeadlineBreachesRepository(t.db.manager).recordBreach({
    complaintId,
    deadline: 'investigation',
    dueAt: new Date('2026-11-10T07:00:00Z'),
    breachedAt: new Date('2026-11-10T07:00:00Z'),
    heldByStaffId: heldBy,
    heldByGroup: 'dept-quality',
    escalationLevel: level,
    idempotencyKey: `escalate-overdue:${nextKey()}`,
  });
}

const direct = { staffId: 'demo.quality_management.staff1', role: 'direct' as const };

test('the directly responsible person and their supervisor lose a share of performance pay by the loss', async () => {
  // given the company was responsible for a loss of CNY 3,600.50 (bracket up to 10,000: 10% / 5%)
  const complaint = await investigated({
    responsibility: 'company',
    lossAmount: 3600.5,
    responsibleStaff: [direct],
  });
  // when
  const answer = await handleJob(calculatePenaltyWorker, deps(), { variables: refOf(complaint) });
  // then staff1 (pay 3,000) loses 10%, their team manager (pay 5,000) 5%
  expect(answer).toEqual({ outcome: 'completed', variables: { penaltyCount: 2, penaltyTotal: 550 } });
  expect(await penaltiesOf(complaint.complaintId)).toEqual([
    expect.objectContaining({
      staffId: 'demo.quality_management.staff1',
      kind: 'responsibility',
      share: 0.1,
      amount: 300,
    }),
    expect.objectContaining({
      staffId: 'demo.quality_management.manager',
      kind: 'responsibility',
      share: 0.05,
      amount: 250,
    }),
  ]);
});

test('a missed deadline costs whoever held the task, once however many levels it was escalated to', async () => {
  // given the investigation held by staff2 was escalated to the team manager, then the centre director
  const complaint = await investigated({
    responsibility: 'company',
    lossAmount: 3600.5,
    responsibleStaff: [direct],
  });
  await missed(complaint.complaintId, 'demo.quality_management.staff2', 'team_manager');
  await missed(complaint.complaintId, 'demo.quality_management.staff2', 'centre_director');
  // when
  await handleJob(calculatePenaltyWorker, deps(), { variables: refOf(complaint) });
  // then staff2 (pay 3,000) loses 2% once
  const delays = (await penaltiesOf(complaint.complaintId)).filter((p) => p.kind === 'delay');
  expect(delays).toEqual([
    expect.objectContaining({ staffId: 'demo.quality_management.staff2', share: 0.02, amount: 60 }),
  ]);
});

test('when the customer alone was responsible nobody is penalised, delays included', async () => {
  // given
  const complaint = await investigated({
    responsibility: 'customer',
    lossAmount: 3600.5,
    responsibleStaff: [],
  });
  await missed(complaint.complaintId, 'demo.quality_management.staff2', 'team_manager');
  // when
  const answer = await handleJob(calculatePenaltyWorker, deps(), { variables: refOf(complaint) });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: { penaltyCount: 0, penaltyTotal: 0 } });
  expect(await penaltiesOf(complaint.complaintId)).toEqual([]);
});

test('the same job handled twice books the penalties once', async () => {
  // given penalties booked once
  const complaint = await investigated({
    responsibility: 'shared',
    lossAmount: 20000,
    responsibleStaff: [direct],
  });
  const job = { variables: refOf(complaint), elementInstanceKey: nextKey() };
  const first = await handleJob(calculatePenaltyWorker, deps(), job);
  // when a deadline breach arrives and the same step comes again
  await missed(complaint.complaintId, 'demo.quality_management.staff2', 'team_manager');
  const again = await handleJob(calculatePenaltyWorker, deps(), { ...job, jobKey: nextKey() });
  // then nothing more is booked, and the answer is the first one
  expect(again).toEqual(first);
  expect(await penaltiesOf(complaint.complaintId)).toHaveLength(2);
});

test('penalties without a recorded investigation are an incident', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(calculatePenaltyWorker, deps(), { variables: refOf(complaint) });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage:
      'calculate-penalty: no investigation is recorded for this complaint: penalties need its findings',
  });
});
