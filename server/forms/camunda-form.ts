import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The validation a Camunda form field declares (form-js `validate`). */
export interface FormValidation {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly validationType?: 'email' | 'phone' | 'custom';
}

/** One component of a Camunda form (form-js schema); only what validation and display read. */
export interface FormComponent {
  readonly type: string;
  readonly id?: string;
  /** Fields: the variable the value is bound to. */
  readonly key?: string;
  /** Groups and dynamic lists: the variable holding the nested object(s); absent on a plain group. */
  readonly path?: string;
  readonly label?: string;
  readonly validate?: FormValidation;
  /** Selects, radios, checklists and tag lists: the allowed options (static). */
  readonly values?: readonly { readonly label?: string; readonly value: unknown }[];
  /** Options read from a variable or an expression: any value is let through. */
  readonly valuesKey?: string;
  readonly valuesExpression?: string;
  readonly readonly?: boolean | string;
  readonly disabled?: boolean;
  readonly conditional?: { readonly hide?: string };
  /** Number fields: digits allowed after the decimal point. */
  readonly decimalDigits?: number;
  /** Date-time fields: `date`, `time` or `datetime`. */
  readonly subtype?: string;
  readonly components?: readonly FormComponent[];
}

/** A Camunda form as deployed (`processes/forms/*.form`). */
export interface CamundaForm {
  readonly id: string;
  readonly components: readonly FormComponent[];
  readonly [property: string]: unknown;
}

/** The forms of a directory (`processes/forms`), by form id. */
export async function loadForms(formsDir: string): Promise<ReadonlyMap<string, CamundaForm>> {
  const files = (await readdir(formsDir)).filter((file) => file.endsWith('.form')).sort();
  const forms = new Map<string, CamundaForm>();
  for (const file of files) {
    const form = JSON.parse(await readFile(path.join(formsDir, file), 'utf8')) as CamundaForm;
    if (typeof form.id !== 'string' || !Array.isArray(form.components)) {
      throw new Error(`${file} is not a Camunda form: it needs an "id" and "components"`);
    }
    forms.set(form.id, form);
  }
  return forms;
}
