import type { DataSource } from 'typeorm';
import { StaffRepository } from '../../db/repositories/staff.repository';
import { ForbiddenError } from '../../lib/errors';
import { hasRole, type Principal } from '../auth/principal';

/** Who works on tasks: the member of staff, their candidate groups, and whether they may release others' tasks. */
export interface TaskWorker {
  /** Null for an API key with a staff role: it may read tasks but not hold one. */
  readonly staffId: string | null;
  /** The candidate groups whose tasks they see; `all` for administrators. */
  readonly groups: readonly string[] | 'all';
  /** Managers and administrators may release a task someone else holds. */
  readonly mayReleaseOthers: boolean;
}

/** The fields of a user task that say whom it is for. */
interface TaskAudience {
  readonly userTaskKey: string;
  readonly candidateGroups?: readonly string[];
  readonly assignee?: string;
}

export async function taskWorkerOf(db: DataSource, principal: Principal): Promise<TaskWorker> {
  let groups: readonly string[] | 'all' = [];
  if (principal.roles.includes('administrator')) groups = 'all';
  else if (principal.staffId) groups = await new StaffRepository(db.manager).listGroupsOf(principal.staffId);
  return { staffId: principal.staffId, groups, mayReleaseOthers: hasRole(principal, ['manager']) };
}

/** A task is for whoever is in one of its candidate groups, and for whoever holds it. */
export function isTaskFor(worker: TaskWorker, task: TaskAudience): boolean {
  if (worker.groups === 'all') return true;
  if (worker.staffId !== null && task.assignee === worker.staffId) return true;
  const groups = worker.groups;
  return (task.candidateGroups ?? []).some((group) => groups.includes(group));
}

export function assertTaskFor(worker: TaskWorker, task: TaskAudience): void {
  if (!isTaskFor(worker, task)) {
    throw new ForbiddenError(
      `User task ${task.userTaskKey} is for ${(task.candidateGroups ?? []).join(', ') || 'nobody'}, none of your groups.`,
      'TASK_NOT_FOR_YOU',
    );
  }
}

/** The member of staff who is to hold a task: an API key cannot. */
export function staffIdOf(worker: TaskWorker): string {
  if (worker.staffId === null) {
    throw new ForbiddenError(
      'Only a member of staff (a staff token) can hold a task.',
      'STAFF_TOKEN_REQUIRED',
    );
  }
  return worker.staffId;
}
