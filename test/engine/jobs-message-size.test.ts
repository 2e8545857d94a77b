import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, deploy, incidentOf } from './support/conformance';

// SEMANTICS.md §5 ActivateJobs: a batch stops before it would exceed the max message size; a single
// job too large to activate raises a MESSAGE_SIZE_EXCEEDED incident. §15 size limits.
let t: TestEngine;
const MAX_MESSAGE_SIZE = 64 * 1024;
const text40k = 'x'.repeat(40 * 1024);
beforeAll(async () => {
  t = await startTestEngine({ maxMessageSize: MAX_MESSAGE_SIZE });
  await deploy(t, 'service-task.bpmn');
});
afterAll(() => t.stop());

/** An instance whose job carries `blocks` variables of 40 KiB each (set one request at a time). */
async function withLargeVariables(jobType: string, blocks: number) {
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType, block0: text40k },
  });
  for (let i = 1; i < blocks; i++) {
    await t.zeebe.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { [`block${i}`]: text40k },
      local: false,
    });
  }
  return created.processInstanceKey;
}

test('an activation stops before its response would exceed the max message size; the rest wait', async () => {
  // given: two jobs of 40 KiB each, 64 KiB allowed per response
  await withLargeVariables('size-batch', 1);
  await withLargeVariables('size-batch', 1);
  // when
  const first = await activateNow(t, 'size-batch', { max: 10 });
  const second = await activateNow(t, 'size-batch', { max: 10 });
  // then
  expect(first).toHaveLength(1);
  expect(second).toHaveLength(1);
  expect(second[0].key).not.toBe(first[0].key);
});

test('a job too large to activate raises a MESSAGE_SIZE_EXCEEDED incident and is not handed out', async () => {
  // given: a job with 80 KiB of variables, 64 KiB allowed
  const key = await withLargeVariables('size-too-large', 2);
  // when
  const jobs = await activateNow(t, 'size-too-large');
  // then
  expect(jobs).toEqual([]);
  const incident = await incidentOf(t, key);
  expect(incident.value).toMatchObject({ errorType: 'MESSAGE_SIZE_EXCEEDED', elementId: 'Task_Work' });
  expect(incident.value.errorMessage).toMatch(
    /^The job with key '\d+' can not be activated, because with .+ it is larger than the configured message size \(per default is 4 MB\)\. Try to reduce the size by reducing the number of fetched variables or modifying the variable values\.$/,
  );
});

test('fetching fewer variables lets a job that is too large with all of them be activated', async () => {
  // given
  await withLargeVariables('size-fetch-fewer', 2);
  // when
  const job = await activateOne(t, 'size-fetch-fewer', { fetchVariable: ['jobType', 'block1'] });
  // then
  expect(Object.keys(job.variables).sort()).toEqual(['block1', 'jobType']);
});

test('after the variables were reduced, resolving the incident hands the job out', async () => {
  // given
  const key = await withLargeVariables('size-resolved', 2);
  await activateNow(t, 'size-resolved');
  const incident = await incidentOf(t, key);
  // when
  await t.zeebe.setVariables({ elementInstanceKey: key, variables: { block1: 'small' }, local: false });
  await t.zeebe.resolveIncident({ incidentKey: String(incident.key) });
  // then
  const job = await activateOne(t, 'size-resolved');
  expect(job.variables).toMatchObject({ block1: 'small' });
});
