import { connectClients, type EngineClients } from '../../helpers/engine-process';
import {
  activateCount,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// A worker is a long-lived client: it outlives an engine crash, reconnects on its own and goes on
// working once the engine is back on the same address.

let t: RestartableEngine;
let worker: EngineClients;
beforeEach(async () => {
  t = await startRestartableEngine();
  await deployFixtures(t.zeebe, 'restart-two-tasks.bpmn');
  worker = connectClients(t.process);
});
afterEach(async () => {
  await worker.close();
  await t.stop();
});

test('a worker started before kill -9 completes the jobs of instances created after the restart', async () => {
  // given
  worker.zeebe.createWorker({
    taskType: 'restart-first',
    pollInterval: 100,
    taskHandler: (job) => job.complete({ workedBy: 'long-lived worker' }),
  });
  const before = await t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-two-tasks', variables: {} });
  const [movedOn] = await activateCount(t.zeebe, 'restart-second', 1);
  expect(movedOn.processInstanceKey).toBe(before.processInstanceKey);
  // when
  await t.crashAndRestart();
  const after = await t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-two-tasks', variables: {} });
  // then
  const [second] = await activateCount(t.zeebe, 'restart-second', 1);
  expect(second.processInstanceKey).toBe(after.processInstanceKey);
  expect(second.variables).toEqual({ workedBy: 'long-lived worker' });
});
