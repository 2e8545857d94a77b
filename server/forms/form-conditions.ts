/**
 * The FEEL of form-js `conditional.hide`, in the simple shape the forms use: a comparison of one
 * variable with a literal, `=reviewOutcome != "valid"`, `=responsibility = "customer"`,
 * `=finalRemedy = null` (numbers and booleans too). Anything else cannot be told here: undefined.
 */
const COMPARISON = /^=\s*([A-Za-z_][\w]*)\s*(!=|=)\s*("(?:[^"\\]|\\.)*"|null|true|false|-?\d+(?:\.\d+)?)\s*$/;

/** Whether the expression holds for these values; undefined when it is not a simple comparison. */
export function evaluateCondition(
  expression: string,
  values: Readonly<Record<string, unknown>>,
): boolean | undefined {
  const match = COMPARISON.exec(expression.trim());
  if (!match) return undefined;
  const [, name, operator, literal] = match;
  const expected: unknown = JSON.parse(literal);
  const actual = values[name] ?? null; // FEEL: an unset variable is null
  const equal = actual === expected;
  return operator === '=' ? equal : !equal;
}

/** The condition text as people read it in a problem: `reviewOutcome != "valid"`. */
export function describeCondition(expression: string): string {
  return expression.trim().replace(/^=\s*/, '');
}
