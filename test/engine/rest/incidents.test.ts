import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'charge-card.bpmn');
});
afterAll(() => t.stop());

/** An instance whose only job failed without retries left: it has an incident. */
async function failedCharge(): Promise<{ processInstanceKey: string; jobKey: string }> {
  const { processInstanceKey } = await t.rest.createProcessInstance({
    processDefinitionId: 'rest-charge-card',
    variables: {},
  });
  const [job] = await t.rest.activateJobs({
    type: 'rest-charge-card',
    worker: 'w',
    maxJobsToActivate: 1,
    timeout: 30_000,
  });
  await t.rest.failJob({ jobKey: job.jobKey, retries: 0, errorMessage: 'Card declined', retryBackOff: 0 });
  return { processInstanceKey, jobKey: job.jobKey };
}

test('a job that failed without retries left is an incident found by process instance', async () => {
  // given
  const { processInstanceKey, jobKey } = await failedCharge();
  // when
  const result = await t.rest.searchIncidents({ filter: { processInstanceKey } });
  // then
  expect(result.items).toEqual([
    {
      incidentKey: expect.stringMatching(/^\d+$/),
      processDefinitionKey: expect.stringMatching(/^\d+$/),
      processDefinitionId: 'rest-charge-card',
      processInstanceKey,
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'Card declined',
      elementId: 'Task_Charge',
      elementInstanceKey: expect.stringMatching(/^\d+$/),
      creationTime: expect.stringMatching(/Z$/),
      state: 'ACTIVE',
      jobKey,
      tenantId: '<default>',
    },
  ]);
});

test('the instance and its element report the incident', async () => {
  // given
  const { processInstanceKey } = await failedCharge();
  // when
  const instance = await t.rest.searchProcessInstances({ filter: { processInstanceKey } });
  const elements = await t.rest.searchElementInstances({
    filter: { processInstanceKey, elementId: 'Task_Charge' },
  });
  // then
  expect(instance.items[0].hasIncident).toBe(true);
  expect(elements.items[0]).toMatchObject({ hasIncident: true, incidentKey: expect.any(String) });
});

test('resolving while the job has no retries is a 409', async () => {
  // given
  const { processInstanceKey, jobKey } = await failedCharge();
  const [incident] = (await t.rest.searchIncidents({ filter: { processInstanceKey } })).items;
  // when
  const problem = await problemOf(t.rest.resolveIncident(incident.incidentKey));
  // then
  expect(problem).toEqual({
    statusCode: 409,
    title: 'INVALID_STATE',
    detail: `Command 'RESOLVE' rejected with code 'INVALID_STATE': Expected to resolve incident with key '${incident.incidentKey}', but job with key '${jobKey}' has no retries left. Please update the job retries and retry resolving the incident`,
  });
});

test('after updating the retries, resolving the incident makes the job workable again', async () => {
  // given
  const { processInstanceKey, jobKey } = await failedCharge();
  const [incident] = (await t.rest.searchIncidents({ filter: { processInstanceKey } })).items;
  await t.rest.updateJob({ jobKey, retries: 1 });
  // when
  const resolution = await t.rest.resolveIncident(incident.incidentKey);
  // then
  expect(resolution).toMatchObject({ statusCode: 204 });
  const [job] = await t.rest.activateJobs({
    type: 'rest-charge-card',
    worker: 'w',
    maxJobsToActivate: 1,
    timeout: 30_000,
  });
  expect(job.jobKey).toBe(jobKey);
  const resolved = await t.rest.searchIncidents({ filter: { incidentKey: incident.incidentKey } });
  expect(resolved.items[0].state).toBe('RESOLVED');
});

test('resolving an unknown incident is a 404 and a malformed key a 400', async () => {
  // when
  const unknown = await restCall(t, 'POST', '/incidents/2251799813999999/resolution');
  const malformed = await restCall(t, 'POST', '/incidents/meow/resolution');
  // then
  expect(unknown.json).toMatchObject({
    status: 404,
    detail:
      "Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '2251799813999999', but no such incident was found",
  });
  expect(malformed.json).toMatchObject({
    status: 400,
    title: 'Bad Request',
    detail: "Failed to convert 'incidentKey' with value: 'meow'",
  });
});

test('incidents are found by error type and state', async () => {
  // given
  const { processInstanceKey } = await failedCharge();
  // when
  const found = await t.rest.searchIncidents({
    filter: { processInstanceKey, errorType: 'JOB_NO_RETRIES', state: 'ACTIVE' },
  });
  const none = await t.rest.searchIncidents({ filter: { processInstanceKey, state: 'RESOLVED' } });
  // then
  expect(found.items).toHaveLength(1);
  expect(none.items).toHaveLength(0);
});
