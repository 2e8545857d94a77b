import { type Expression } from '../feel/expression';
import { explicitTextOf, nonBlankTextOf, type ModdleElement } from './moddle-element';
import { checkExpression } from './expression-checks';
import { singleExtension } from './read-extensions';
import { optional } from './optional-fields';
import { type Problems } from './problems';

export const CAMUNDA_USER_TASK_HINT = 'add zeebe:userTask to make it a Camunda user task';

export interface FormReference {
  readonly formId?: string;
  readonly externalFormReference?: Expression;
  /** Job worker user tasks only: the legacy form key, passed on in a job header. */
  readonly formKey?: string;
}

/**
 * `zeebe:formDefinition` of a user task. Camunda user tasks: exactly one of formId (linked form) and
 * externalReference. Job worker user tasks: exactly one of formId and formKey. Forms are linked to
 * their latest version: other binding types, and FEEL form ids, are not supported.
 */
export function readFormDefinition(
  task: ModdleElement,
  camundaUserTask: boolean,
  problems: Problems,
): FormReference {
  const definition = singleExtension(task, 'zeebe:FormDefinition', problems);
  if (!definition) return {};
  const formId = nonBlankTextOf(definition, 'formId');
  const formKey = nonBlankTextOf(definition, 'formKey');
  const externalReference = nonBlankTextOf(definition, 'externalReference');
  checkBindingType(task, definition, problems);
  if (formId?.trim().startsWith('='))
    problems.unsupported(task, `a FEEL form id ('${formId}')`, 'use the static id of a deployed form');
  if (camundaUserTask) {
    if ((formId === undefined) === (externalReference === undefined)) {
      problems.at(
        task,
        "Exactly one of the attributes 'formId, externalReference' of zeebe:formDefinition must be present and not blank for Camunda user tasks",
      );
    }
    if (formKey !== undefined)
      problems.at(
        task,
        "Attribute 'formKey' of zeebe:formDefinition is not supported on Camunda user tasks; use formId or externalReference",
      );
    const externalFormReference = checkExpression(
      problems,
      task,
      'External form reference',
      externalReference,
    );
    return { ...optional('formId', formId), ...optional('externalFormReference', externalFormReference) };
  }
  if ((formId === undefined) === (formKey === undefined)) {
    problems.at(
      task,
      "Exactly one of the attributes 'formId, formKey' of zeebe:formDefinition must be present and not blank",
    );
  }
  if (formId !== undefined)
    problems.unsupported(task, 'a linked form (formId) on a job worker user task', CAMUNDA_USER_TASK_HINT);
  return optional('formKey', formKey);
}

function checkBindingType(task: ModdleElement, definition: ModdleElement, problems: Problems): void {
  const bindingType = explicitTextOf(definition, 'bindingType');
  if (bindingType !== undefined && bindingType !== 'latest') {
    problems.unsupported(
      task,
      `form binding type '${bindingType}'`,
      'forms are always linked to their latest version',
    );
  }
}
