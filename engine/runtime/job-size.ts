import { type JsonObject } from '../feel/expression';
import { raiseIncident } from './incidents';
import { jobValue } from './jobs';
import { record, type Runtime } from './runtime';
import { type Job } from './state/entities';

/**
 * Zeebe never hands out more than fits into one message (`maxMessageSize`): an activation stops
 * before the batch would exceed it, and a job too large on its own is not activated but raises a
 * MESSAGE_SIZE_EXCEEDED incident (JobBatchActivateProcessor#raiseIncidentJobTooLargeForMessageSize).
 */

/**
 * An upper bound of the bytes a job takes in an activation response: its variables and the job as
 * JSON text (protobuf is more compact than JSON), plus room for the worker name and field tags.
 */
export function activatedJobSize(job: Job, variables: JsonObject, worker: string): number {
  return (
    Buffer.byteLength(JSON.stringify(variables)) +
    Buffer.byteLength(JSON.stringify(job)) +
    Buffer.byteLength(worker) +
    256
  );
}

/** The job cannot be activated at this size: it leaves the activatable jobs and an incident says why. */
export function jobTooLarge(rt: Runtime, job: Job, size: number): void {
  const failed = rt.state.jobs.update(job.key, { state: 'FAILED' });
  record(rt, 'JOB', 'FAILED', job.key, job.processInstanceKey, jobValue(failed));
  const instance = rt.state.elements.get(job.elementInstanceKey);
  if (!instance) return;
  raiseIncident(
    rt,
    instance,
    'MESSAGE_SIZE_EXCEEDED',
    `The job with key '${job.key}' can not be activated, because with ${prettySize(size)} it is larger than the configured message size (per default is 4 MB). Try to reduce the size by reducing the number of fetched variables or modifying the variable values.`,
    job.key,
  );
}

function prettySize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
