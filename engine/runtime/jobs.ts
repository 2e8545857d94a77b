import { type Job } from './state/entities';
import { type ElementInstance } from './state/entities';
import { record, type Runtime } from './runtime';

/** Creates the job of a job-based element; workers of `type` are told once the batch is committed. */
export function createJob(
  rt: Runtime,
  instance: ElementInstance,
  type: string,
  retries: number,
  customHeaders: Readonly<Record<string, string>>,
): Job {
  const key = rt.state.newKey();
  const job = rt.state.jobs.insert({
    key,
    type,
    state: 'ACTIVATABLE',
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    processDefinitionVersion: instance.version,
    tenantId: instance.tenantId,
    retries,
    customHeaders,
    createdAt: rt.clock.now(),
  });
  rt.state.elements.update(instance.key, { jobKey: key });
  record(rt, 'JOB', 'CREATED', key, instance.processInstanceKey, jobValue(job));
  jobBecameActivatable(rt, job);
  return job;
}

/** Tells waiting workers (long polls, streams) after the commit that a job of this type is ready. */
export function jobBecameActivatable(rt: Runtime, job: Job): void {
  const type = job.type;
  rt.state.afterCommit(() => rt.notify.jobsAvailable(type));
}

/** The element ended another way (terminated, error caught): its job is canceled. */
export function cancelJobOf(rt: Runtime, instance: ElementInstance): void {
  if (instance.jobKey === undefined) return;
  const job = rt.state.jobs.get(instance.jobKey);
  if (!job) return;
  endJob(rt, job, 'CANCELED');
}

/** The job leaves memory; its last state stays in the database. */
export function endJob(rt: Runtime, job: Job, state: 'COMPLETED' | 'CANCELED'): void {
  rt.state.jobs.remove(job.key, {
    ...job,
    state,
    endDate: rt.clock.now(),
    deadline: undefined,
    retryAt: undefined,
  });
  record(rt, 'JOB', state, job.key, job.processInstanceKey, { type: job.type, elementId: job.elementId });
}

export function jobValue(job: Job) {
  return {
    type: job.type,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    retries: job.retries,
    ...(job.worker ? { worker: job.worker } : {}),
    ...(job.deadline ? { deadline: job.deadline } : {}),
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
