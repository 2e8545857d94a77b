import { eventually, startTestEngine, type TestEngine } from '../helpers/engine';
import { deploy, type Job, processEnd, type StreamHandler, type Variables } from './support/conformance';

// SEMANTICS.md §5 StreamActivatedJobs: jobs are pushed to an open stream as they become activatable.
let t: TestEngine;
let streams: Array<{ close: () => void }> = [];
beforeAll(async () => {
  // the SDK prints the CANCELLED status of each stream it closes itself: not a failure, only noise
  const print = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('CANCELLED')) print(...args);
  });
  t = await startTestEngine();
  await deploy(t, 'service-task.bpmn');
});
afterEach(() => {
  for (const stream of streams) stream.close();
  streams = [];
});
afterAll(() => t.stop());

function start(jobType: string, variables: Variables = {}) {
  return t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType, ...variables },
  });
}

/**
 * Opens a stream worker (no sidecar polling, so jobs reach it only through the stream) and waits
 * until the engine pushes to it: the stream opens asynchronously, so instances are started until
 * one of their jobs arrives. Returns the jobs received so far (the array keeps filling).
 */
async function openStream(
  jobType: string,
  handle: StreamHandler = (job) => job.forward(),
  fetchVariables?: string[],
): Promise<Job[]> {
  const received: Job[] = [];
  const stream = await t.zeebe.streamJobs({
    type: jobType,
    worker: 'stream-worker',
    timeout: 60_000,
    pollInterval: 0,
    tenantIds: ['<default>'],
    ...(fetchVariables ? { fetchVariables } : {}),
    taskHandler: (job, worker) => {
      received.push(job);
      return handle(job, worker);
    },
  });
  streams.push(stream);
  await eventually(
    async () => {
      if (received.length > 0) return true;
      await start(jobType, { warmUp: true });
      return false;
    },
    10_000,
    `a job pushed to the '${jobType}' stream`,
  );
  return received;
}

test('a job created while a stream of its type is open is pushed to the stream', async () => {
  // given
  const received = await openStream('streamed');
  // when
  const created = await Promise.all([start('streamed'), start('streamed'), start('streamed')]);
  // then
  const keys = created.map((c) => c.processInstanceKey);
  await eventually(() => keys.every((key) => received.some((job) => job.processInstanceKey === key)));
  const pushed = received.filter((job) => keys.includes(job.processInstanceKey));
  expect(pushed).toHaveLength(3);
  for (const job of pushed) {
    expect(job).toMatchObject({ type: 'streamed', worker: 'stream-worker', elementId: 'Task_Work' });
  }
});

test('a pushed job carries only the variables the stream asked for', async () => {
  // given
  const received = await openStream('streamed-filtered', (job) => job.forward(), ['orderId']);
  // when
  const created = await start('streamed-filtered', { orderId: 'A-7', amount: 3 });
  // then
  const job = await eventually(() =>
    received.find((j) => j.processInstanceKey === created.processInstanceKey),
  );
  expect(job.variables).toEqual({ orderId: 'A-7' });
});

test('a job that becomes activatable again after FailJob is pushed again', async () => {
  // given: a worker that fails each job once, then completes it
  const failed = new Set<string>();
  await openStream('streamed-retried', (job) => {
    if (failed.has(job.key)) return job.complete({ attempts: 2 });
    failed.add(job.key);
    return job.fail({ errorMessage: 'first attempt fails', retries: job.retries - 1, retryBackOff: 0 });
  });
  // when
  const created = await start('streamed-retried');
  // then
  expect(await processEnd(t, created.processInstanceKey)).toBe('ELEMENT_COMPLETED');
});

test('a stream gets no jobs of other types', async () => {
  // given
  const received = await openStream('streamed-own-type');
  const before = received.length;
  // when
  const other = await start('streamed-other-type');
  const own = await start('streamed-own-type');
  // then
  await eventually(() => received.some((job) => job.processInstanceKey === own.processInstanceKey));
  expect(received.slice(before).map((job) => job.processInstanceKey)).not.toContain(other.processInstanceKey);
});
