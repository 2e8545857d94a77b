import { type Expression } from '../feel/expression';
import { type UserTaskDefinition } from './model';
import { nonBlankTextOf, textOf, type ModdleElement } from './moddle-element';
import { checkExpression, isDateTime, parseCsvList } from './expression-checks';
import { extensionsOfType, singleExtension } from './read-extensions';
import { readFormDefinition } from './read-form-definition';
import { readHeaders } from './read-job';
import { optional } from './optional-fields';
import { type Problems } from './problems';

export function isCamundaUserTask(task: ModdleElement): boolean {
  return extensionsOfType(task, 'zeebe:UserTask').length > 0;
}

/**
 * A Camunda user task (`zeebe:userTask`): assignment, schedule, priority, form and headers, each
 * static or FEEL. Static candidate lists must be comma-separated values, static dates ISO 8601
 * date-times with offset, a static priority an integer from 0 to 100.
 */
export function readCamundaUserTask(task: ModdleElement, problems: Problems): UserTaskDefinition {
  singleExtension(task, 'zeebe:UserTask', problems);
  const assignment = singleExtension(task, 'zeebe:AssignmentDefinition', problems);
  const schedule = singleExtension(task, 'zeebe:TaskSchedule', problems);
  const form = readFormDefinition(task, true, problems);
  return {
    ...optional(
      'assignee',
      checkExpression(problems, task, 'Assignee', nonBlankTextOf(assignment, 'assignee')),
    ),
    ...optional(
      'candidateGroups',
      readCandidates(task, 'Candidate groups', nonBlankTextOf(assignment, 'candidateGroups'), problems),
    ),
    ...optional(
      'candidateUsers',
      readCandidates(task, 'Candidate users', nonBlankTextOf(assignment, 'candidateUsers'), problems),
    ),
    ...optional('dueDate', readDate(task, 'Due date', nonBlankTextOf(schedule, 'dueDate'), problems)),
    ...optional(
      'followUpDate',
      readDate(task, 'Follow-up date', nonBlankTextOf(schedule, 'followUpDate'), problems),
    ),
    ...optional('priority', readPriority(task, problems)),
    ...optional('formId', form.formId),
    ...optional('externalFormReference', form.externalFormReference),
    headers: readHeaders(task, problems),
  };
}

export function readCandidates(
  task: ModdleElement,
  what: string,
  raw: string | undefined,
  problems: Problems,
): Expression | undefined {
  const expression = checkExpression(problems, task, what, raw);
  if (expression && 'static' in expression && parseCsvList(expression.static) === undefined) {
    problems.at(
      task,
      `${what} must be a list of comma-separated values, e.g. 'a,b,c', but found '${expression.static}'`,
    );
    return undefined;
  }
  return expression;
}

export function readDate(
  task: ModdleElement,
  what: string,
  raw: string | undefined,
  problems: Problems,
): Expression | undefined {
  const expression = checkExpression(problems, task, what, raw);
  if (expression && 'static' in expression && !isDateTime(expression.static)) {
    problems.at(
      task,
      `${what} must be an ISO 8601 date-time with offset, e.g. '2023-03-02T15:35+02:00', but found '${expression.static}'`,
    );
    return undefined;
  }
  return expression;
}

function readPriority(task: ModdleElement, problems: Problems): Expression | undefined {
  const definition = singleExtension(task, 'zeebe:PriorityDefinition', problems);
  if (!definition) return undefined;
  const expression = checkExpression(problems, task, 'Priority', textOf(definition, 'priority')?.trim(), {
    mandatory: true,
  });
  if (expression && 'static' in expression && !isPriority(expression.static)) {
    problems.at(task, `Priority must be a number between 0 and 100, but was '${expression.static}'`);
    return undefined;
  }
  return expression;
}

function isPriority(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) <= 100;
}
