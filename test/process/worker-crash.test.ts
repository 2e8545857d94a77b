import { calculatePenaltyWorker } from '../../workers/calculate-penalty';
import { takeJobAndDie } from './support/dying-worker';
import { followUpSatisfied, handleUntilResult } from './support/journey';
import { useLifecycle } from './support/lifecycle';
import { staff } from './support/staff';

// A worker may die after doing its work and before the engine hears of it; the engine then hands the
// job to another worker once its timeout passes. The second run must not book the effect again:
// each effect is keyed by the job's element instance (workers/README.md, "Idempotency").
const life = useLifecycle({ withoutWorkers: ['calculate-penalty'] });

test('a penalty worker killed after booking but before answering does not book the penalties twice', async () => {
  // given a complaint whose result the customer accepts, so the penalties are due
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint);
  const h = life.harness();
  await h.t.rest.correlateMessage({
    name: 'customer-response',
    correlationKey: complaint.complaintNumber,
    variables: { customerResponse: 'accept' },
  });

  // when a worker books them and dies before its completion reaches the engine,
  const abandoned = await takeJobAndDie(h, calculatePenaltyWorker);
  const bookedByTheDeadWorker = await life.penalties(complaint);
  expect(bookedByTheDeadWorker).toHaveLength(2);
  // and a healthy worker takes the job once the engine gives up on the dead one
  h.startWorkers([calculatePenaltyWorker]);
  await life.moveClockTo(new Date(abandoned.deadline + 1_000));

  // then the process went on, with the penalties booked once and the step recorded once
  await life.taskFor(complaint, 'Task_FollowUpVisit');
  expect(await life.penalties(complaint)).toEqual(bookedByTheDeadWorker);
  expect(bookedByTheDeadWorker).toEqual([
    { staffId: staff.transportClerk, kind: 'responsibility', share: 0.05, amount: 150 },
    { staffId: staff.transportManager, kind: 'responsibility', share: 0.02, amount: 100 },
  ]);
  const calculated = (await life.history(complaint)).filter((s) => s.type === 'penalties_calculated');
  expect(calculated).toHaveLength(1);
  const handedOut = (await h.t.engine.records(Number(complaint.processInstanceKey))).filter(
    (r) => r.valueType === 'JOB' && r.value.type === 'calculate-penalty' && r.intent === 'TIMED_OUT',
  );
  expect(handedOut).toHaveLength(1);

  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});
