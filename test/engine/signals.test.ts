import { startTestEngine, type TestEngine } from '../helpers/engine';
import {
  activateNow,
  activateOne,
  Code,
  deploy,
  elementsWith,
  processEnd,
  rejectionOf,
} from './support/conformance';

// SEMANTICS.md §10 Signals. Every fixture listens to a signal name of its own.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(
    t,
    'signal-start.bpmn',
    'signal-catch.bpmn',
    'signal-boundary.bpmn',
    'signal-event-subprocess.bpmn',
  );
});
afterAll(() => t.stop());

async function start(bpmnProcessId: string, jobType: string) {
  return (await t.zeebe.createProcessInstance({ bpmnProcessId, variables: { jobType } })).processInstanceKey;
}

test('a signal starts an instance at a signal start event, with the signal variables', async () => {
  // when
  const response = await t.zeebe.broadcastSignal({
    signalName: 'recall-announced',
    variables: { jobType: 'signal-start', batch: 'B-17' },
  });
  // then
  expect(response.key).toMatch(/^\d+$/);
  const job = await activateOne(t, 'signal-start');
  expect(job).toMatchObject({ bpmnProcessId: 'signal-start', variables: { batch: 'B-17' } });
});

test('a signal continues every instance waiting at an intermediate signal catch event', async () => {
  // given
  const first = await start('signal-catch', 'signal-catch');
  const second = await start('signal-catch', 'signal-catch');
  // when
  await t.zeebe.broadcastSignal({ signalName: 'service-restored', variables: { restoredAt: '10:00' } });
  // then
  const jobs = await activateNow(t, 'signal-catch');
  expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual([first, second].sort());
  expect(jobs.map((job) => job.variables.restoredAt)).toEqual(['10:00', '10:00']);
});

test('a signal is not buffered: an instance that subscribes afterwards keeps waiting', async () => {
  // given
  await t.zeebe.broadcastSignal({ signalName: 'service-restored', variables: {} });
  // when
  const key = await start('signal-catch', 'signal-too-late');
  // then
  expect(await activateNow(t, 'signal-too-late')).toEqual([]);
  expect(await elementsWith(t, key, 'ELEMENT_COMPLETED')).not.toContain('Catch_ServiceRestored');
});

test('a signal boundary event interrupts its activity and takes its own path', async () => {
  // given
  const key = await start('signal-boundary', 'signal-boundary');
  const job = await activateOne(t, 'signal-boundary');
  // when
  await t.zeebe.broadcastSignal({ signalName: 'office-closed', variables: {} });
  // then
  expect(await processEnd(t, key)).toBe('ELEMENT_COMPLETED');
  expect(await elementsWith(t, key, 'ELEMENT_TERMINATED')).toEqual(['Task_Handle']);
  expect(await elementsWith(t, key, 'ELEMENT_COMPLETED')).toContain('End_Closed');
  expect((await rejectionOf(t.zeebe.completeJob({ jobKey: job.key, variables: {} }))).code).toBe(
    Code.NOT_FOUND,
  );
});

test('a non-interrupting signal boundary event branches off at every signal while its activity goes on', async () => {
  // given
  const key = await start('signal-boundary', 'signal-notice');
  const job = await activateOne(t, 'signal-notice');
  // when
  await t.zeebe.broadcastSignal({ signalName: 'office-notice', variables: {} });
  await t.zeebe.broadcastSignal({ signalName: 'office-notice', variables: {} });
  // then
  const notices = await activateNow(t, 'signal-notice-notice');
  expect(notices.map((notice) => notice.processInstanceKey)).toEqual([key, key]);
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  for (const notice of notices) await t.zeebe.completeJob({ jobKey: notice.key, variables: {} });
  expect(await processEnd(t, key)).toBe('ELEMENT_COMPLETED');
});

test('a signal starts an event sub-process, which interrupts the rest of its scope', async () => {
  // given
  const key = await start('signal-event-subprocess', 'signal-esp');
  // when
  await t.zeebe.broadcastSignal({ signalName: 'system-freeze', variables: { reason: 'audit' } });
  // then
  const frozen = await activateOne(t, 'signal-esp-frozen');
  expect(frozen).toMatchObject({ processInstanceKey: key, variables: { reason: 'audit' } });
  expect(await elementsWith(t, key, 'ELEMENT_TERMINATED')).toEqual(['Task_Handle']);
  await t.zeebe.completeJob({ jobKey: frozen.key, variables: {} });
  expect(await processEnd(t, key)).toBe('ELEMENT_COMPLETED');
});

test('a signal nobody listens to is accepted and changes nothing', async () => {
  // when
  const response = await t.zeebe.broadcastSignal({ signalName: 'nobody-listens', variables: { x: 1 } });
  // then
  expect(response).toMatchObject({ tenantId: '<default>' });
  expect(response.key).toMatch(/^\d+$/);
});

test('a signal starts only the latest version of a process', async () => {
  // given
  await deploy(t, 'signal-start-v2.bpmn');
  // when
  await t.zeebe.broadcastSignal({ signalName: 'recall-announced', variables: { jobType: 'signal-latest' } });
  // then
  const jobs = await activateNow(t, 'signal-latest');
  expect(jobs.map((job) => job.processDefinitionVersion)).toEqual([2]);
});
