import { startTestEngine, type TestEngine } from '../helpers/engine';
import {
  activateNow,
  activateOne,
  Code,
  deploy,
  history,
  processEnd,
  rejectionOf,
  type Variables,
} from './support/conformance';

// SEMANTICS.md §5 (job states, CompleteJob), §1.2 (where CompleteJob variables land), §9 (cancel).
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'service-task.bpmn', 'input-mapped-task.bpmn');
});
afterAll(() => t.stop());

function startWithResult(bpmnProcessId: string, variables: Variables) {
  return t.zeebe.createProcessInstanceWithResult({ bpmnProcessId, variables, requestTimeout: 20_000 });
}

test('CompleteJob variables propagate to the process instance, updating and creating variables', async () => {
  // given
  const result = startWithResult('service-task', { jobType: 'complete-propagates', status: 'new' });
  const job = await activateOne(t, 'complete-propagates');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { status: 'checked', approved: true } });
  // then
  expect((await result).variables).toEqual({
    jobType: 'complete-propagates',
    status: 'checked',
    approved: true,
  });
});

test("a task's input-mapped local swallows a completed variable of the same name, which ends with the task", async () => {
  // given
  const result = startWithResult('input-mapped-task', { jobType: 'complete-swallowed' });
  const job = await activateOne(t, 'complete-swallowed');
  expect(job.variables).toMatchObject({ note: 'local' });
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { note: 'from worker', score: 7 } });
  // then
  expect((await result).variables).toEqual({ jobType: 'complete-swallowed', score: 7 });
});

test('a completed variable equal to the local value is not swallowed but propagates (Zeebe quirk)', async () => {
  // given
  const result = startWithResult('input-mapped-task', { jobType: 'complete-same-value' });
  const job = await activateOne(t, 'complete-same-value');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { note: 'local' } });
  // then
  expect((await result).variables).toEqual({ jobType: 'complete-same-value', note: 'local' });
});

test('a job that was never activated can be completed', async () => {
  // given
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'complete-unactivated' },
  });
  const jobCreated = (await history(t, created.processInstanceKey)).find(
    (r) => r.valueType === 'JOB' && r.intent === 'CREATED',
  )!;
  // when
  await t.zeebe.completeJob({ jobKey: String(jobCreated.key), variables: {} });
  // then
  expect(await processEnd(t, created.processInstanceKey)).toBe('ELEMENT_COMPLETED');
});

test('completing a job twice is NOT_FOUND: a completed job is gone', async () => {
  // given
  await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'complete-twice' },
  });
  const job = await activateOne(t, 'complete-twice');
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  // when
  const error = await rejectionOf(t.zeebe.completeJob({ jobKey: job.key, variables: {} }));
  // then
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(error.details).toContain(
    `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '${job.key}', but no such job was found`,
  );
});

test('completing an unknown job key is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(t.zeebe.completeJob({ jobKey: '2251799813999999', variables: {} }));
  // then
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(error.details).toContain(
    "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '2251799813999999', but no such job was found",
  );
});

test('CancelProcessInstance cancels its jobs: completing one is NOT_FOUND and none is handed out', async () => {
  // given
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'complete-canceled' },
  });
  const job = await activateOne(t, 'complete-canceled');
  // when
  await t.zeebe.cancelProcessInstance(created.processInstanceKey);
  // then
  const error = await rejectionOf(t.zeebe.completeJob({ jobKey: job.key, variables: {} }));
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(await activateNow(t, 'complete-canceled')).toEqual([]);
  expect(await processEnd(t, created.processInstanceKey)).toBe('ELEMENT_TERMINATED');
});

test('cancelling an instance that already ended is NOT_FOUND', async () => {
  // given
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'cancel-ended' },
  });
  await t.zeebe.cancelProcessInstance(created.processInstanceKey);
  // when
  const error = await rejectionOf(t.zeebe.cancelProcessInstance(created.processInstanceKey));
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details: `Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '${created.processInstanceKey}', but no such process was found`,
  });
});
