import type { Language } from '../domain/vocabulary';
import { TemplateError } from './errors';
import { DEFAULT_TIME_ZONE, FILTERS, formatValue, type TemplateVariables } from './format';

/** A template's text: `{{name}}` or `{{name|filter}}` placeholders in subject and body. */
export interface TemplateText {
  readonly subject: string;
  readonly body: string;
}

export interface Placeholder {
  readonly name: string;
  readonly filter: string | undefined;
}

export interface RenderOptions {
  readonly language: Language;
  /** Dates are written in this zone; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Names the template in error messages, e.g. `result (en)`. */
  readonly templateName?: string;
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const INNER = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:\|\s*([A-Za-z]+)\s*)?$/;

/**
 * The placeholders of a text, in order of appearance (repeats included). Throws TEMPLATE_SYNTAX_INVALID
 * for a malformed `{{…}}` or a stray brace pair, TEMPLATE_FILTER_UNKNOWN for a filter no one knows.
 */
export function placeholdersOf(text: string, templateName = 'template'): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [token, inner] of text.matchAll(PLACEHOLDER)) {
    const match = INNER.exec(inner);
    if (!match)
      throw syntax(templateName, `"${token}" is not a placeholder: write {{name}} or {{name|filter}}`);
    const [, name, filter] = match;
    if (filter !== undefined && !Object.hasOwn(FILTERS, filter)) {
      throw new TemplateError(
        'TEMPLATE_FILTER_UNKNOWN',
        `${templateName}: "${token}" uses the unknown filter "${filter}"; known filters: ${Object.keys(FILTERS).join(', ')}`,
        { placeholder: name, filter },
      );
    }
    found.push({ name, filter });
  }
  const rest = text.replace(PLACEHOLDER, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) throw syntax(templateName, `"${stray[0]}" has no matching "${stray[0] === '{{' ? '}}' : '{{'}"`);
  return found;
}

/** The distinct placeholder names of a template, subject and body together, sorted. */
export function placeholderNames(template: TemplateText, templateName?: string): string[] {
  const all = [
    ...placeholdersOf(template.subject, templateName),
    ...placeholdersOf(template.body, templateName),
  ];
  return [...new Set(all.map((p) => p.name))].sort();
}

/**
 * Fills in a template. Every placeholder needs a value (null, undefined and blank text count as
 * missing): all the missing ones are named in one TEMPLATE_PLACEHOLDER_MISSING error, so a text with
 * `{{…}}` left in it is never sent.
 */
export function renderTemplate(
  template: TemplateText,
  variables: TemplateVariables,
  options: RenderOptions,
): TemplateText {
  const name = options.templateName ?? `template (${options.language})`;
  const missing = placeholderNames(template, name).filter(
    (key) => !Object.hasOwn(variables, key) || isMissing(variables[key]),
  );
  if (missing.length > 0) {
    throw new TemplateError(
      'TEMPLATE_PLACEHOLDER_MISSING',
      `${name} needs a value for ${missing.map((m) => `"${m}"`).join(', ')}; pass ${missing.length === 1 ? 'it' : 'them'} in the notification's variables`,
      { missing },
    );
  }
  const context = { language: options.language, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE };
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_token, inner: string) => {
      const [, key, filter] = INNER.exec(inner) as RegExpExecArray;
      return formatValue(variables[key] as string | number | Date, filter, context, key);
    });
  return { subject: fill(template.subject), body: fill(template.body) };
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function syntax(templateName: string, problem: string): TemplateError {
  return new TemplateError('TEMPLATE_SYNTAX_INVALID', `${templateName}: ${problem}`);
}
