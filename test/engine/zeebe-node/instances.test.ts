import { type ZBClient } from 'zeebe-node';
import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';
import { fixture, zeebeNodeClient } from './zeebe-node-client';

// zeebe-node 8.3 drives running instances: messages, cancellation, variables and incidents.

let t: TestEngine;
let zbc: ZBClient;
beforeEach(async () => {
  t = await startTestEngine();
  zbc = zeebeNodeClient(t.engine);
  await zbc.deployResource({ processFilename: fixture('zbnode-charge-order.bpmn') });
  await zbc.deployResource({ processFilename: fixture('zbnode-await-payment.bpmn') });
});
afterEach(async () => {
  await zbc.close();
  await t.stop();
});

const activate = (type: string) =>
  zbc.activateJobs({
    type,
    worker: 'zbnode-test',
    maxJobsToActivate: 10,
    timeout: 60_000,
    requestTimeout: 5_000,
  });

test('publishMessage correlates to the instance waiting with that correlation key', async () => {
  // given
  const waiting = await zbc.createProcessInstance({
    bpmnProcessId: 'zbnode-await-payment',
    variables: { orderId: 'O-1' },
  });
  await zbc.createProcessInstance({ bpmnProcessId: 'zbnode-await-payment', variables: { orderId: 'O-2' } });
  // when
  const published = await zbc.publishMessage({
    name: 'zbnode-payment-received',
    correlationKey: 'O-1',
    variables: { paidAmount: 20 },
    timeToLive: 0,
  });
  // then
  expect(published.key).toMatch(/^\d+$/);
  const [ship] = await activate('zbnode-ship');
  expect(ship.processInstanceKey).toBe(waiting.processInstanceKey);
  expect(ship.variables).toEqual({ orderId: 'O-1', paidAmount: 20 });
});

test('cancelProcessInstance ends the instance: its job can no longer be completed', async () => {
  // given
  const instance = await zbc.createProcessInstance({ bpmnProcessId: 'zbnode-charge-order', variables: {} });
  const [job] = await activate('zbnode-charge');
  // when
  await zbc.cancelProcessInstance(instance.processInstanceKey);
  // then
  await expect(zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  await expect(zbc.cancelProcessInstance(instance.processInstanceKey)).rejects.toThrow(/NOT_FOUND/);
});

test('setVariables on the process instance is seen by the next activation of its job', async () => {
  // given
  const instance = await zbc.createProcessInstance({
    bpmnProcessId: 'zbnode-charge-order',
    variables: { amount: 10 },
  });
  // when
  await zbc.setVariables({
    elementInstanceKey: instance.processInstanceKey,
    variables: { amount: 15, coupon: 'SPRING' },
    local: false,
  });
  // then
  const [job] = await activate('zbnode-charge');
  expect(job.variables).toEqual({ amount: 15, coupon: 'SPRING' });
});

test('resolveIncident after updateJobRetries hands the failed job out again', async () => {
  // given
  const instance = await zbc.createProcessInstance({ bpmnProcessId: 'zbnode-charge-order', variables: {} });
  const [job] = await activate('zbnode-charge');
  await zbc.failJob({ jobKey: job.key, errorMessage: 'card expired', retries: 0, retryBackOff: 0 });
  const incident = await eventually(async () => {
    const found = await t.rest.searchIncidents({
      filter: { processInstanceKey: instance.processInstanceKey },
    });
    return found.items[0];
  });
  expect(incident).toMatchObject({
    errorType: 'JOB_NO_RETRIES',
    errorMessage: 'card expired',
    jobKey: job.key,
  });
  // when
  await zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
  await zbc.resolveIncident({ incidentKey: incident.incidentKey });
  // then
  const [again] = await activate('zbnode-charge');
  expect(again.key).toBe(job.key);
  expect(again.retries).toBe(1);
});
