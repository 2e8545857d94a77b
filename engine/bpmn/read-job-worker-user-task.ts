import { type JobDefinition } from './model';
import { nonBlankTextOf, type ModdleElement } from './moddle-element';
import { parseCsvList } from './expression-checks';
import { singleExtension } from './read-extensions';
import { CAMUNDA_USER_TASK_HINT, readFormDefinition } from './read-form-definition';
import { readHeaders, RESERVED_HEADER_PREFIX } from './read-job';
import { readDate } from './read-user-task';
import { type Problems } from './problems';

/** Job type of user tasks without `zeebe:userTask` (Protocol.USER_TASK_JOB_TYPE). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

/**
 * A user task without `zeebe:userTask` is a job of type `io.camunda.zeebe:userTask` with 1 retry (as
 * in Zeebe). Assignment, schedule and form key travel in Zeebe's reserved job headers
 * (`io.camunda.zeebe:assignee`, `…:candidateGroups` as a JSON list, …). The job model has static
 * headers only, so FEEL values there are not supported by the embedded engine.
 */
export function readJobWorkerUserTask(task: ModdleElement, problems: Problems): JobDefinition {
  const headers = readHeaders(task, problems);
  const assignment = singleExtension(task, 'zeebe:AssignmentDefinition', problems);
  const schedule = singleExtension(task, 'zeebe:TaskSchedule', problems);
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined) headers[RESERVED_HEADER_PREFIX + name] = value;
  };
  put('assignee', staticValue(task, 'assignee', nonBlankTextOf(assignment, 'assignee'), problems));
  put(
    'candidateGroups',
    staticList(task, 'candidateGroups', nonBlankTextOf(assignment, 'candidateGroups'), problems),
  );
  put(
    'candidateUsers',
    staticList(task, 'candidateUsers', nonBlankTextOf(assignment, 'candidateUsers'), problems),
  );
  put('dueDate', staticDate(task, 'dueDate', nonBlankTextOf(schedule, 'dueDate'), problems));
  put('followUpDate', staticDate(task, 'followUpDate', nonBlankTextOf(schedule, 'followUpDate'), problems));
  put('formKey', readFormDefinition(task, false, problems).formKey);
  return { type: { static: USER_TASK_JOB_TYPE }, retries: { static: '1' }, headers };
}

function staticValue(
  task: ModdleElement,
  attribute: string,
  raw: string | undefined,
  problems: Problems,
): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim().startsWith('=')) {
    problems.unsupported(task, `a FEEL ${attribute} on a job worker user task`, CAMUNDA_USER_TASK_HINT);
    return undefined;
  }
  return raw;
}

function staticList(
  task: ModdleElement,
  attribute: string,
  raw: string | undefined,
  problems: Problems,
): string | undefined {
  const value = staticValue(task, attribute, raw, problems);
  if (value === undefined) return undefined;
  const list = parseCsvList(value);
  if (list === undefined)
    problems.at(
      task,
      `${attribute} must be a list of comma-separated values, e.g. 'a,b,c', but found '${value}'`,
    );
  return list && JSON.stringify(list);
}

function staticDate(
  task: ModdleElement,
  attribute: string,
  raw: string | undefined,
  problems: Problems,
): string | undefined {
  const value = staticValue(task, attribute, raw, problems);
  return value === undefined ? undefined : readDate(task, attribute, value, problems) && value;
}
