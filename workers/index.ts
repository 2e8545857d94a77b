import type { Zeebe } from '@camunda8/sdk';
import { type JobWorkerDefinition } from './runtime/define-worker';
import { type WorkerDeps } from './runtime/worker-deps';
import { workerRegistry } from './registry';

export { type WorkerDeps } from './runtime/worker-deps';

export interface RunningWorkers {
  readonly jobTypes: readonly string[];
  /** Stops polling; each worker finishes the jobs it holds before this resolves. */
  close(): Promise<void>;
}

/** Starts every registered job worker on the gRPC client; each logs with a child logger naming its job type. */
export function startWorkers(
  zeebe: Zeebe.ZeebeGrpcClient,
  deps: WorkerDeps,
  registry: readonly JobWorkerDefinition[] = workerRegistry,
): RunningWorkers {
  const started = registry.map((worker) => worker.start(zeebe, deps));
  const jobTypes = registry.map((worker) => worker.jobType);
  deps.log.info({ jobTypes }, `workers: ${jobTypes.length} started`);
  return {
    jobTypes,
    async close() {
      await Promise.all(started.map((worker) => worker.close()));
    },
  };
}
