import { type ZBClient } from 'zeebe-node';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { fixture, zeebeNodeClient } from './zeebe-node-client';

// zeebe-node 8.3 workers (createWorker, ActivateJobs long polling) complete, fail and throw errors.

let t: TestEngine;
let zbc: ZBClient;
beforeEach(async () => {
  t = await startTestEngine();
  zbc = zeebeNodeClient(t.engine);
  await zbc.deployResource({ processFilename: fixture('zbnode-charge-order.bpmn') });
  await zbc.deployResource({ processFilename: fixture('zbnode-check-stock.bpmn') });
});
afterEach(async () => {
  await zbc.close();
  await t.stop();
});

test('a worker gets the variables and custom headers and completes the job with variables', async () => {
  // given
  const seen: Array<{ variables: object; customHeaders: object }> = [];
  zbc.createWorker({
    taskType: 'zbnode-charge',
    taskHandler: (job) => {
      seen.push({ variables: job.variables, customHeaders: job.customHeaders });
      return job.complete({ receipt: `R-${job.variables.orderId}` });
    },
  });
  // when
  const result = await zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'zbnode-charge-order',
    variables: { orderId: 'O-7', amount: 12.5 },
    requestTimeout: 10_000,
  });
  // then
  expect(seen).toEqual([
    { variables: { orderId: 'O-7', amount: 12.5 }, customHeaders: { currency: 'EUR', method: 'card' } },
  ]);
  expect(result.variables).toEqual({ orderId: 'O-7', amount: 12.5, receipt: 'R-O-7' });
});

test('a job failed with retries left comes back to the worker with those retries', async () => {
  // given
  const attempts: number[] = [];
  zbc.createWorker({
    taskType: 'zbnode-charge',
    taskHandler: (job) => {
      attempts.push(job.retries);
      if (attempts.length === 1) {
        return job.fail({ errorMessage: 'card declined', retries: job.retries - 1, retryBackOff: 0 });
      }
      return job.complete({ attempts: attempts.length });
    },
  });
  // when
  const result = await zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'zbnode-charge-order',
    variables: {},
    requestTimeout: 10_000,
  });
  // then
  expect(attempts).toEqual([3, 2]);
  expect(result.variables).toEqual({ attempts: 2 });
});

test('a BPMN error thrown by the worker is caught by the boundary event and takes its path', async () => {
  // given
  zbc.createWorker({
    taskType: 'zbnode-check-stock',
    taskHandler: (job) => job.error('OUT_OF_STOCK', `no ${job.variables.sku} left`),
  });
  const reordered: string[] = [];
  zbc.createWorker({
    taskType: 'zbnode-reorder',
    taskHandler: (job) => {
      reordered.push(job.elementId);
      return job.complete({ reordered: true });
    },
  });
  // when
  const result = await zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'zbnode-check-stock',
    variables: { sku: 'chair' },
    requestTimeout: 10_000,
  });
  // then
  expect(reordered).toEqual(['Task_Reorder']);
  expect(result.variables).toEqual({ sku: 'chair', reordered: true });
});
