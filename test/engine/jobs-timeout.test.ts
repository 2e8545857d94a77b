import { eventually, startTestEngine, type TestEngine } from '../helpers/engine';
import {
  activateNow,
  activateOne,
  Code,
  deploy,
  history,
  type Job,
  processEnd,
  rejectionOf,
} from './support/conformance';

// SEMANTICS.md §5 Timeout and UpdateJobTimeout; engine/README.md "Deliberate differences" (new key).
let t: TestEngine;
const T0 = Date.UTC(2030, 5, 1, 12, 0, 0);
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'service-task.bpmn');
});
beforeEach(() => t.engine.clock.pin(T0));
afterAll(() => t.stop());

async function activatedJob(jobType: string, timeout: number) {
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType },
  });
  return { created, job: await activateOne(t, jobType, { timeout }) };
}

/** Waits until a job of `jobType` is activatable again and activates it. */
function reactivated(jobType: string, worker = 'second-worker'): Promise<Job> {
  return eventually(async () => (await activateNow(t, jobType, { worker }))[0], 10_000, `a ${jobType} job`);
}

test('a job whose deadline passed is handed out again, with its retries unchanged', async () => {
  // given
  const { job } = await activatedJob('timeout-again', 10_000);
  // when
  t.engine.clock.pin(T0 + 10_001);
  // then
  const again = await reactivated('timeout-again');
  expect(again).toMatchObject({
    elementInstanceKey: job.elementInstanceKey,
    retries: job.retries,
    worker: 'second-worker',
    deadline: String(T0 + 10_001 + 60_000),
  });
});

test('the late CompleteJob of the worker that let its job time out is NOT_FOUND once another worker has it', async () => {
  // given
  const { created, job } = await activatedJob('timeout-late-complete', 10_000);
  t.engine.clock.pin(T0 + 10_001);
  const again = await reactivated('timeout-late-complete');
  // when
  const late = await rejectionOf(t.zeebe.completeJob({ jobKey: job.key, variables: {} }));
  // then
  expect(late.code).toBe(Code.NOT_FOUND);
  await t.zeebe.completeJob({ jobKey: again.key, variables: {} });
  expect(await processEnd(t, created.processInstanceKey)).toBe('ELEMENT_COMPLETED');
});

test('UpdateJobTimeout gives an activated job a new deadline of now plus the timeout', async () => {
  // given: a job with a 10 s timeout, and a witness job with a 20 s timeout
  const { created, job } = await activatedJob('timeout-updated', 10_000);
  await activatedJob('timeout-updated-witness', 20_000);
  // when: 5 s later the job gets 60 s more
  t.engine.clock.pin(T0 + 5_000);
  await t.zeebe.updateJobTimeout({ jobKey: job.key, timeout: 60_000 });
  // then: past the old deadline (and the witness's), the job is still held by its worker
  t.engine.clock.pin(T0 + 30_000);
  await reactivated('timeout-updated-witness');
  const records = await history(t, created.processInstanceKey);
  expect(records.filter((r) => r.intent === 'TIMED_OUT')).toEqual([]);
  expect(records.find((r) => r.intent === 'TIMEOUT_UPDATED')?.value.deadline).toBe(T0 + 65_000);
  // and past the new deadline it is handed out again
  t.engine.clock.pin(T0 + 65_001);
  expect((await reactivated('timeout-updated')).elementInstanceKey).toBe(job.elementInstanceKey);
});

test('UpdateJobTimeout of a job that is not activated is FAILED_PRECONDITION', async () => {
  // given
  const { job } = await activatedJob('timeout-not-active', 10_000);
  await t.zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'later', retryBackOff: 0 });
  // when
  const error = await rejectionOf(t.zeebe.updateJobTimeout({ jobKey: job.key, timeout: 60_000 }));
  // then
  expect(error).toEqual({
    code: Code.FAILED_PRECONDITION,
    details: `Command 'UPDATE_TIMEOUT' rejected with code 'INVALID_STATE': Expected to update the timeout of job with key '${job.key}', but it is not active`,
  });
});

test('UpdateJobTimeout of an unknown job is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(t.zeebe.updateJobTimeout({ jobKey: '2251799813999995', timeout: 1000 }));
  // then
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(error.details).toContain("Expected to update job with key '2251799813999995'");
});
