import { ModelValidationError, type FormModel } from './model';

/**
 * A deployed Camunda form (`.form`): a JSON object whose string `id` is the form id user tasks link
 * to with `zeebe:formDefinition formId`. Messages follow Zeebe's form deployment.
 *
 * @throws ModelValidationError when the JSON is malformed or has no usable id.
 */
export function parseForm(json: string, resourceName: string): FormModel {
  let form: unknown;
  try {
    form = JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ModelValidationError(resourceName, [{ message: `Malformed form JSON: ${message}` }]);
  }
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    throw new ModelValidationError(resourceName, [{ message: 'Expected the form to be a JSON object' }]);
  }
  const id: unknown = (form as Record<string, unknown>).id;
  if (id === undefined || id === null)
    throw new ModelValidationError(resourceName, [
      { message: 'Expected the form id to be present, but none given' },
    ]);
  if (typeof id !== 'string')
    throw new ModelValidationError(resourceName, [{ message: 'Expected the form id to be a string' }]);
  if (id.trim() === '')
    throw new ModelValidationError(resourceName, [
      { message: 'Expected the form id to be filled, but it is blank' },
    ]);
  return { formId: id, schema: json };
}
