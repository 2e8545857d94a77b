import { eventually, startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, Code, deploy, rejectionOf, type Variables } from './support/conformance';

// SEMANTICS.md §3 Buffering (TTL) and messageId.
let t: TestEngine;
const T0 = Date.UTC(2030, 8, 1, 10, 0, 0);
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'message-catch.bpmn', 'message-catch-twin.bpmn');
});
beforeEach(() => t.engine.clock.pin(T0));
afterAll(() => t.stop());

async function waiting(orderId: string, jobType: string, bpmnProcessId = 'message-catch') {
  const created = await t.zeebe.createProcessInstance({ bpmnProcessId, variables: { orderId, jobType } });
  return created.processInstanceKey;
}

function publish(
  correlationKey: string,
  timeToLive: number,
  more: { messageId?: string; variables?: Variables } = {},
) {
  return t.zeebe.publishMessage({
    name: 'order-paid',
    correlationKey,
    timeToLive,
    variables: more.variables ?? {},
    ...(more.messageId ? { messageId: more.messageId } : {}),
  });
}

test('a message published before the subscription opens correlates when it opens, within its TTL', async () => {
  // given
  await publish('B-1', 60_000, { variables: { amount: 5 } });
  // when
  const key = await waiting('B-1', 'buffer-later');
  // then
  const job = await activateOne(t, 'buffer-later');
  expect(job).toMatchObject({ processInstanceKey: key, variables: { amount: 5 } });
});

test('a buffered message whose TTL is over does not correlate', async () => {
  // given
  await publish('B-2', 10_000);
  t.engine.clock.pin(T0 + 10_001);
  // when
  await waiting('B-2', 'buffer-expired');
  // then
  expect(await activateNow(t, 'buffer-expired')).toEqual([]);
});

test('a message with TTL 0 is not buffered', async () => {
  // given
  await publish('B-3', 0);
  // when
  await waiting('B-3', 'buffer-ttl-zero');
  // then
  expect(await activateNow(t, 'buffer-ttl-zero')).toEqual([]);
});

test('a buffered message is taken by one instance of a process only', async () => {
  // given
  await publish('B-4', 60_000);
  // when
  const first = await waiting('B-4', 'buffer-once');
  await waiting('B-4', 'buffer-once');
  // then
  const jobs = await activateNow(t, 'buffer-once');
  expect(jobs.map((job) => job.processInstanceKey)).toEqual([first]);
});

test('a buffered message is taken by one instance of each process', async () => {
  // given
  await publish('B-5', 60_000);
  // when
  const main = await waiting('B-5', 'buffer-each-process');
  const twin = await waiting('B-5', 'buffer-each-process', 'message-catch-twin');
  // then
  const jobs = await activateNow(t, 'buffer-each-process');
  expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual([main, twin].sort());
});

test('buffered messages are taken oldest first', async () => {
  // given
  await publish('B-6', 60_000, { variables: { sequence: 1 } });
  await publish('B-6', 60_000, { variables: { sequence: 2 } });
  // when
  await waiting('B-6', 'buffer-fifo');
  const first = await activateOne(t, 'buffer-fifo');
  await waiting('B-6', 'buffer-fifo');
  const second = await activateOne(t, 'buffer-fifo');
  // then
  expect([first.variables.sequence, second.variables.sequence]).toEqual([1, 2]);
});

test('publishing a messageId again while the first message is buffered is ALREADY_EXISTS', async () => {
  // given
  await publish('B-7', 60_000, { messageId: 'payment-123' });
  // when
  const error = await rejectionOf(publish('B-7', 60_000, { messageId: 'payment-123' }));
  // then
  expect(error).toEqual({
    code: Code.ALREADY_EXISTS,
    details:
      "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new message with id 'payment-123', but a message with that id was already published",
  });
});

test('the same messageId with another correlation key is another message', async () => {
  // given
  await publish('B-8', 60_000, { messageId: 'payment-456' });
  // when
  const other = await publish('B-8-other', 60_000, { messageId: 'payment-456' });
  // then
  expect(other.key).toMatch(/^\d+$/);
});

test('a messageId can be used again once its message expired', async () => {
  // given
  await publish('B-9', 10_000, { messageId: 'payment-789' });
  // when
  t.engine.clock.pin(T0 + 10_001);
  // then
  const again = await eventually(() => publish('B-9', 10_000, { messageId: 'payment-789' }));
  expect(again.key).toMatch(/^\d+$/);
});

test('a messageId published with TTL 0 can be used again at once', async () => {
  // given
  await publish('B-10', 0, { messageId: 'payment-000' });
  // when
  const again = await publish('B-10', 0, { messageId: 'payment-000' });
  // then
  expect(again.key).toMatch(/^\d+$/);
});
