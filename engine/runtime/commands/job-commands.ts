import { type JsonObject } from '../../feel/expression';
import { completeElement } from '../elements/lifecycle';
import { availableErrorCodes, catchError, findErrorCatch, unhandledErrorMessage } from '../events/errors';
import { raiseIncident } from '../incidents';
import { activatedJobSize, jobTooLarge } from '../job-size';
import { endJob, jobBecameActivatable, jobValue } from '../jobs';
import { rejected } from '../rejection';
import { record, type Runtime } from '../runtime';
import { type Job } from '../state/entities';
import { pick, setLocalVariables, visibleVariables } from '../variables';

export interface ActivationRequest {
  readonly type: string;
  readonly worker: string;
  /** Milliseconds until an activated job times out. */
  readonly timeout: number;
  readonly maxJobs: number;
  readonly fetchVariables?: readonly string[];
  /** The largest response the client can take (`maxMessageSize`); unlimited when absent. */
  readonly maxResponseBytes?: number;
  /** Each job travels in a message of its own (a job stream): the limit applies to each job alone. */
  readonly limitPerJob?: boolean;
}

export interface ActivatedJob {
  readonly job: Job;
  readonly variables: JsonObject;
}

/**
 * Activates up to `maxJobs` activatable jobs of the type, oldest first, stopping before the
 * response would exceed `maxResponseBytes` (a job too large on its own raises an incident instead).
 */
export function activateJobs(rt: Runtime, request: ActivationRequest): ActivatedJob[] {
  const now = rt.clock.now();
  const limit = request.maxResponseBytes ?? Infinity;
  const activated: ActivatedJob[] = [];
  let bytes = 0;
  for (const key of [...rt.state.activatableJobs.keys(request.type)]) {
    if (activated.length >= request.maxJobs) break;
    let job = rt.state.jobs.require(key);
    const variables = pick(visibleVariables(rt, job.elementInstanceKey), request.fetchVariables);
    const size = activatedJobSize(job, variables, request.worker);
    if (size > limit) {
      jobTooLarge(rt, job, size);
      continue;
    }
    if (!request.limitPerJob && bytes + size > limit) break;
    bytes += size;
    if (job.timedOut) job = rekey(rt, job);
    const updated = rt.state.jobs.update(job.key, {
      state: 'ACTIVATED',
      worker: request.worker,
      deadline: now + request.timeout,
      timedOut: undefined,
    });
    record(rt, 'JOB', 'ACTIVATED', job.key, job.processInstanceKey, jobValue(updated));
    rt.state.afterCommit(() => rt.notify.scheduleChanged());
    activated.push({ job: updated, variables });
  }
  return activated;
}

/**
 * A job that timed out is handed out again under a new key, so that the worker that let it time out
 * can no longer complete it (its CompleteJob gets NOT_FOUND) once another worker has it.
 */
function rekey(rt: Runtime, job: Job): Job {
  const key = rt.state.newKey();
  rt.state.jobs.remove(job.key, {
    ...job,
    state: 'CANCELED',
    endDate: rt.clock.now(),
    errorMessage: 'timed out',
  });
  const fresh = rt.state.jobs.insert({ ...job, key, timedOut: undefined });
  rt.state.elements.update(job.elementInstanceKey, { jobKey: key });
  record(rt, 'JOB', 'CREATED', key, job.processInstanceKey, { ...jobValue(fresh), previousJobKey: job.key });
  return fresh;
}

type JobAction = 'complete' | 'fail' | 'throw an error for';
const INTENTS: Record<JobAction, string> = {
  complete: 'COMPLETE',
  fail: 'FAIL',
  'throw an error for': 'THROW_ERROR',
};

/** The job, if it exists and is ACTIVATABLE or ACTIVATED, else Zeebe's rejection. */
function workableJob(rt: Runtime, key: number, action: JobAction): Job {
  const job = rt.state.jobs.get(key);
  if (!job)
    throw rejected(
      INTENTS[action],
      'NOT_FOUND',
      `Expected to ${action} job with key '${key}', but no such job was found`,
    );
  if (job.state !== 'ACTIVATABLE' && job.state !== 'ACTIVATED') {
    throw rejected(
      INTENTS[action],
      'INVALID_STATE',
      `Expected to ${action} job with key '${key}', but it is in state '${job.state}'`,
    );
  }
  return job;
}

export function completeJob(rt: Runtime, key: number, variables: JsonObject): void {
  const job = workableJob(rt, key, 'complete');
  endJob(rt, job, 'COMPLETED');
  const instance = rt.state.elements.get(job.elementInstanceKey);
  if (!instance) return;
  rt.state.elements.update(instance.key, { jobKey: undefined });
  completeElement(rt, rt.state.elements.require(instance.key), variables);
}

export interface JobFailure {
  readonly retries: number;
  readonly errorMessage: string;
  readonly retryBackOff: number;
  readonly variables: JsonObject;
}

/** Retries left: the job comes back (after the back-off); none left: an incident. */
export function failJob(rt: Runtime, key: number, failure: JobFailure): void {
  const job = workableJob(rt, key, 'fail');
  const instance = rt.state.elements.get(job.elementInstanceKey);
  if (instance && Object.keys(failure.variables).length > 0)
    setLocalVariables(rt, instance, failure.variables);
  const now = rt.clock.now();
  const backoff = failure.retries > 0 && failure.retryBackOff > 0;
  const failed = rt.state.jobs.update(key, {
    state: failure.retries > 0 && !backoff ? 'ACTIVATABLE' : 'FAILED',
    retries: failure.retries,
    errorMessage: failure.errorMessage,
    worker: undefined,
    deadline: undefined,
    retryAt: backoff ? now + failure.retryBackOff : undefined,
  });
  record(rt, 'JOB', 'FAILED', key, job.processInstanceKey, jobValue(failed));
  if (failed.state === 'ACTIVATABLE') jobBecameActivatable(rt, failed);
  if (backoff) rt.state.afterCommit(() => rt.notify.scheduleChanged());
  if (failure.retries <= 0 && instance) {
    raiseIncident(rt, instance, 'JOB_NO_RETRIES', failure.errorMessage || 'No more retries left.', key);
  }
}

/** A business error: caught by a boundary event or event sub-process, or an incident. */
export function throwJobError(
  rt: Runtime,
  key: number,
  code: string,
  message: string,
  variables: JsonObject,
): void {
  const job = workableJob(rt, key, 'throw an error for');
  const instance = rt.state.elements.get(job.elementInstanceKey);
  if (!instance)
    throw rejected(
      'THROW_ERROR',
      'INVALID_STATE',
      'Expected to find active element instance, but was terminated',
    );
  const target = findErrorCatch(rt, instance, code);
  const thrown = rt.state.jobs.update(key, {
    state: 'ERROR_THROWN',
    errorCode: code,
    errorMessage: message,
    worker: undefined,
    deadline: undefined,
  });
  record(rt, 'JOB', 'ERROR_THROWN', key, job.processInstanceKey, { ...jobValue(thrown), errorCode: code });
  if (target) return catchError(rt, target, variables);
  raiseIncident(
    rt,
    instance,
    'UNHANDLED_ERROR_EVENT',
    unhandledErrorMessage(code, message, availableErrorCodes(rt, instance)),
    key,
  );
}

export function updateJobRetries(rt: Runtime, key: number, retries: number): void {
  const job = rt.state.jobs.get(key);
  if (!job)
    throw rejected(
      'UPDATE_RETRIES',
      'NOT_FOUND',
      `Expected to update job with key '${key}', but no such job was found`,
    );
  if (retries < 1) {
    throw rejected(
      'UPDATE_RETRIES',
      'INVALID_ARGUMENT',
      `Expected to update retries for job with key '${key}' with a positive amount of retries, but the amount given was '${retries}'`,
    );
  }
  const updated = rt.state.jobs.update(key, { retries });
  record(rt, 'JOB', 'RETRIES_UPDATED', key, job.processInstanceKey, jobValue(updated));
}

export function updateJobTimeout(rt: Runtime, key: number, timeout: number): void {
  const job = rt.state.jobs.get(key);
  if (!job)
    throw rejected(
      'UPDATE_TIMEOUT',
      'NOT_FOUND',
      `Expected to update job with key '${key}', but no such job was found`,
    );
  if (job.state !== 'ACTIVATED') {
    throw rejected(
      'UPDATE_TIMEOUT',
      'INVALID_STATE',
      `Expected to update the timeout of job with key '${key}', but it is not active`,
    );
  }
  const updated = rt.state.jobs.update(key, { deadline: rt.clock.now() + timeout });
  record(rt, 'JOB', 'TIMEOUT_UPDATED', key, job.processInstanceKey, jobValue(updated));
  rt.state.afterCommit(() => rt.notify.scheduleChanged());
}

/** A pushed job could not be delivered (its stream is gone): it is activatable again. */
export function yieldJob(rt: Runtime, key: number): void {
  const job = rt.state.jobs.get(key);
  if (!job || job.state !== 'ACTIVATED') return;
  const yielded = rt.state.jobs.update(key, { state: 'ACTIVATABLE', worker: undefined, deadline: undefined });
  record(rt, 'JOB', 'YIELDED', key, job.processInstanceKey, jobValue(yielded));
  jobBecameActivatable(rt, yielded);
}

/** Activated jobs past their deadline, and failed jobs past their back-off, become activatable. */
export function reviveDueJobs(rt: Runtime, now: number, limit: number): number {
  const timedOut = rt.state.jobs.takeDue(rt.state.jobDeadlines, now, limit);
  for (const key of timedOut) {
    const job = rt.state.jobs.update(key, {
      state: 'ACTIVATABLE',
      worker: undefined,
      deadline: undefined,
      timedOut: true,
    });
    record(rt, 'JOB', 'TIMED_OUT', key, job.processInstanceKey, jobValue(job));
    jobBecameActivatable(rt, job);
  }
  const recurred = rt.state.jobs.takeDue(rt.state.jobBackoffs, now, limit);
  for (const key of recurred) {
    const job = rt.state.jobs.update(key, { state: 'ACTIVATABLE', retryAt: undefined });
    record(rt, 'JOB', 'RECURRED_AFTER_BACKOFF', key, job.processInstanceKey, jobValue(job));
    jobBecameActivatable(rt, job);
  }
  return timedOut.length + recurred.length;
}
