import { type FlowNode } from '../../bpmn/model';
import {
  evaluateDateTime,
  evaluateInteger,
  evaluateString,
  evaluateStringList,
  evaluateValue,
} from '../../feel/evaluate';
import { createJob } from '../jobs';
import { type Runtime } from '../runtime';
import { type ElementInstance } from '../state/entities';
import { createUserTask, type UserTaskSpec } from '../user-tasks';
import { visibleVariables } from '../variables';
import { type ActivationStep, incident, type IncidentStep } from './activation';
import { modelOf } from './lifecycle';

/** The job type of user tasks without `zeebe:userTask`, as Zeebe's job-worker user tasks. */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

/** Job-based elements: the job type and retries are evaluated, then the job is created. */
export function prepareJob(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const variables = visibleVariables(rt, instance.key);
  let type: string;
  let retries: number;
  let headers: Record<string, string>;
  if (node.job) {
    const evaluatedType = evaluateString(node.job.type, variables);
    if (!evaluatedType.ok) return incident('EXTRACT_VALUE_ERROR', evaluatedType.message);
    const evaluatedRetries = evaluateInteger(node.job.retries, variables);
    if (!evaluatedRetries.ok) return incident('EXTRACT_VALUE_ERROR', evaluatedRetries.message);
    type = evaluatedType.value;
    retries = evaluatedRetries.value;
    headers = { ...node.job.headers };
  } else {
    const legacy = legacyUserTaskHeaders(rt, instance, node, variables);
    if ('incident' in legacy) return legacy;
    type = USER_TASK_JOB_TYPE;
    retries = 1;
    headers = legacy.headers;
  }
  return { then: (activated) => createJob(rt, activated, type, retries, headers) };
}

/** Job-worker user tasks carry their assignment in headers, as Zeebe does. */
function legacyUserTaskHeaders(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode,
  variables: ReturnType<typeof visibleVariables>,
): { headers: Record<string, string> } | IncidentStep {
  const spec = evaluateUserTask(rt, instance, node, variables);
  if ('incident' in spec) return spec;
  const headers: Record<string, string> = { ...(node.userTask?.headers ?? {}) };
  if (spec.assignee) headers['io.camunda.zeebe:assignee'] = spec.assignee;
  if (spec.candidateGroups.length)
    headers['io.camunda.zeebe:candidateGroups'] = JSON.stringify(spec.candidateGroups);
  if (spec.candidateUsers.length)
    headers['io.camunda.zeebe:candidateUsers'] = JSON.stringify(spec.candidateUsers);
  if (spec.dueDate) headers['io.camunda.zeebe:dueDate'] = spec.dueDate;
  if (spec.followUpDate) headers['io.camunda.zeebe:followUpDate'] = spec.followUpDate;
  return { headers };
}

/** Camunda user tasks: assignment, schedule, priority and form are evaluated, then the task is created. */
export function prepareUserTask(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const spec = evaluateUserTask(rt, instance, node, visibleVariables(rt, instance.key));
  if ('incident' in spec) return spec;
  return { then: (activated) => createUserTask(rt, activated, spec) };
}

function evaluateUserTask(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode,
  variables: ReturnType<typeof visibleVariables>,
): UserTaskSpec | IncidentStep {
  const task = node.userTask;
  const spec: {
    -readonly [K in keyof UserTaskSpec]: UserTaskSpec[K];
  } = { candidateGroups: [], candidateUsers: [], priority: 50, headers: { ...(task?.headers ?? {}) } };
  if (!task) return spec;
  if (task.assignee) {
    const assignee = evaluateValue(task.assignee, variables);
    if (!assignee.ok) return incident('EXTRACT_VALUE_ERROR', assignee.message);
    if (assignee.value !== null && assignee.value !== '') {
      const asString = evaluateString(task.assignee, variables);
      if (!asString.ok) return incident('EXTRACT_VALUE_ERROR', asString.message);
      spec.assignee = asString.value;
    }
  }
  for (const [field, expression] of [
    ['candidateGroups', task.candidateGroups],
    ['candidateUsers', task.candidateUsers],
  ] as const) {
    if (!expression) continue;
    const list = evaluateStringList(expression, variables);
    if (!list.ok) return incident('EXTRACT_VALUE_ERROR', list.message);
    spec[field] = list.value;
  }
  for (const [field, expression] of [
    ['dueDate', task.dueDate],
    ['followUpDate', task.followUpDate],
  ] as const) {
    if (!expression) continue;
    const date = evaluateDateTime(expression, variables);
    if (!date.ok) return incident('EXTRACT_VALUE_ERROR', date.message);
    if (date.value !== null) spec[field] = date.value;
  }
  if (task.priority) {
    const priority = evaluateInteger(task.priority, variables);
    if (!priority.ok) return incident('EXTRACT_VALUE_ERROR', priority.message);
    if (priority.value < 0 || priority.value > 100) {
      return incident(
        'EXTRACT_VALUE_ERROR',
        `Expected priority to be in the range [0,100], but was ${priority.value}.`,
      );
    }
    spec.priority = priority.value;
  }
  if (task.formId) {
    const form = rt.state.latestForm(task.formId);
    if (!form) {
      return incident(
        'FORM_NOT_FOUND',
        `Expected to find a form with id '${task.formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
      );
    }
    spec.formKey = form.key;
  }
  if (task.externalFormReference) {
    const reference = evaluateString(task.externalFormReference, variables);
    if (!reference.ok) return incident('EXTRACT_VALUE_ERROR', reference.message);
    spec.externalFormReference = reference.value;
  }
  spec.processName = modelOf(rt, instance).name;
  return spec;
}
