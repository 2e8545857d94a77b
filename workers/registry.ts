import { type JobWorkerDefinition } from './runtime/define-worker';

/**
 * Every job worker of the application, one per job type of the deployed diagrams (a contract test
 * checks that the two sets are equal). Each lives in `workers/<job-type>.ts`.
 */
export const workerRegistry: readonly JobWorkerDefinition[] = [];
