import { type Zeebe } from '@camunda8/sdk';
import { eventually, type TestEngine } from '../../helpers/engine';

/** Taking jobs as a worker would, through the SDK's ActivateJobs. */

type SdkJob = Awaited<ReturnType<Zeebe.ZeebeGrpcClient['activateJobs']>>[number];
/** An activated job, its variables and headers read as plain records. */
export type Job = Omit<SdkJob, 'variables' | 'customHeaders'> & {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly customHeaders: Readonly<Record<string, unknown>>;
};
/** Activated jobs stay with the test however far it moves the engine clock. */
const JOB_TIMEOUT = 365 * 24 * 60 * 60 * 1000;

/** Waits for the job of `type` in the process instance and activates it. */
export function nextJob(t: TestEngine, type: string, processInstanceKey: number): Promise<Job> {
  return nextJobWhere(
    t,
    type,
    (job) => Number(job.processInstanceKey) === processInstanceKey,
    `a job of type '${type}' in instance ${processInstanceKey}`,
  );
}

/** Waits for a job of `type` that matches and activates it. */
export async function nextJobWhere(
  t: TestEngine,
  type: string,
  matches: (job: Job) => boolean,
  what = `a job of type '${type}'`,
): Promise<Job> {
  const [job] = await jobsWhere(t, type, matches, 1, what);
  return job;
}

/**
 * Waits until `count` jobs of `type` that match are activated. Jobs that came along but do not
 * match (other tests' instances) are handed back unchanged.
 */
export async function jobsWhere(
  t: TestEngine,
  type: string,
  matches: (job: Job) => boolean,
  count: number,
  what = `${count} job(s) of type '${type}'`,
): Promise<Job[]> {
  const mine: Job[] = [];
  await eventually(
    async () => {
      const jobs: Job[] = await t.zeebe.activateJobs<Record<string, unknown>, Record<string, unknown>>({
        type,
        worker: 'conformance',
        maxJobsToActivate: 32,
        timeout: JOB_TIMEOUT,
        requestTimeout: 1_000,
      });
      const taken = jobs.filter(matches).slice(0, count - mine.length);
      for (const other of jobs.filter((job) => !taken.includes(job))) {
        await t.zeebe.failJob({
          jobKey: other.key,
          retries: other.retries,
          errorMessage: 'not mine',
          retryBackOff: 0,
        });
      }
      mine.push(...taken);
      return mine.length >= count;
    },
    10_000,
    what,
  );
  return mine;
}

/** All jobs of `type` that can be activated right now (answers at once). */
export async function jobsNow(t: TestEngine, type: string): Promise<Job[]> {
  return t.zeebe.activateJobs<Record<string, unknown>, Record<string, unknown>>({
    type,
    worker: 'conformance',
    maxJobsToActivate: 100,
    timeout: JOB_TIMEOUT,
    requestTimeout: -1,
  });
}
