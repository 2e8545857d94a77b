import { type JsonObject } from '../../feel/expression';
import { completeElement } from '../elements/lifecycle';
import { rejected } from '../rejection';
import { record, type Runtime } from '../runtime';
import { type UserTask } from '../state/entities';
import { endUserTask } from '../user-tasks';

type Action = 'assign' | 'claim' | 'complete' | 'update' | 'unassign';
const INTENTS: Record<Action, string> = {
  assign: 'ASSIGN',
  claim: 'CLAIM',
  complete: 'COMPLETE',
  update: 'UPDATE',
  unassign: 'ASSIGN',
};

function openTask(rt: Runtime, key: number, action: Action): UserTask {
  const task = rt.state.userTasks.get(key);
  if (!task) {
    throw rejected(
      INTENTS[action],
      'NOT_FOUND',
      // Zeebe unassigns with an ASSIGN command (empty assignee): its rejection says "assign".
      `Expected to ${action === 'unassign' ? 'assign' : action} user task with key '${key}', but no such user task was found`,
    );
  }
  return task;
}

/** Assigns the task; without `allowOverride` it is a claim, refused when someone else holds it. */
export function assignUserTask(rt: Runtime, key: number, assignee: string, allowOverride: boolean): void {
  const action: Action = allowOverride ? 'assign' : 'claim';
  const task = openTask(rt, key, action);
  if (assignee.trim() === '') {
    throw rejected(
      INTENTS[action],
      'INVALID_ARGUMENT',
      `Expected to ${action} user task with key '${key}', but provided assignee is empty`,
    );
  }
  if (!allowOverride && task.assignee && task.assignee !== assignee) {
    throw rejected(
      'CLAIM',
      'INVALID_STATE',
      `Expected to claim user task with key '${key}', but it has already been assigned`,
    );
  }
  rt.state.userTasks.update(key, { assignee });
  record(rt, 'USER_TASK', 'ASSIGNED', key, task.processInstanceKey, { assignee });
}

export function unassignUserTask(rt: Runtime, key: number): void {
  const task = openTask(rt, key, 'unassign');
  rt.state.userTasks.update(key, { assignee: undefined });
  record(rt, 'USER_TASK', 'ASSIGNED', key, task.processInstanceKey, { assignee: '' });
}

export interface UserTaskChanges {
  readonly dueDate?: string | null;
  readonly followUpDate?: string | null;
  readonly candidateGroups?: readonly string[];
  readonly candidateUsers?: readonly string[];
  readonly priority?: number;
}

export function updateUserTask(rt: Runtime, key: number, changes: UserTaskChanges): void {
  const task = openTask(rt, key, 'update');
  const patch: { -readonly [K in keyof UserTask]?: UserTask[K] } = {};
  if (changes.dueDate !== undefined) patch.dueDate = changes.dueDate ?? undefined;
  if (changes.followUpDate !== undefined) patch.followUpDate = changes.followUpDate ?? undefined;
  if (changes.candidateGroups !== undefined) patch.candidateGroups = [...changes.candidateGroups];
  if (changes.candidateUsers !== undefined) patch.candidateUsers = [...changes.candidateUsers];
  if (changes.priority !== undefined) {
    if (!Number.isInteger(changes.priority) || changes.priority < 0 || changes.priority > 100) {
      throw rejected(
        'UPDATE',
        'INVALID_ARGUMENT',
        `Expected priority to be an integer between 0 and 100, but was ${changes.priority}`,
      );
    }
    patch.priority = changes.priority;
  }
  rt.state.userTasks.update(key, patch);
  record(rt, 'USER_TASK', 'UPDATED', key, task.processInstanceKey, { changedAttributes: Object.keys(patch) });
}

/** Completes the task; its variables are merged like a job's (output mappings, else propagation). */
export function completeUserTask(rt: Runtime, key: number, variables: JsonObject): void {
  const task = openTask(rt, key, 'complete');
  endUserTask(rt, task, 'COMPLETED');
  const instance = rt.state.elements.get(task.elementInstanceKey);
  if (!instance) return;
  rt.state.elements.update(instance.key, { userTaskKey: undefined });
  completeElement(rt, rt.state.elements.require(instance.key), variables);
}
