import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateOne, deploy, type Variables } from './support/conformance';

// SEMANTICS.md §2 Input and output mappings; §1.2 (CompleteJob with output mappings).
let t: TestEngine;
const customer = { name: 'Wang Fang', iban: 'DE02100100109307118603' };
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'input-mappings.bpmn', 'output-mappings.bpmn');
});
afterAll(() => t.stop());

function run(bpmnProcessId: string, variables: Variables) {
  const result = t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId,
    variables,
    requestTimeout: 20_000,
  });
  result.catch(() => undefined); // tests that never await it must not leave a rejection unhandled
  return result;
}

async function transferJob(jobType: string) {
  const result = run('input-mappings', { jobType, customer });
  return { result, job: await activateOne(t, jobType) };
}

test('input mappings to a nested target build an object local to the element', async () => {
  // when
  const { job } = await transferJob('input-nested');
  // then
  expect(job.variables.sender).toEqual({ name: 'Wang Fang', iban: 'DE02100100109307118603' });
});

test('a later input mapping reads the target of an earlier one', async () => {
  // when
  const { job } = await transferJob('input-ordered');
  // then
  expect(job.variables.label).toBe('Wang Fang / DE02100100109307118603');
});

test('an input mapping from a missing variable or path is null, without an incident', async () => {
  // when
  const { job } = await transferJob('input-missing');
  // then
  expect(job.variables).toHaveProperty('city', null);
});

test('an input mapping with a static source is that text', async () => {
  // when
  const { job } = await transferJob('input-static');
  // then
  expect(job.variables.currency).toBe('EUR');
});

test('the locals created by input mappings end with the element', async () => {
  // given
  const { result, job } = await transferJob('input-dropped');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  // then
  expect((await result).variables).toEqual({ jobType: 'input-dropped', customer });
});

test('an output mapping to a nested target merges into the existing object', async () => {
  // given
  const result = run('output-mappings', { jobType: 'output-nested', rating: { source: 'survey' } });
  const job = await activateOne(t, 'output-nested');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { score: 8, comment: 'quick' } });
  // then
  expect((await result).variables).toMatchObject({
    rating: { source: 'survey', score: 8, good: true },
    remark: 'quick',
  });
});

test('with output mappings, the job variables that are not mapped stay in the task', async () => {
  // given
  const result = run('output-mappings', { jobType: 'output-only-mapped' });
  const job = await activateOne(t, 'output-only-mapped');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { score: 3, comment: 'slow', internal: 'x' } });
  // then
  expect((await result).variables).toEqual({
    jobType: 'output-only-mapped',
    rating: { score: 3, good: false },
    remark: 'slow',
  });
});

test('an output mapping from a variable the job did not send is null, without an incident', async () => {
  // given
  const result = run('output-mappings', { jobType: 'output-missing' });
  const job = await activateOne(t, 'output-missing');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { score: 6 } });
  // then
  expect((await result).variables).toMatchObject({ remark: null, rating: { score: 6, good: true } });
});
