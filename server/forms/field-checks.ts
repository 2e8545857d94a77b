import type { FormComponent } from './camunda-form';

/**
 * What is wrong with one submitted value of a form field, by the field's type and `validate`
 * (form-js semantics), or null when it is fine. The value is present and not null here.
 */
export function checkFieldValue(field: FormComponent, value: unknown): string | null {
  switch (field.type) {
    case 'textfield':
    case 'textarea':
      return checkText(field, value);
    case 'number':
      return checkNumber(field, value);
    case 'checkbox':
      if (typeof value !== 'boolean') return 'must be true or false';
      return field.validate?.required && !value ? 'must be checked' : null;
    case 'select':
    case 'radio':
      return checkOption(field, value);
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return 'must be a list';
      return value.map((item) => checkOption(field, item)).find((problem) => problem !== null) ?? null;
    case 'datetime':
      return checkDateTime(field, value);
    default:
      return null; // a field type without rules of its own here (e.g. a file picker): any JSON value
  }
}

/** Whether a required field counts as filled in (form-js: an empty text or list does not). */
export function isFilledIn(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

function checkText(field: FormComponent, value: unknown): string | null {
  if (typeof value !== 'string') return 'must be text';
  const rules = field.validate ?? {};
  const length = [...value].length;
  if (rules.minLength !== undefined && length < rules.minLength) {
    return `must be at least ${rules.minLength} characters long`;
  }
  if (rules.maxLength !== undefined && length > rules.maxLength) {
    return `must be at most ${rules.maxLength} characters long`;
  }
  if (rules.pattern !== undefined && !new RegExp(rules.pattern, 'u').test(value)) {
    return `must match the pattern ${rules.pattern}`;
  }
  if (rules.validationType === 'email' && !EMAIL.test(value)) return 'must be an e-mail address';
  if (rules.validationType === 'phone' && !PHONE.test(value)) return 'must be a phone number';
  return null;
}

function checkNumber(field: FormComponent, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  const rules = field.validate ?? {};
  if (rules.min !== undefined && value < rules.min) return `must be at least ${rules.min}`;
  if (rules.max !== undefined && value > rules.max) return `must be at most ${rules.max}`;
  const digits = field.decimalDigits;
  if (digits !== undefined && decimalDigitsOf(value) > digits) {
    return digits === 0 ? 'must be a whole number' : `must have at most ${digits} decimal digits`;
  }
  return null;
}

function decimalDigitsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return /e/i.test(String(value)) ? Infinity : fraction.length;
}

function checkOption(field: FormComponent, value: unknown): string | null {
  if (!field.values) return typeof value === 'string' ? null : 'must be text'; // options from a variable
  const allowed = field.values.map((option) => option.value);
  return allowed.includes(value) ? null : `must be one of: ${allowed.join(', ')}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function checkDateTime(field: FormComponent, value: unknown): string | null {
  if (typeof value !== 'string') return 'must be text';
  switch (field.subtype ?? 'date') {
    case 'date':
      return DATE.test(value) && isRealDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'time':
      return TIME.test(value) ? null : 'must be a time (HH:mm)';
    default:
      return DATE_TIME.test(value) && isRealDate(value.slice(0, 10))
        ? null
        : 'must be a date and time (YYYY-MM-DDTHH:mm with an offset)';
  }
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
