import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, Code, deploy, rejectionOf } from './support/conformance';

// SEMANTICS.md §1.6 (what ActivateJobs returns) and §5 ActivateJobs.
let t: TestEngine;
beforeAll(async () => {
  // a long default wait, so that a request that should not wait would visibly hang
  t = await startTestEngine({ longPollTimeoutMs: 120_000 });
  await deploy(t, 'service-task.bpmn', 'job-variables.bpmn');
});
afterEach(() => t.engine.clock.reset());
afterAll(() => t.stop());

test('an activated job carries every variable visible from its task, inner scopes shadowing outer ones', async () => {
  // given
  await t.zeebe.createProcessInstance({
    bpmnProcessId: 'job-variables',
    variables: { jobType: 'visible-variables', shadowed: 'outer', orderId: 'A-1', amount: 12.5 },
  });
  // when
  const job = await activateOne(t, 'visible-variables');
  // then
  expect(job.variables).toEqual({
    jobType: 'visible-variables',
    shadowed: 'inner',
    orderId: 'A-1',
    amount: 12.5,
  });
});

test('fetchVariable returns only the named variables, and a name that does not exist is absent', async () => {
  // given
  await t.zeebe.createProcessInstance({
    bpmnProcessId: 'job-variables',
    variables: { jobType: 'fetch-variables', shadowed: 'outer', orderId: 'A-2', amount: 3 },
  });
  // when
  const job = await activateOne(t, 'fetch-variables', { fetchVariable: ['shadowed', 'amount', 'missing'] });
  // then
  expect(job.variables).toEqual({ shadowed: 'inner', amount: 3 });
});

test('an activated job carries its headers, retries, worker, element and a deadline of now plus the timeout', async () => {
  // given
  const now = Date.UTC(2030, 0, 15, 9, 0, 0);
  t.engine.clock.pin(now);
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'job-variables',
    variables: { jobType: 'job-attributes' },
  });
  // when
  const job = await activateOne(t, 'job-attributes', { worker: 'billing-worker', timeout: 45_000 });
  // then
  expect(job).toMatchObject({
    type: 'job-attributes',
    customHeaders: { region: 'north', channel: 'email' },
    retries: 5,
    worker: 'billing-worker',
    deadline: String(now + 45_000),
    bpmnProcessId: 'job-variables',
    processDefinitionVersion: 1,
    processInstanceKey: created.processInstanceKey,
    elementId: 'Task_ReadVariables',
    tenantId: '<default>',
  });
});

test('at most maxJobsToActivate jobs are activated; the others stay activatable', async () => {
  // given
  for (let i = 0; i < 3; i++) {
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'service-task', variables: { jobType: 'batched' } });
  }
  // when
  const first = await activateNow(t, 'batched', { max: 2 });
  const rest = await activateNow(t, 'batched', { max: 2 });
  // then
  expect(first).toHaveLength(2);
  expect(rest).toHaveLength(1);
  expect(new Set([...first, ...rest].map((job) => job.key)).size).toBe(3);
});

test('an activated job is not handed out again while its deadline has not passed', async () => {
  // given
  await t.zeebe.createProcessInstance({ bpmnProcessId: 'service-task', variables: { jobType: 'held' } });
  await activateOne(t, 'held');
  // when
  const again = await activateNow(t, 'held');
  // then
  expect(again).toEqual([]);
});

test('a long poll waits and is answered as soon as a job of its type is created', async () => {
  // given: a worker waits for a job type nothing has created yet
  let answered = false;
  const poll = t.zeebe
    .activateJobs({
      type: 'long-polled',
      worker: 'waiting-worker',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 30_000,
    })
    .finally(() => (answered = true));
  await t.zeebe.topology(); // a round trip after the poll was sent: the engine has it
  expect(answered).toBe(false);
  // when
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'long-polled' },
  });
  // then: the poll, sent before the instance existed, gets that instance's job
  const jobs = await poll;
  expect(jobs.map((job) => job.processInstanceKey)).toEqual([created.processInstanceKey]);
});

test("requestTimeout 0 waits for the engine's default long-poll time", async () => {
  // given
  const poll = t.zeebe.activateJobs({
    type: 'default-long-poll',
    worker: 'default-worker',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: 0,
  });
  await t.zeebe.topology(); // a round trip after the poll was sent: the engine has it
  // when
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'default-long-poll' },
  });
  // then
  expect((await poll).map((job) => job.processInstanceKey)).toEqual([created.processInstanceKey]);
});

test('a negative requestTimeout answers at once, with no jobs when none is activatable', async () => {
  // when
  const jobs = await t.zeebe.activateJobs({
    type: 'nothing-of-this-type',
    worker: 'impatient-worker',
    maxJobsToActivate: 5,
    timeout: 60_000,
    requestTimeout: -1,
  });
  // then
  expect(jobs).toEqual([]);
});

test('maxJobsToActivate below one is rejected with INVALID_ARGUMENT', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.activateJobs({
      type: 'any',
      worker: 'w',
      maxJobsToActivate: 0,
      timeout: 60_000,
      requestTimeout: -1,
    }),
  );
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  expect(error.details).toContain(
    "Expected to activate job batch with max jobs to activate to be greater than zero, but it was '0'",
  );
});

test('a job timeout below one is rejected with INVALID_ARGUMENT', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.activateJobs({ type: 'any', worker: 'w', maxJobsToActivate: 1, timeout: 0, requestTimeout: -1 }),
  );
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  expect(error.details).toContain(
    "Expected to activate job batch with timeout to be greater than zero, but it was '0'",
  );
});

test('a blank job type is rejected with INVALID_ARGUMENT', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.activateJobs({ type: ' ', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 }),
  );
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  expect(error.details).toContain('Expected to activate job batch with type to be present, but it was blank');
});
