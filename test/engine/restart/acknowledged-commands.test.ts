import { eventually } from '../../helpers/engine';
import {
  activateAll,
  activateCount,
  burst,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// What the engine acknowledged survives kill -9 exactly once; what it did not acknowledge may or may
// not have happened, but never twice.

const HOUR = 3_600_000;
let t: RestartableEngine;
beforeEach(async () => {
  t = await startRestartableEngine();
  await deployFixtures(t.zeebe, 'restart-two-tasks.bpmn');
});
afterEach(() => t.stop());

test('every acknowledged process instance is there exactly once after kill -9', async () => {
  // given
  const created: string[] = [];
  for (let i = 0; i < 20; i++) {
    const instance = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'restart-two-tasks',
      variables: { i },
    });
    created.push(instance.processInstanceKey);
  }
  // when
  await t.crashAndRestart();
  // then
  const jobs = await activateAll(t.zeebe, 'restart-first');
  expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual([...created].sort());
  expect(jobs.map((job) => job.variables.i as number).sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
});

test('a kill among 200 concurrent CreateProcessInstance loses none that was acknowledged and duplicates none', async () => {
  // given
  let killed: Promise<void> | undefined;
  // when
  const { acknowledged, failed } = await burst(
    2000,
    200,
    (i) => t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-two-tasks', variables: { i } }),
    (_, count) => {
      if (count === 300) killed = t.kill();
    },
  );
  await killed;
  await t.restart();
  // then
  expect(failed).toBeGreaterThan(0);
  const jobs = await activateAll(t.zeebe, 'restart-first');
  const instances = jobs.map((job) => job.processInstanceKey);
  expect(new Set(instances).size).toBe(jobs.length);
  expect(instances).toEqual(expect.arrayContaining(acknowledged.map((a) => a.processInstanceKey)));
  const inputs = jobs.map((job) => job.variables.i as number);
  expect(new Set(inputs).size).toBe(inputs.length);
});

test('a kill among concurrent CompleteJob moves on every acknowledged completion, and no job both completes and returns', async () => {
  // given
  const T0 = Date.now();
  await t.rest.pinInternalClock(T0);
  await burst(
    400,
    50,
    () => t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-two-tasks', variables: {} }),
    () => undefined,
  );
  const first = await activateCount(t.zeebe, 'restart-first', 400, HOUR);
  let killed: Promise<void> | undefined;
  // when
  const { acknowledged, failed } = await burst(
    first.length,
    50,
    async (i) => {
      await t.zeebe.completeJob({ jobKey: first[i].key, variables: { done: true } });
      return first[i].processInstanceKey;
    },
    (_, count) => {
      if (count === 100) killed = t.kill();
    },
  );
  await killed;
  await t.restart();
  await t.rest.pinInternalClock(T0 + 2 * HOUR); // the activations not completed time out
  // then
  const stillFirst: string[] = [];
  const movedOn: string[] = [];
  await eventually(async () => {
    stillFirst.push(...(await activateAll(t.zeebe, 'restart-first')).map((job) => job.processInstanceKey));
    movedOn.push(...(await activateAll(t.zeebe, 'restart-second')).map((job) => job.processInstanceKey));
    return stillFirst.length + movedOn.length >= 400;
  });
  expect(failed).toBeGreaterThan(0);
  expect(movedOn).toEqual(expect.arrayContaining(acknowledged));
  expect(stillFirst.filter((key) => movedOn.includes(key))).toEqual([]);
  expect(new Set([...stillFirst, ...movedOn])).toEqual(new Set(first.map((job) => job.processInstanceKey)));
  expect(stillFirst.length + movedOn.length).toBe(400);
});
