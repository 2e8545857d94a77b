import type { EntityManager } from 'typeorm';
import { DomainError } from '../../domain/domain-error';
import { AppError } from '../../lib/errors';
import { type JobContext } from '../runtime/define-worker';
import { JobDataError } from '../runtime/job-outcome';

/** HTTP-like statuses of AppErrors that retrying cannot fix: missing or unusable data (404, 400, 422). */
const DATA_STATUSES = new Set([400, 404, 422]);

/**
 * Runs `work`; errors that say the job's data (or the reference data it needs) is wrong become a
 * JobDataError, i.e. an incident with their code and message: a rule refusing its input
 * (`DomainError`), a record that does not exist (`COMPLAINT_NOT_FOUND`, `NO_CALENDAR`, ...), a
 * template that cannot be filled. Anything else (a conflict, a lost connection) is thrown as is and
 * retried with back-off.
 */
export async function asJobData<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError || (error instanceof AppError && DATA_STATUSES.has(error.status))) {
      throw new JobDataError(`${error.code}: ${error.message}`);
    }
    throw error;
  }
}

/** The job's effect in ONE database transaction (all of it or nothing), errors mapped by `asJobData`. */
export function inTransaction<T>(
  job: Pick<JobContext<unknown, unknown>, 'deps'>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return asJobData(() => job.deps.db.transaction(work));
}
