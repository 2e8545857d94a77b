import { evaluate } from '@bpmn-io/feelin';
import { expressionOf, feelSyntaxError, type Expression } from '../feel/expression';
import { type ModdleElement } from './moddle-element';
import { type Problems } from './problems';

export interface ExpressionRule {
  /** Absent or blank is a problem (Zeebe: "Expected expression but not found"). */
  readonly mandatory?: boolean;
  /** A static value is a problem: the attribute must be FEEL (`=…`). */
  readonly nonStatic?: boolean;
}

/**
 * Turns an attribute into an Expression, reporting a missing value, a static value where FEEL is
 * required, and FEEL that does not parse. Returns undefined when absent or invalid.
 */
export function checkExpression(
  problems: Problems,
  element: ModdleElement,
  what: string,
  raw: string | undefined,
  rule: ExpressionRule = {},
): Expression | undefined {
  if (raw === undefined || raw.trim() === '') {
    if (rule.mandatory) problems.at(element, `${what}: expected an expression but found none`);
    return undefined;
  }
  const expression = expressionOf(raw);
  if ('feel' in expression) {
    const error = syntaxErrorOf(expression.feel);
    if (error !== null) {
      problems.at(element, `${what} '${raw.trim()}' is not a valid FEEL expression: ${error}`);
      return undefined;
    }
  } else if (rule.nonStatic) {
    problems.at(
      element,
      `${what}: expected an expression but found static value '${raw}'; an expression must start with '=' (e.g. '=${raw}')`,
    );
    return undefined;
  }
  return expression;
}

/** FEEL syntax errors by expression: redeployed diagrams repeat their expressions (bounded). */
const syntaxErrors = new Map<string, string | null>();
const MAX_REMEMBERED = 10_000;

function syntaxErrorOf(feel: string): string | null {
  let error = syntaxErrors.get(feel);
  if (error === undefined) {
    error = feelSyntaxError(feel);
    if (syntaxErrors.size >= MAX_REMEMBERED) syntaxErrors.clear();
    syntaxErrors.set(feel, error);
  }
  return error;
}

const PATH = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const RESERVED_WORDS = new Set([
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'between',
  'instance',
  'of',
]);

/** Mapping targets and the like: a variable name or a dotted path, as Zeebe's path check. */
export function checkVariablePath(
  problems: Problems,
  element: ModdleElement,
  what: string,
  raw: string | undefined,
): string | undefined {
  if (raw === undefined || raw === '') {
    problems.at(element, `${what}: expected a variable name or path but found none`);
    return undefined;
  }
  if (!PATH.test(raw)) {
    problems.at(
      element,
      `${what} '${raw}' is not a valid variable name or path (e.g. 'total' or 'order.total')`,
    );
    return undefined;
  }
  if (RESERVED_WORDS.has(raw)) {
    problems.at(element, `${what} '${raw}' is a reserved word (${[...RESERVED_WORDS].join(', ')})`);
    return undefined;
  }
  return raw;
}

/**
 * Process-level message and signal start events have no variables to evaluate against: their name
 * must be a static value or FEEL that yields a string without any variable.
 */
export function checkConstantName(
  problems: Problems,
  element: ModdleElement,
  what: string,
  name: Expression,
): void {
  if (!('feel' in name)) return;
  if (typeof constantValueOf(name.feel) !== 'string') {
    problems.at(
      element,
      `${what} '=${name.feel}' must be a constant expression of type string (it is evaluated without variables)`,
    );
  }
}

/** The value of FEEL evaluated without any variable (null when it needs one), undefined when it fails. */
export function constantValueOf(feel: string): unknown {
  try {
    return evaluate(feel, {}).value;
  } catch {
    return undefined;
  }
}

/** A static list of comma-separated values, e.g. `a,b,c` (no blank entries). */
export function parseCsvList(value: string): string[] | undefined {
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.some((entry) => entry === '') ? undefined : entries;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})(\[[A-Za-z0-9_/+-]+\])?$/;

/** An ISO 8601 date-time with offset or zone, e.g. `2023-03-02T15:35+02:00` or `2019-10-01T12:00:00Z`. */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value.trim());
  return match !== null && !Number.isNaN(Date.parse(`${match[1]}${match[2]}`));
}
