import type { CamundaClients } from '../lib/camunda';
import type { Logger } from '../lib/logger';
import { type JobWorkerDefinition, workerRegistry } from './registry';

export interface RunningWorkers {
  readonly jobTypes: readonly string[];
  /** Stops polling; each worker finishes the jobs it holds before this resolves. */
  close(): Promise<void>;
}

/** Starts every registered job worker on the gRPC client, each with a child logger naming its job type. */
export function startWorkers(
  clients: Pick<CamundaClients, 'zeebe'>,
  log: Logger,
  registry: readonly JobWorkerDefinition[] = workerRegistry,
): RunningWorkers {
  const started = registry.map((worker) =>
    worker.start(clients.zeebe, log.child({ worker: worker.jobType })),
  );
  const jobTypes = registry.map((worker) => worker.jobType);
  log.info({ jobTypes }, `workers: ${jobTypes.length} started`);
  return {
    jobTypes,
    async close() {
      await Promise.all(started.map((worker) => worker.close()));
    },
  };
}
