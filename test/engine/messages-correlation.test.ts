import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, deploy, incidentOf, type Variables } from './support/conformance';

// SEMANTICS.md §3 Subscriptions and Cardinality; §1.2 (message variables).
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'message-catch.bpmn', 'message-catch-twin.bpmn', 'receive-task.bpmn');
});
afterAll(() => t.stop());

/** An instance waiting at its message catch event (the job after it has type `jobType`). */
async function waiting(orderId: unknown, jobType: string, bpmnProcessId = 'message-catch') {
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId,
    variables: { orderId, jobType } as Variables,
  });
  return created.processInstanceKey;
}

function publish(name: string, correlationKey: string, variables: Variables = {}) {
  return t.zeebe.publishMessage({ name, correlationKey, variables, timeToLive: 0 });
}

test('a message continues the instance subscribed to its name and correlation key, and no other', async () => {
  // given
  const paid = await waiting('A-1', 'correlate-by-key');
  await waiting('A-2', 'correlate-by-key');
  // when
  await publish('order-paid', 'A-1');
  await publish('order-shipped', 'A-2');
  // then
  const jobs = await activateNow(t, 'correlate-by-key');
  expect(jobs.map((job) => job.processInstanceKey)).toEqual([paid]);
});

test('the message variables reach the process instance', async () => {
  // given
  await waiting('A-3', 'correlate-variables');
  // when
  await publish('order-paid', 'A-3', { amount: 99.5, currency: 'EUR' });
  // then
  const job = await activateOne(t, 'correlate-variables');
  expect(job.variables).toEqual({
    orderId: 'A-3',
    jobType: 'correlate-variables',
    amount: 99.5,
    currency: 'EUR',
  });
});

test('a numeric correlation key is matched by its integer text', async () => {
  // given
  const whole = await waiting(4711, 'correlate-number');
  const decimal = await waiting(12.7, 'correlate-number');
  // when
  await publish('order-paid', '4711');
  await publish('order-paid', '12');
  // then
  const jobs = await activateNow(t, 'correlate-number');
  expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual([whole, decimal].sort());
});

test('a correlation key that is neither a string nor a number raises an EXTRACT_VALUE_ERROR incident', async () => {
  // when
  const key = await waiting(true, 'correlate-boolean');
  // then
  const incident = await incidentOf(t, key);
  expect(incident.value).toMatchObject({
    errorType: 'EXTRACT_VALUE_ERROR',
    elementId: 'Catch_OrderPaid',
    errorMessage:
      "Failed to extract the correlation key for 'orderId': The value must be either a string or a number, but was 'BOOLEAN'.",
  });
});

test('the correlation key is fixed when the subscription opens; later changes to the variable do not move it', async () => {
  // given
  const key = await waiting('A-6', 'correlate-fixed-key');
  await t.zeebe.setVariables({
    elementInstanceKey: key,
    variables: { orderId: 'A-6-changed' },
    local: false,
  });
  // when
  await publish('order-paid', 'A-6-changed');
  // then
  expect(await activateNow(t, 'correlate-fixed-key')).toEqual([]);
  // when
  await publish('order-paid', 'A-6');
  // then
  expect((await activateNow(t, 'correlate-fixed-key')).map((job) => job.processInstanceKey)).toEqual([key]);
});

test('a message reaches at most one instance of a process; the next message the next instance', async () => {
  // given
  await waiting('A-4', 'correlate-one-per-process');
  await waiting('A-4', 'correlate-one-per-process');
  // when
  await publish('order-paid', 'A-4');
  // then
  expect(await activateNow(t, 'correlate-one-per-process')).toHaveLength(1);
  // when
  await publish('order-paid', 'A-4');
  // then
  expect(await activateNow(t, 'correlate-one-per-process')).toHaveLength(1);
});

test('a message reaches one instance of each process subscribed to it', async () => {
  // given
  const main = await waiting('A-5', 'correlate-each-process');
  const twin = await waiting('A-5', 'correlate-each-process', 'message-catch-twin');
  // when
  await publish('order-paid', 'A-5');
  // then
  const jobs = await activateNow(t, 'correlate-each-process');
  expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual([main, twin].sort());
});

test('a receive task completes with the message and its variables', async () => {
  // given
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'receive-task',
    variables: { invoiceId: 'INV-9', jobType: 'receive-task' },
  });
  // when
  await publish('payment-received', 'INV-9', { paidAmount: 40 });
  // then
  const job = await activateOne(t, 'receive-task');
  expect(job).toMatchObject({
    processInstanceKey: created.processInstanceKey,
    variables: { paidAmount: 40 },
  });
});

test('PublishMessage answers with the message key and the tenant', async () => {
  // when
  const response = await publish('nobody-waits-for-this', 'K');
  // then
  expect(response.key).toMatch(/^\d+$/);
  expect(response.tenantId).toBe('<default>');
});
