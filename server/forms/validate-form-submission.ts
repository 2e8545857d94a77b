import type { FieldProblem } from '../../lib/errors';
import type { CamundaForm, FormComponent } from './camunda-form';
import { checkFieldValue, isFilledIn } from './field-checks';
import { describeCondition, evaluateCondition } from './form-conditions';

/** What a submission of a form comes to: every bad field, and the variables to complete the task with. */
export interface FormSubmission {
  readonly problems: readonly FieldProblem[];
  /** The submitted values of the fields one may fill in (read-only fields are shown, never written back). */
  readonly variables: Record<string, unknown>;
}

/** Values of one level of the form: the task's variables, or one item of a dynamic list. */
type Values = Readonly<Record<string, unknown>>;

/**
 * Checks the values submitted with a Camunda form as form-js would before it lets one submit:
 * required fields, types, lengths, bounds, patterns, options, date formats; fields hidden by their
 * `conditional.hide` must be left out; and no value may name anything the form does not have.
 * Problems name the field from `prefix`: `body.variables.reviewReason`, `….responsibleStaff.0.role`.
 */
export function validateFormSubmission(form: CamundaForm, submitted: Values, prefix = ''): FormSubmission {
  const problems: FieldProblem[] = [];
  const variables = checkLevel(form, form.components, submitted, prefix ? [prefix] : [], problems);
  return { problems, variables };
}

function checkLevel(
  form: CamundaForm,
  components: readonly FormComponent[],
  values: Values,
  at: readonly string[],
  problems: FieldProblem[],
): Record<string, unknown> {
  const fields = boundFieldsOf(components);
  const accepted: Record<string, unknown> = {};
  const report = (name: string, problem: string) =>
    problems.push({ field: [...at, name].join('.'), problem });
  for (const name of Object.keys(values)) {
    if (!fields.has(name)) report(name, `is not a field of the form ${form.id}`);
  }
  for (const [name, field] of fields) {
    const value = values[name];
    const condition = field.conditional?.hide;
    const hidden = condition === undefined ? false : evaluateCondition(condition, values);
    if (hidden && condition) {
      if (value !== undefined) report(name, `is hidden when ${describeCondition(condition)}: leave it out`);
      continue;
    }
    if (!isFilledIn(value)) {
      // a field whose condition cannot be told here is never demanded
      if (field.validate?.required && hidden === false) report(name, 'is required');
      else if (value !== undefined && !isReadOnly(field)) accepted[name] = value;
      continue;
    }
    const checked = checkValue(form, field, value, [...at, name], problems);
    if (checked.problem) report(name, checked.problem);
    else if (!isReadOnly(field)) accepted[name] = checked.value;
  }
  return accepted;
}

/** A nested value (group with a path, dynamic list) is checked level by level; a field by its type. */
function checkValue(
  form: CamundaForm,
  field: FormComponent,
  value: unknown,
  at: readonly string[],
  problems: FieldProblem[],
): { problem?: string; value?: unknown } {
  const children = field.components ?? [];
  if (field.type === 'dynamiclist') {
    if (!Array.isArray(value)) return { problem: 'must be a list' };
    if (!value.every(isObject)) return { problem: 'must be a list of objects' };
    return { value: value.map((item, i) => checkLevel(form, children, item, [...at, String(i)], problems)) };
  }
  if (field.type === 'group') {
    if (!isObject(value)) return { problem: 'must be an object' };
    return { value: checkLevel(form, children, value, at, problems) };
  }
  const problem = checkFieldValue(field, value);
  return problem ? { problem } : { value };
}

/**
 * The components bound to a variable at this level, by variable name: fields by `key`, nested groups
 * and dynamic lists by `path`; a group without a path lays its fields out at this same level.
 * Display-only components (text, spacer, image, …) bind nothing.
 */
function boundFieldsOf(components: readonly FormComponent[]): Map<string, FormComponent> {
  const fields = new Map<string, FormComponent>();
  for (const component of components) {
    if (component.key) fields.set(component.key, component);
    else if (component.path) fields.set(component.path, component);
    else if (component.components) {
      for (const [name, field] of boundFieldsOf(component.components)) fields.set(name, field);
    }
  }
  return fields;
}

function isReadOnly(field: FormComponent): boolean {
  return field.readonly === true || field.disabled === true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
