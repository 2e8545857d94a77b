import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, Code, deploy, incidentOf, rejectionOf } from './support/conformance';

// SEMANTICS.md §5 FailJob (retries 0) and ResolveIncident for a job incident, §6.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'service-task.bpmn');
});
afterAll(() => t.stop());

/** An instance whose job failed with no retries left. */
async function jobOutOfRetries(jobType: string, errorMessage: string) {
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType },
  });
  const job = await activateOne(t, jobType);
  await t.zeebe.failJob({ jobKey: job.key, retries: 0, errorMessage, retryBackOff: 0 });
  return { processInstanceKey: created.processInstanceKey, job };
}

test('FailJob with no retries left raises a JOB_NO_RETRIES incident with the error message', async () => {
  // when
  const { processInstanceKey, job } = await jobOutOfRetries('incident-message', 'payment provider down');
  // then
  const incident = await incidentOf(t, processInstanceKey);
  expect(incident.value).toMatchObject({
    errorType: 'JOB_NO_RETRIES',
    errorMessage: 'payment provider down',
    elementId: 'Task_Work',
    elementInstanceKey: Number(job.elementInstanceKey),
    jobKey: Number(job.key),
  });
});

test("without an error message the incident says 'No more retries left.'", async () => {
  // when
  const { processInstanceKey } = await jobOutOfRetries('incident-no-message', '');
  // then
  const incident = await incidentOf(t, processInstanceKey);
  expect(incident.value).toMatchObject({
    errorType: 'JOB_NO_RETRIES',
    errorMessage: 'No more retries left.',
  });
});

test('a job with no retries left is not handed out to workers', async () => {
  // given
  await jobOutOfRetries('incident-not-activatable', 'broken');
  // when
  const jobs = await activateNow(t, 'incident-not-activatable');
  // then
  expect(jobs).toEqual([]);
});

test('ResolveIncident while the job still has no retries is FAILED_PRECONDITION', async () => {
  // given
  const { processInstanceKey, job } = await jobOutOfRetries('incident-resolve-early', 'broken');
  const incident = await incidentOf(t, processInstanceKey);
  // when
  const error = await rejectionOf(t.zeebe.resolveIncident({ incidentKey: String(incident.key) }));
  // then
  expect(error).toEqual({
    code: Code.FAILED_PRECONDITION,
    details: `Command 'RESOLVE' rejected with code 'INVALID_STATE': Expected to resolve incident with key '${incident.key}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`,
  });
});

test('UpdateJobRetries then ResolveIncident hands the same job out again with the new retries', async () => {
  // given
  const { processInstanceKey, job } = await jobOutOfRetries('incident-resolved', 'broken');
  const incident = await incidentOf(t, processInstanceKey);
  // when
  await t.zeebe.updateJobRetries({ jobKey: job.key, retries: 2 });
  expect(await activateNow(t, 'incident-resolved')).toEqual([]);
  await t.zeebe.resolveIncident({ incidentKey: String(incident.key) });
  // then
  const again = await activateOne(t, 'incident-resolved');
  expect(again).toMatchObject({ key: job.key, retries: 2, processInstanceKey });
});

test('resolving an unknown incident is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(t.zeebe.resolveIncident({ incidentKey: '2251799813999996' }));
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details:
      "Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '2251799813999996', but no such incident was found",
  });
});
