import {
  activateCount,
  burst,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// Zeebe keys identify instances, jobs, messages and deployments for ever: a key handed out before a
// kill -9 is never handed out again.

let t: RestartableEngine;
beforeEach(async () => {
  t = await startRestartableEngine();
});
afterEach(() => t.stop());

/** Every key some work hands out: a deployment and its process, instances, jobs and a message. */
async function workload(fixture: string, bpmnProcessId: string, jobType: string): Promise<bigint[]> {
  const deployment = await deployFixtures(t.zeebe, fixture);
  const keys = [deployment.key, deployment.deployments[0].process.processDefinitionKey];
  for (let i = 0; i < 10; i++) {
    keys.push((await t.zeebe.createProcessInstance({ bpmnProcessId, variables: {} })).processInstanceKey);
  }
  const jobs = await activateCount(t.zeebe, jobType, 10);
  keys.push(...jobs.map((job) => job.key));
  keys.push((await t.zeebe.publishMessage({ name: 'nobody-waits', correlationKey: 'k', variables: {} })).key);
  return keys.map(BigInt);
}
const workBefore = () => workload('restart-two-tasks.bpmn', 'restart-two-tasks', 'restart-first');
const workAfter = () => workload('restart-timer-boundary.bpmn', 'restart-timer-boundary', 'slow-work');

const max = (keys: bigint[]) => keys.reduce((a, b) => (a > b ? a : b));

test('every key handed out after kill -9 is new, and greater than all keys before', async () => {
  // given
  const before = await workBefore();
  // when
  await t.crashAndRestart();
  const after = await workAfter();
  // then
  expect(after.filter((key) => before.includes(key))).toEqual([]);
  expect(after.every((key) => key > max(before))).toBe(true);
  expect(new Set(after).size).toBe(after.length);
});

test('keys acknowledged during a burst cut short by kill -9 are never handed out again', async () => {
  // given
  await deployFixtures(t.zeebe, 'restart-two-tasks.bpmn');
  let killed: Promise<void> | undefined;
  const { acknowledged } = await burst(
    2000,
    200,
    () => t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-two-tasks', variables: {} }),
    (_, count) => {
      if (count === 300) killed = t.kill();
    },
  );
  await killed;
  const before = acknowledged.map((instance) => BigInt(instance.processInstanceKey));
  // when
  await t.restart();
  const after = await workAfter();
  // then
  expect(after.filter((key) => before.includes(key))).toEqual([]);
  expect(after.every((key) => key > max(before))).toBe(true);
});
