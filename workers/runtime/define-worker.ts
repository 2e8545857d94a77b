import type { Zeebe } from '@camunda8/sdk';
import { type Static, type TObject } from 'typebox';
import Value from 'typebox/value';
import type { Logger } from '../../lib/logger';
import { runJob, type SdkJob } from './job-adapter';
import { type JobOutcome } from './job-outcome';
import { type WorkerDeps } from './worker-deps';

/** What a handler sees of one job: validated variables and headers, and what it needs to log and to be idempotent. */
export interface JobContext<V, H> {
  readonly jobKey: string;
  readonly processInstanceKey: string;
  /** Stable across redelivery (a timed-out job comes back under another job key): key effects by it. */
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly retries: number;
  readonly variables: V;
  readonly headers: H;
  /** `<job type>:<element instance key>`: the idempotency key of this step's side effects. */
  readonly effectKey: string;
  readonly log: Logger;
  readonly deps: WorkerDeps;
}

export interface WorkerSpec<V extends TObject, H extends TObject> {
  /** Verb-object, as in the diagram (`zeebe:taskDefinition type`); the file is named the same. */
  readonly jobType: string;
  /** The variables the worker reads; only these are fetched. Jobs whose variables do not match fail with no retries. */
  readonly variables: V;
  /** The task headers it reads (`zeebe:taskHeaders`). */
  readonly headers?: H;
  /** Every BPMN error code the handler may return (checked against the diagram by a contract test). */
  readonly bpmnErrors?: readonly string[];
  /** How long a job may take before the engine hands it to another worker; default 60 s. */
  readonly timeoutMs?: number;
  handle(job: JobContext<Static<V>, Static<H>>): Promise<JobOutcome>;
}

/** A worker started on a client; closing it lets the job in hand finish first. */
export interface StartedWorker {
  close(): Promise<unknown>;
}

/** One job worker of the registry. */
export interface JobWorkerDefinition {
  readonly jobType: string;
  readonly bpmnErrors: readonly string[];
  start(zeebe: Zeebe.ZeebeGrpcClient, deps: WorkerDeps): StartedWorker;
}

/** A job worker from its spec: the SDK plumbing, validation, logging and outcome handling are shared. */
export function defineWorker<V extends TObject, H extends TObject>(
  spec: WorkerSpec<V, H>,
): JobWorkerDefinition {
  const fetchVariable = Object.keys(spec.variables.properties);
  return {
    jobType: spec.jobType,
    bpmnErrors: spec.bpmnErrors ?? [],
    start(zeebe, deps) {
      const log = deps.log.child({ worker: spec.jobType });
      return zeebe.createWorker({
        taskType: spec.jobType,
        fetchVariable,
        timeout: spec.timeoutMs ?? 60_000,
        maxJobsToActivate: 32,
        longPoll: 50_000,
        pollInterval: 100,
        taskHandler: async (job) => {
          await deps.gate?.wait();
          return runJob(spec, job as unknown as SdkJob, { ...deps, log });
        },
      });
    },
  };
}

/** Every problem of a value against a schema, one line each (`/severity: must be integer`). */
export function schemaProblems(schema: TObject, value: unknown): string[] {
  if (Value.Check(schema, value)) return [];
  return [...Value.Errors(schema, value)].flatMap((error) => {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties;
    if (error.keyword === 'required' && missing)
      return missing.map((name) => `${error.instancePath}/${name}: is required`);
    return [`${error.instancePath || '/'}: ${error.message}`];
  });
}
