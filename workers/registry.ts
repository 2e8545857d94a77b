import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from '../lib/logger';

/** A worker started on a client; closing it lets the job in hand finish first. */
export interface StartedWorker {
  close(): Promise<unknown>;
}

/** One job worker: the job type it serves (its file is named the same) and how it starts. */
export interface JobWorkerDefinition {
  /** Verb-object, as in the diagram's `zeebe:taskDefinition type`, e.g. `classify-complaint`. */
  readonly jobType: string;
  start(zeebe: Zeebe.ZeebeGrpcClient, log: Logger): StartedWorker;
}

/**
 * Every job worker of the application, one per job type of the deployed diagrams. Empty until the
 * complaint process arrives.
 */
export const workerRegistry: readonly JobWorkerDefinition[] = [];
