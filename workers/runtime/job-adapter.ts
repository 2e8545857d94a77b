import { type TObject } from 'typebox';
import { type JobContext, schemaProblems, type WorkerSpec } from './define-worker';
import { JobDataError, type JobOutcome } from './job-outcome';
import { type WorkerDeps } from './worker-deps';

type Acknowledgement = 'JOB_ACTION_ACKNOWLEDGEMENT';

/** What the adapter uses of the job the SDK hands a task handler (its type is not exported by name). */
export interface SdkJob {
  readonly key: string;
  readonly processInstanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly retries: number;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly customHeaders: Readonly<Record<string, unknown>>;
  complete(variables?: never): Promise<Acknowledgement>;
  fail(failure: { errorMessage: string; retries?: number; retryBackOff?: number }): Promise<Acknowledgement>;
  error(error: { errorCode: string; errorMessage?: string; variables: never }): Promise<Acknowledgement>;
}

/** Retry back-off: 2 s, 4 s, 8 s … up to 5 minutes, from the retries already used. */
export function retryBackOffMs(retriesLeft: number, maxRetries = 5): number {
  const attempt = Math.max(0, maxRetries - retriesLeft);
  return Math.min(300_000, 2_000 * 2 ** attempt);
}

/**
 * Runs one job: validates its variables and headers, calls the handler, and turns its outcome into
 * the SDK call. Bad data → incident (no retries); an unexpected exception → retry with back-off.
 */
export async function runJob<V extends TObject, H extends TObject>(
  spec: WorkerSpec<V, H>,
  job: SdkJob,
  deps: WorkerDeps,
): Promise<Acknowledgement> {
  const log = deps.log.child({
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    complaintNumber: job.variables.complaintNumber,
  });
  const problems = [
    ...schemaProblems(spec.variables, job.variables).map((p) => `variable ${p}`),
    ...(spec.headers ? schemaProblems(spec.headers, job.customHeaders).map((p) => `header ${p}`) : []),
  ];
  if (problems.length > 0) {
    return apply(
      job,
      { kind: 'incident', message: `${spec.jobType}: the job's data is invalid: ${problems.join('; ')}` },
      log,
    );
  }
  const context: JobContext<never, never> = {
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    elementInstanceKey: job.elementInstanceKey,
    elementId: job.elementId,
    retries: job.retries,
    variables: job.variables as never,
    headers: job.customHeaders as never,
    effectKey: `${spec.jobType}:${job.elementInstanceKey}`,
    log,
    deps: { ...deps, log },
  };
  let outcome: JobOutcome;
  try {
    outcome = await spec.handle(context);
  } catch (error) {
    outcome =
      error instanceof JobDataError
        ? { kind: 'incident', message: `${spec.jobType}: ${error.message}` }
        : { kind: 'retry', message: `${spec.jobType} failed: ${(error as Error)?.message ?? String(error)}` };
    if (outcome.kind === 'retry') log.warn({ err: error }, 'job failed; it will be retried');
  }
  return apply(job, outcome, log);
}

function apply(
  job: SdkJob,
  outcome: JobOutcome,
  log: JobContext<never, never>['log'],
): Promise<Acknowledgement> {
  switch (outcome.kind) {
    case 'complete':
      log.debug({}, 'job completed');
      return job.complete(outcome.variables as never);
    case 'bpmn-error':
      log.info({ errorCode: outcome.code }, `job ended with BPMN error ${outcome.code}`);
      return job.error({
        errorCode: outcome.code,
        errorMessage: outcome.message,
        variables: outcome.variables as never,
      });
    case 'retry':
      return job.fail({
        errorMessage: outcome.message,
        retries: Math.max(0, job.retries - 1),
        retryBackOff: retryBackOffMs(job.retries - 1),
      });
    case 'incident':
      log.error({ reason: outcome.message }, 'job cannot succeed: incident raised');
      return job.fail({ errorMessage: outcome.message, retries: 0 });
  }
}
