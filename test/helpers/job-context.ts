import type { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import type { DataSource } from 'typeorm';
import type { NotifyTransport } from '../../lib/config';
import { createLogger, type Logger } from '../../lib/logger';
import type { JobWorkerDefinition } from '../../workers/runtime/define-worker';
import type { SdkJob } from '../../workers/runtime/job-adapter';
import type { WorkerDeps } from '../../workers/runtime/worker-deps';

/** One job as the engine would hand it out; what a test leaves out gets a fresh value. */
export interface JobInput {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly processInstanceKey?: string;
  /** Same element instance key = the same step (a redelivered job): the same effect key. */
  readonly elementInstanceKey?: string;
  readonly elementId?: string;
  readonly jobKey?: string;
  readonly retries?: number;
}

/** What the worker answered the engine. */
export type JobAnswer =
  | { readonly outcome: 'completed'; readonly variables: Record<string, unknown> }
  | { readonly outcome: 'bpmn-error'; readonly errorCode: string; readonly errorMessage: string }
  | { readonly outcome: 'failed'; readonly errorMessage: string; readonly retries: number };

let lastKey = 2251799813700000n;
/** A key as Zeebe writes them, never used before in this test run. */
export const nextKey = (): string => String(++lastKey);

/** Worker dependencies for a test: the database, a fixed clock, a silent log unless one is given. */
export function testWorkerDeps(options: {
  db: DataSource;
  now: () => Date;
  rest?: CamundaRestClient;
  notifyTransports?: readonly NotifyTransport[];
  log?: Logger;
}): WorkerDeps {
  return {
    db: options.db,
    rest: options.rest ?? (unreachableRest as unknown as CamundaRestClient),
    now: options.now,
    log: options.log ?? createLogger({ level: 'silent' }),
    notifyTransports: options.notifyTransports,
  };
}

/**
 * Hands one job to a worker as the SDK does — through the task handler the worker registers, with
 * only the variables it fetches — and returns its answer (complete, BPMN error, or fail with the
 * retries left: 0 = an incident). The SDK is the fake here, the edge; the worker's validation,
 * its handler and the outcome adapter are the real ones, so `job.effectKey` is
 * `<job type>:<element instance key>` exactly as in production.
 */
export async function handleJob(
  worker: JobWorkerDefinition,
  deps: WorkerDeps,
  input: JobInput,
): Promise<JobAnswer> {
  const registered = register(worker, deps);
  let answer: JobAnswer | undefined;
  const acknowledged = 'JOB_ACTION_ACKNOWLEDGEMENT' as const;
  const job: SdkJob = {
    key: input.jobKey ?? nextKey(),
    processInstanceKey: input.processInstanceKey ?? nextKey(),
    elementInstanceKey: input.elementInstanceKey ?? nextKey(),
    elementId: input.elementId ?? 'Task_UnderTest',
    retries: input.retries ?? 5,
    variables: Object.fromEntries(
      registered.fetchVariable.filter((name) => name in input.variables).map((n) => [n, input.variables[n]]),
    ),
    customHeaders: input.headers ?? {},
    complete: async (variables?: Record<string, unknown>) => {
      answer = { outcome: 'completed', variables: variables ?? {} };
      return acknowledged;
    },
    fail: async (failure) => {
      answer = { outcome: 'failed', errorMessage: failure.errorMessage, retries: failure.retries ?? 0 };
      return acknowledged;
    },
    error: async (error) => {
      answer = { outcome: 'bpmn-error', errorCode: error.errorCode, errorMessage: error.errorMessage ?? '' };
      return acknowledged;
    },
  } as SdkJob;
  await registered.taskHandler(job);
  if (!answer) throw new Error(`${worker.jobType} returned without answering the job`);
  return answer;
}

interface Registered {
  readonly fetchVariable: readonly string[];
  readonly taskHandler: (job: SdkJob) => Promise<unknown>;
}

/** Starts the worker on a stand-in for the SDK client that keeps the task handler it registers. */
function register(worker: JobWorkerDefinition, deps: WorkerDeps): Registered {
  let registered: Registered | undefined;
  const zeebe = {
    createWorker(config: Registered) {
      registered = config;
      return { close: async () => undefined };
    },
  };
  worker.start(zeebe as unknown as Zeebe.ZeebeGrpcClient, deps);
  if (!registered) throw new Error(`${worker.jobType} registered no task handler`);
  return registered;
}

/** Stands in for the REST client where a worker must not need it: any call fails the test loudly. */
const unreachableRest = new Proxy(
  {},
  {
    get: (_target, name) => () => {
      throw new Error(`this test gave the worker no REST client, yet it called ${String(name)}`);
    },
  },
);
