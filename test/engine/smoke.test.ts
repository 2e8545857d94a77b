import path from 'node:path';
import { startTestEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

test('a process with two service tasks runs to completion through the SDK', async () => {
  // given
  const deployment = await t.zeebe.deployResource({
    processFilename: path.join(__dirname, 'fixtures/two-tasks.bpmn'),
  });
  expect(deployment.deployments[0].process.bpmnProcessId).toBe('two-tasks');
  // when
  const started = await t.zeebe.createProcessInstance({ bpmnProcessId: 'two-tasks', variables: { n: 1 } });
  const [a] = await t.zeebe.activateJobs({
    type: 'task-a',
    worker: 'w',
    maxJobsToActivate: 5,
    timeout: 30_000,
    requestTimeout: 1000,
  });
  expect(a.variables).toEqual({ n: 1 });
  await t.zeebe.completeJob({ jobKey: a.key, variables: { fromA: 'yes' } });
  const [b] = await t.zeebe.activateJobs({
    type: 'task-b',
    worker: 'w',
    maxJobsToActivate: 5,
    timeout: 30_000,
    requestTimeout: 1000,
  });
  expect(b.variables).toEqual({ n: 1, fromA: 'yes' });
  await t.zeebe.completeJob({ jobKey: b.key, variables: {} });
  // then
  const records = await t.engine.records(Number(started.processInstanceKey));
  expect(records.filter((r) => r.intent === 'ELEMENT_COMPLETED').map((r) => r.value.elementId)).toEqual([
    'Start',
    'Task_A',
    'Task_B',
    'End',
    'two-tasks',
  ]);
});
