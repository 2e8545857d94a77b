import { restStatusOf } from '../../lib/camunda';
import { ConflictError, NotFoundError } from '../../lib/errors';

/**
 * Runs a call on a user task through the SDK, turning the engine's refusals into our problems: 404
 * (no such task, or it has left the runtime) → TASK_NOT_FOUND; 409 (someone else holds it, or it is
 * being changed) → TASK_CONFLICT. Anything else is not the caller's fault and goes on as it is.
 */
export async function onUserTask<T>(userTaskKey: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const statusCode = restStatusOf(error);
    if (statusCode === 404) throw taskNotFound(userTaskKey);
    if (statusCode === 409) {
      throw new ConflictError(
        `User task ${userTaskKey} was changed meanwhile (claimed by someone else, or completed): reload it.`,
        'TASK_CONFLICT',
      );
    }
    throw error;
  }
}

export function taskNotFound(userTaskKey: string): NotFoundError {
  return new NotFoundError(`No open or past user task has the key ${userTaskKey}.`, 'TASK_NOT_FOUND');
}
