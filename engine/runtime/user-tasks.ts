import { type ElementInstance, type UserTask } from './state/entities';
import { record, type Runtime } from './runtime';

/** A user task as evaluated from its definition at activation. */
export interface UserTaskSpec {
  readonly assignee?: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority: number;
  readonly formKey?: number;
  readonly externalFormReference?: string;
  readonly processName?: string;
  readonly headers: Readonly<Record<string, string>>;
}

export function createUserTask(rt: Runtime, instance: ElementInstance, spec: UserTaskSpec): UserTask {
  const key = rt.state.newKey();
  const node = rt.state.definitions.get(instance.processDefinitionKey)?.model.nodes.get(instance.elementId);
  const task = rt.state.userTasks.insert({
    key,
    state: 'CREATED',
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    ...(node?.name ? { name: node.name } : {}),
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    processDefinitionVersion: instance.version,
    ...(spec.processName ? { processName: spec.processName } : {}),
    tenantId: instance.tenantId,
    ...(spec.assignee ? { assignee: spec.assignee } : {}),
    candidateGroups: spec.candidateGroups,
    candidateUsers: spec.candidateUsers,
    ...(spec.dueDate ? { dueDate: spec.dueDate } : {}),
    ...(spec.followUpDate ? { followUpDate: spec.followUpDate } : {}),
    priority: spec.priority,
    ...(spec.formKey !== undefined ? { formKey: spec.formKey } : {}),
    ...(spec.externalFormReference ? { externalFormReference: spec.externalFormReference } : {}),
    customHeaders: spec.headers,
    creationDate: rt.clock.now(),
  });
  rt.state.elements.update(instance.key, { userTaskKey: key });
  record(rt, 'USER_TASK', 'CREATED', key, instance.processInstanceKey, {
    elementId: instance.elementId,
    elementInstanceKey: instance.key,
    ...(spec.assignee ? { assignee: spec.assignee } : {}),
    candidateGroups: [...spec.candidateGroups],
  });
  return task;
}

/** The task's element was terminated: the task is canceled. */
export function cancelUserTaskOf(rt: Runtime, instance: ElementInstance): void {
  if (instance.userTaskKey === undefined) return;
  const task = rt.state.userTasks.get(instance.userTaskKey);
  if (!task) return;
  endUserTask(rt, task, 'CANCELED');
}

export function endUserTask(rt: Runtime, task: UserTask, state: 'COMPLETED' | 'CANCELED'): void {
  rt.state.userTasks.remove(task.key, { ...task, state, completionDate: rt.clock.now() });
  record(rt, 'USER_TASK', state, task.key, task.processInstanceKey, { elementId: task.elementId });
}
