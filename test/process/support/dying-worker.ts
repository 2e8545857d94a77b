import type { Zeebe } from '@camunda8/sdk';
import { type JobWorkerDefinition } from '../../../workers/runtime/define-worker';
import { type AbandonedJob, type Harness } from './harness';
import { NotYet, waitUntil } from './wait';

type TaskHandler = (job: unknown) => Promise<unknown>;

/**
 * The real worker's task handler, without its connection: `defineWorker` hands it to the SDK's
 * `createWorker`, so a client that only records it gives us the handler to call by hand.
 */
function handlerOf(h: Harness, definition: JobWorkerDefinition): TaskHandler {
  let handler: TaskHandler | undefined;
  const recordingClient = {
    createWorker(options: { taskHandler: TaskHandler }) {
      handler = options.taskHandler;
      return { close: async () => undefined };
    },
  };
  definition.start(recordingClient as unknown as Zeebe.ZeebeGrpcClient, h.deps);
  if (!handler) throw new Error(`${definition.jobType}: defineWorker did not create a worker`);
  return handler;
}

/**
 * A worker process of `definition`'s job type that takes the next job, performs the real handler's
 * effect, and dies before its answer reaches the engine (the connection is gone when it reports
 * back). The job stays with it until its timeout passes by the engine clock; then the engine hands it
 * out again. Resolves with that job once the effect is done (`settled` ignores it until its deadline).
 */
export async function takeJobAndDie(
  h: Harness,
  definition: JobWorkerDefinition,
  timeoutMs = 5 * 60_000,
): Promise<AbandonedJob> {
  const handler = handlerOf(h, definition);
  const [job] = await waitUntil(`a ${definition.jobType} job`, async () => {
    const jobs = await h.t.zeebe.activateJobs({
      type: definition.jobType,
      worker: 'worker-about-to-die',
      maxJobsToActivate: 1,
      timeout: timeoutMs,
      requestTimeout: 1_000,
    });
    if (jobs.length === 0) throw new NotYet('none is waiting yet');
    return jobs;
  });
  const activatedAt = h.now().getTime();
  let reported: string | undefined;
  const connectionLost = (what: string) => (answer?: unknown) => {
    reported = `${what} ${JSON.stringify(answer ?? {})}`;
    return Promise.reject(
      new Error(`${definition.jobType}: the worker died before its ${what} reached the engine`),
    );
  };
  const died = await handler({
    ...job,
    complete: connectionLost('complete'),
    fail: connectionLost('fail'),
    error: connectionLost('error'),
  }).then(
    () => false,
    () => true,
  );
  if (!died || !reported?.startsWith('complete')) {
    throw new Error(
      `${definition.jobType}: the stand-in was meant to finish its work and die, but answered ${reported}`,
    );
  }
  const abandoned = { elementInstanceKey: job.elementInstanceKey, deadline: activatedAt + timeoutMs };
  h.abandoned.push(abandoned);
  return abandoned;
}
