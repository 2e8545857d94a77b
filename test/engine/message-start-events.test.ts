import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, deploy, processEnd } from './support/conformance';

// SEMANTICS.md §3 Message start events.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'message-start.bpmn', 'message-start-and-catch.bpmn');
});
afterAll(() => t.stop());

/** Publishes 'complaint-received'; the instance it starts creates a job of type `jobType`. */
function received(
  jobType: string,
  correlationKey = '',
  timeToLive = 0,
  variables: Record<string, string> = {},
) {
  return t.zeebe.publishMessage({
    name: 'complaint-received',
    correlationKey,
    timeToLive,
    variables: { jobType, ...variables },
  });
}

test('a message starts an instance of the process, carrying the message variables', async () => {
  // when
  await received('start-variables', '', 0, { complainant: 'Li Wei' });
  // then
  const job = await activateOne(t, 'start-variables');
  expect(job).toMatchObject({
    bpmnProcessId: 'message-start',
    variables: { jobType: 'start-variables', complainant: 'Li Wei' },
  });
});

test('without a correlation key every message starts another instance', async () => {
  // when
  await received('start-no-key');
  await received('start-no-key');
  // then
  const jobs = await activateNow(t, 'start-no-key');
  expect(new Set(jobs.map((job) => job.processInstanceKey)).size).toBe(2);
});

test('while an instance started with a correlation key is active, a message with that key starts none', async () => {
  // given
  await received('start-same-key', 'C-1');
  // when
  await received('start-same-key', 'C-1');
  // then
  expect(await activateNow(t, 'start-same-key')).toHaveLength(1);
});

test('a message with another correlation key starts its own instance meanwhile', async () => {
  // given
  await received('start-other-key', 'C-2');
  // when
  await received('start-other-key', 'C-3');
  // then
  expect(await activateNow(t, 'start-other-key')).toHaveLength(2);
});

test('a buffered message with the same key starts an instance once the active one ended', async () => {
  // given
  await received('start-after-end', 'C-4', 0, { sequence: 'first' });
  const first = await activateOne(t, 'start-after-end');
  await received('start-after-end', 'C-4', 60_000, { sequence: 'second' });
  expect(await activateNow(t, 'start-after-end')).toEqual([]);
  // when
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  // then
  expect(await processEnd(t, first.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  const second = await activateOne(t, 'start-after-end');
  expect(second.variables).toMatchObject({ sequence: 'second' });
  expect(second.processInstanceKey).not.toBe(first.processInstanceKey);
});

test('after the instance ended, a new message with the same key starts a new instance', async () => {
  // given
  await received('start-key-reused', 'C-5');
  const first = await activateOne(t, 'start-key-reused');
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  await processEnd(t, first.processInstanceKey);
  // when
  await received('start-key-reused', 'C-5');
  // then
  const second = await activateOne(t, 'start-key-reused');
  expect(second.processInstanceKey).not.toBe(first.processInstanceKey);
});

test('a message published before the process was deployed does not start it', async () => {
  // given
  await t.zeebe.publishMessage({
    name: 'complaint-escalated',
    correlationKey: '',
    timeToLive: 60_000,
    variables: { jobType: 'start-deployed-later' },
  });
  // when
  await deploy(t, 'message-start-late.bpmn');
  // then
  expect(await activateNow(t, 'start-deployed-later')).toEqual([]);
});

test('a message taken by a waiting catch event of a process does not also start that process', async () => {
  // given
  const waiting = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'message-start-and-catch',
    variables: { ticketId: 'T-1', jobType: 'start-or-catch' },
  });
  // when
  await t.zeebe.publishMessage({
    name: 'ticket-updated',
    correlationKey: 'T-1',
    timeToLive: 0,
    variables: { jobType: 'start-or-catch' },
  });
  // then
  const jobs = await activateNow(t, 'start-or-catch');
  expect(jobs.map((job) => job.processInstanceKey)).toEqual([waiting.processInstanceKey]);
});

test('with no instance waiting for it, the same message starts the process', async () => {
  // when
  await t.zeebe.publishMessage({
    name: 'ticket-updated',
    correlationKey: 'T-2',
    timeToLive: 0,
    variables: { jobType: 'start-not-caught' },
  });
  // then
  const job = await activateOne(t, 'start-not-caught');
  expect(job).toMatchObject({
    bpmnProcessId: 'message-start-and-catch',
    variables: { jobType: 'start-not-caught' },
  });
});
