import {
  activateAll,
  activateCount,
  burst,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// A timer is due by the engine clock; one that came due while the engine was down fires once when it
// is back, and one that fired before a kill -9 never fires again.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let t: RestartableEngine;
let T0: number;
beforeEach(async () => {
  t = await startRestartableEngine();
  T0 = Date.now();
  await t.rest.pinInternalClock(T0);
});
afterEach(() => t.stop());

const startWaiting = (count: number) =>
  burst(
    count,
    20,
    () => t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-timer-catch', variables: {} }),
    () => undefined,
  ).then(({ acknowledged }) => acknowledged.map((instance) => instance.processInstanceKey).sort());

const instancesOf = (jobs: Array<{ processInstanceKey: string }>) =>
  jobs.map((job) => job.processInstanceKey).sort();

test('timers that came due during the downtime fire exactly once after the restart', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-timer-catch.bpmn');
  const instances = await startWaiting(50);
  await t.kill();
  // when
  await t.restart();
  await t.rest.pinInternalClock(T0 + 60 * MINUTE);
  // then
  const fired = await activateCount(t.zeebe, 'after-timer', 50, DAY);
  expect(instancesOf(fired)).toEqual(instances);
  await t.rest.pinInternalClock(T0 + 120 * MINUTE);
  expect(await activateAll(t.zeebe, 'after-timer')).toEqual([]);
});

test('timers that fired before kill -9 do not fire again after the restart', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-timer-catch.bpmn');
  const instances = await startWaiting(50);
  await t.rest.pinInternalClock(T0 + 60 * MINUTE);
  const fired = await activateCount(t.zeebe, 'after-timer', 50, DAY);
  // when
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 120 * MINUTE);
  // then
  expect(instancesOf(fired)).toEqual(instances);
  expect(await activateAll(t.zeebe, 'after-timer')).toEqual([]);
});

test('a kill while due timers are firing leaves each timer fired exactly once after the restart', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-timer-catch.bpmn');
  const instances = await startWaiting(600);
  await t.rest.pinInternalClock(T0 + 60 * MINUTE);
  const [firstFired] = await activateCount(t.zeebe, 'after-timer', 1, MINUTE);
  // when
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 62 * MINUTE); // the first job's activation times out as well
  // then
  const fired = await activateCount(t.zeebe, 'after-timer', 600, DAY);
  expect(instancesOf(fired)).toEqual(instances);
  expect(instancesOf(fired)).toContain(firstFired.processInstanceKey);
  expect(await activateAll(t.zeebe, 'after-timer')).toEqual([]);
});

test('a timer start event due during the downtime creates exactly one instance', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-timer-start.bpmn');
  await t.kill();
  // when
  await t.restart();
  await t.rest.pinInternalClock(Date.parse('2099-01-01T01:00:00Z'));
  // then
  const [celebrate] = await activateCount(t.zeebe, 'celebrate', 1, DAY);
  await t.zeebe.completeJob({ jobKey: celebrate.key, variables: {} });
  await t.crashAndRestart();
  await t.rest.pinInternalClock(Date.parse('2099-06-01T00:00:00Z'));
  expect(await activateAll(t.zeebe, 'celebrate')).toEqual([]);
});

test('a boundary timer due during the downtime interrupts the task once and takes the escalation path', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-timer-boundary.bpmn');
  const instance = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'restart-timer-boundary',
    variables: {},
  });
  const [work] = await activateCount(t.zeebe, 'slow-work', 1, DAY);
  await t.kill();
  // when
  await t.restart();
  await t.rest.pinInternalClock(T0 + 31 * MINUTE);
  // then
  const [escalate] = await activateCount(t.zeebe, 'escalate-work', 1, DAY);
  expect(escalate.processInstanceKey).toBe(instance.processInstanceKey);
  await expect(t.zeebe.completeJob({ jobKey: work.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  expect(await activateAll(t.zeebe, 'deliver-work')).toEqual([]);
  expect(await activateAll(t.zeebe, 'escalate-work')).toEqual([]);
});
