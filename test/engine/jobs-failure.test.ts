import { eventually, startTestEngine, type TestEngine } from '../helpers/engine';
import { activateNow, activateOne, Code, deploy, rejectionOf } from './support/conformance';

// SEMANTICS.md §5 FailJob and the job state table, §1.2 (FailJob variables are local).
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'service-task.bpmn');
});
afterEach(() => t.engine.clock.reset());
afterAll(() => t.stop());

async function activatedJob(jobType: string) {
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType },
  });
  return { created, job: await activateOne(t, jobType) };
}

test('FailJob with retries left makes the job activatable again at once, same key, with those retries', async () => {
  // given
  const { job } = await activatedJob('fail-retry');
  // when
  await t.zeebe.failJob({ jobKey: job.key, retries: 2, errorMessage: 'gateway timeout', retryBackOff: 0 });
  // then
  const [again] = await activateNow(t, 'fail-retry');
  expect(again).toMatchObject({ key: job.key, retries: 2 });
});

test('FailJob variables are local to the task: the retried job sees them, the process does not', async () => {
  // given
  const result = t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'fail-variables' },
    requestTimeout: 20_000,
  });
  const job = await activateOne(t, 'fail-variables');
  // when
  await t.zeebe.failJob({
    jobKey: job.key,
    retries: 1,
    errorMessage: 'try again',
    retryBackOff: 0,
    variables: { attempt: 1 },
  });
  // then
  const again = await activateOne(t, 'fail-variables');
  expect(again.variables).toEqual({ jobType: 'fail-variables', attempt: 1 });
  await t.zeebe.completeJob({ jobKey: again.key, variables: {} });
  expect((await result).variables).toEqual({ jobType: 'fail-variables' });
});

test('FailJob with a retry back-off hands the job out again only once the back-off is over', async () => {
  // given: a job failed with a 30 s back-off, and a witness job failed with a 10 s back-off
  const now = Date.UTC(2030, 2, 1, 8, 0, 0);
  t.engine.clock.pin(now);
  const { job } = await activatedJob('fail-backoff');
  const { job: witness } = await activatedJob('fail-backoff-witness');
  await t.zeebe.failJob({ jobKey: job.key, retries: 2, errorMessage: 'busy', retryBackOff: 30_000 });
  await t.zeebe.failJob({ jobKey: witness.key, retries: 2, errorMessage: 'busy', retryBackOff: 10_000 });
  expect(await activateNow(t, 'fail-backoff')).toEqual([]);
  // when: the clock passes the witness's back-off, but not the job's
  t.engine.clock.pin(now + 29_999);
  // then
  await eventually(async () => (await activateNow(t, 'fail-backoff-witness')).length === 1);
  expect(await activateNow(t, 'fail-backoff')).toEqual([]);
  // when: the clock reaches the end of the job's back-off
  t.engine.clock.pin(now + 30_000);
  // then
  const [again] = await eventually(async () => {
    const jobs = await activateNow(t, 'fail-backoff');
    return jobs.length > 0 && jobs;
  });
  expect(again).toMatchObject({ key: job.key, retries: 2 });
});

test('a job waiting for its back-off cannot be completed: FAILED_PRECONDITION, state FAILED', async () => {
  // given
  const { job } = await activatedJob('fail-then-complete');
  await t.zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'busy', retryBackOff: 60_000 });
  // when
  const error = await rejectionOf(t.zeebe.completeJob({ jobKey: job.key, variables: {} }));
  // then
  expect(error.code).toBe(Code.FAILED_PRECONDITION);
  expect(error.details).toContain(
    `Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to complete job with key '${job.key}', but it is in state 'FAILED'`,
  );
});

test('failing an unknown job is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.failJob({ jobKey: '2251799813999998', retries: 1, errorMessage: 'x', retryBackOff: 0 }),
  );
  // then
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(error.details).toContain(
    "Command 'FAIL' rejected with code 'NOT_FOUND': Expected to fail job with key '2251799813999998', but no such job was found",
  );
});

test('UpdateJobRetries with less than one retry is INVALID_ARGUMENT', async () => {
  // given
  const { job } = await activatedJob('retries-zero');
  // when
  const error = await rejectionOf(t.zeebe.updateJobRetries({ jobKey: job.key, retries: 0 }));
  // then
  expect(error).toEqual({
    code: Code.INVALID_ARGUMENT,
    details: `Command 'UPDATE_RETRIES' rejected with code 'INVALID_ARGUMENT': Expected to update retries for job with key '${job.key}' with a positive amount of retries, but the amount given was '0'`,
  });
});

test('UpdateJobRetries of an unknown job is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(t.zeebe.updateJobRetries({ jobKey: '2251799813999997', retries: 3 }));
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details:
      "Command 'UPDATE_RETRIES' rejected with code 'NOT_FOUND': Expected to update job with key '2251799813999997', but no such job was found",
  });
});
