import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'charge-card.bpmn');
});
afterAll(() => t.stop());

const startCharge = () =>
  t.rest.createProcessInstance({ processDefinitionId: 'rest-charge-card', variables: { amount: 5 } });

const activate = (requestTimeout?: number) =>
  t.rest.activateJobs({
    type: 'rest-charge-card',
    worker: 'rest-test',
    maxJobsToActivate: 1,
    timeout: 30_000,
    ...(requestTimeout === undefined ? {} : { requestTimeout }),
  });

test("the SDK's REST job worker completes jobs, and their variables reach the process", async () => {
  // given
  const worker = t.rest.createJobWorker({
    type: 'rest-charge-card',
    worker: 'rest-worker',
    maxJobsToActivate: 5,
    timeout: 30_000,
    jobHandler: (job) => job.complete({ charged: (job.variables as unknown as { amount: number }).amount }),
  });
  try {
    // when
    const result = await t.rest.createProcessInstanceWithResult({
      processDefinitionId: 'rest-charge-card',
      variables: { amount: 7 },
    });
    // then
    expect(result.variables).toEqual({ amount: 7, charged: 7 });
  } finally {
    await worker.stop();
  }
});

test('an activated job carries its variables and headers as objects and keys as strings', async () => {
  // given
  const { processInstanceKey } = await startCharge();
  // when
  const [job] = await activate();
  // then
  expect(job).toMatchObject({
    type: 'rest-charge-card',
    processInstanceKey,
    processDefinitionId: 'rest-charge-card',
    elementId: 'Task_Charge',
    worker: 'rest-test',
    retries: 1,
    variables: { amount: 5 },
    customHeaders: {},
    tenantId: '<default>',
  });
  expect(job.jobKey).toMatch(/^\d+$/);
  await t.rest.completeJob({ jobKey: job.jobKey, variables: {} });
});

test('an activation waits for a job that is created while it waits', async () => {
  // given
  const waiting = activate(20_000);
  // when
  const { processInstanceKey } = await startCharge();
  // then
  const [job] = await waiting;
  expect(job.processInstanceKey).toBe(processInstanceKey);
  await t.rest.completeJob({ jobKey: job.jobKey, variables: {} });
});

test('an activation with no job answers an empty list', async () => {
  // when
  const response = await restCall(t, 'POST', '/jobs/activation', {
    type: 'no-such-job',
    timeout: 1000,
    maxJobsToActivate: 1,
    requestTimeout: -1,
  });
  // then
  expect(response.json).toEqual({ jobs: [] });
});

test('a worker that gives up its long poll is not handed the next job', async () => {
  // given
  const abandoned = activate(30_000);
  abandoned.cancel();
  // when
  const { processInstanceKey } = await startCharge();
  // then
  const job = await eventually(async () => (await activate(-1))[0], 10_000, 'the job to be activatable');
  expect(job.processInstanceKey).toBe(processInstanceKey);
  await t.rest.completeJob({ jobKey: job.jobKey, variables: {} });
});

test('an activation request lists every missing field', async () => {
  // when
  const response = await restCall(t, 'POST', '/jobs/activation', {});
  // then
  expect(response.json).toMatchObject({
    status: 400,
    title: 'INVALID_ARGUMENT',
    detail: 'No type provided. No timeout provided. No maxJobsToActivate provided.',
  });
});

test('failing a job with retries left hands it out again with those retries', async () => {
  // given
  await startCharge();
  const [job] = await activate();
  await t.rest.updateJob({ jobKey: job.jobKey, retries: 3 });
  // when
  const answer = await t.rest.failJob({
    jobKey: job.jobKey,
    retries: 2,
    errorMessage: 'try again',
    retryBackOff: 0,
  });
  // then
  expect(answer).toBe('JOB_ACTION_ACKNOWLEDGEMENT');
  const [again] = await activate();
  expect(again).toMatchObject({ jobKey: job.jobKey, retries: 2 });
  await t.rest.completeJob({ jobKey: again.jobKey, variables: {} });
});

test('an uncaught job error is an UNHANDLED_ERROR_EVENT incident', async () => {
  // given
  const { processInstanceKey } = await startCharge();
  const [job] = await activate();
  // when
  await t.rest.errorJob({
    jobKey: job.jobKey,
    errorCode: 'CARD_DECLINED',
    errorMessage: 'declined',
    variables: {},
  });
  // then
  const incidents = await t.rest.searchIncidents({ filter: { processInstanceKey } });
  expect(incidents.items.map((i) => i.errorType)).toEqual(['UNHANDLED_ERROR_EVENT']);
});

test('completing a job twice is a 404', async () => {
  // given
  await startCharge();
  const [job] = await activate();
  await t.rest.completeJob({ jobKey: job.jobKey, variables: {} });
  // when
  const problem = await problemOf(t.rest.completeJob({ jobKey: job.jobKey, variables: {} }));
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail: `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '${job.jobKey}', but no such job was found`,
  });
});

test('a job update needs retries or a timeout', async () => {
  // given
  await startCharge();
  const [job] = await activate();
  // when
  const extended = await t.rest.updateJob({ jobKey: job.jobKey, timeout: 60_000 });
  const empty = await restCall(t, 'PATCH', `/jobs/${job.jobKey}`, { changeset: {} });
  // then
  expect(extended).toBe('');
  expect(empty.json).toMatchObject({
    status: 400,
    detail: 'At least one of [retries, timeout] is required.',
  });
  await t.rest.completeJob({ jobKey: job.jobKey, variables: {} });
});
