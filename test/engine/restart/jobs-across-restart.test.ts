import { eventually } from '../../helpers/engine';
import {
  activateAll,
  activateCount,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// Jobs keep their state through kill -9: activations stay valid until their timeout, which the engine
// clock measures across the downtime; then the job is handed out again under a new key.

const MINUTE = 60_000;
let t: RestartableEngine;
let T0: number;
let instanceKey: string;
beforeEach(async () => {
  t = await startRestartableEngine();
  await deployFixtures(t.zeebe, 'restart-two-tasks.bpmn');
  T0 = Date.now();
  await t.rest.pinInternalClock(T0);
  const instance = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'restart-two-tasks',
    variables: { orderId: 'A-1' },
  });
  instanceKey = instance.processInstanceKey;
});
afterEach(() => t.stop());

test('a job activated before kill -9 is handed out again once its timeout has passed by the engine clock', async () => {
  // given
  const [before] = await activateCount(t.zeebe, 'restart-first', 1, 10 * MINUTE);
  // when
  await t.crashAndRestart();
  // then
  await t.rest.pinInternalClock(T0 + 9 * MINUTE);
  expect(await activateAll(t.zeebe, 'restart-first')).toEqual([]);
  await t.rest.pinInternalClock(T0 + 11 * MINUTE);
  const [again] = await activateCount(t.zeebe, 'restart-first', 1);
  expect(again.processInstanceKey).toBe(instanceKey);
  expect(again.variables).toEqual({ orderId: 'A-1' });
  expect(again.retries).toBe(before.retries);
});

test('a late CompleteJob on the activation from before the crash is NOT_FOUND once the job was activated again', async () => {
  // given
  const [before] = await activateCount(t.zeebe, 'restart-first', 1, 10 * MINUTE);
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 11 * MINUTE);
  const [again] = await activateCount(t.zeebe, 'restart-first', 1);
  // when
  const late = t.zeebe.completeJob({ jobKey: before.key, variables: { by: 'old worker' } });
  // then
  await expect(late).rejects.toThrow(
    `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '${before.key}', but no such job was found`,
  );
  await t.zeebe.completeJob({ jobKey: again.key, variables: { by: 'new worker' } });
  const [second] = await activateCount(t.zeebe, 'restart-second', 1);
  expect(second.variables).toEqual({ orderId: 'A-1', by: 'new worker' });
});

test('an activation from before the crash can still be completed after restart while its timeout has not passed', async () => {
  // given
  const [before] = await activateCount(t.zeebe, 'restart-first', 1, 10 * MINUTE);
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 9 * MINUTE);
  // when
  await t.zeebe.completeJob({ jobKey: before.key, variables: { by: 'old worker' } });
  // then
  const [second] = await activateCount(t.zeebe, 'restart-second', 1);
  expect(second.processInstanceKey).toBe(instanceKey);
  expect(second.variables).toEqual({ orderId: 'A-1', by: 'old worker' });
});

test('a job completed before kill -9 is not handed out again', async () => {
  // given
  const [job] = await activateCount(t.zeebe, 'restart-first', 1, 10 * MINUTE);
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  // when
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 60 * MINUTE);
  // then
  const [second] = await activateCount(t.zeebe, 'restart-second', 1);
  expect(second.processInstanceKey).toBe(instanceKey);
  expect(await activateAll(t.zeebe, 'restart-first')).toEqual([]);
});

test('a failed job waits out its retry back-off across the restart and comes back with its retries', async () => {
  // given
  const [job] = await activateCount(t.zeebe, 'restart-first', 1, 10 * MINUTE);
  await t.zeebe.failJob({
    jobKey: job.key,
    retries: 2,
    errorMessage: 'printer jammed',
    retryBackOff: 5 * MINUTE,
  });
  // when
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 4 * MINUTE);
  const early = await activateAll(t.zeebe, 'restart-first');
  await t.rest.pinInternalClock(T0 + 6 * MINUTE);
  // then
  expect(early).toEqual([]);
  const again = await eventually(async () => (await activateAll(t.zeebe, 'restart-first'))[0]);
  expect(again.key).toBe(job.key);
  expect(again.retries).toBe(2);
});
