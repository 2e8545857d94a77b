/**
 * Evaluation of the expressions in a diagram, with the result checks and failure messages of
 * Zeebe 8.8 (io.camunda.zeebe.engine.processing.common.ExpressionProcessor). A missing variable is
 * null (with a warning appended to any failure), a syntax error is a failure; nothing throws.
 */
import { DateTime } from 'luxon';
import { fail, ok, type EvalResult, type VariableContext } from './eval-result';
import { isFeel, type Expression, type JsonValue } from './expression';
import { resultType, toJson, type ResultType } from './feel-value';
import { runFeel, withWarnings } from './feelin-runner';
import { parseZonedDateTime } from './iso-time';
import { formatOffsetDateTime } from './temporal-format';

export type { EvalResult, VariableContext } from './eval-result';

/** A result with the facts a failure message needs. */
export interface TypedResult {
  readonly value: unknown;
  readonly type: ResultType;
  readonly text: string;
  readonly warnings: readonly string[];
}

/** Any value, as a variable (JSON); a static value is the string itself. */
export function evaluateValue(e: Expression, ctx: VariableContext): EvalResult<JsonValue> {
  if (!isFeel(e)) return ok(e.static);
  const run = runFeel(e.feel, ctx);
  return run.ok ? toJson(run.value, e.feel, run.warnings) : fail(run.message);
}

/** Sequence-flow and completion conditions: null is not false but a failure, as in Zeebe. */
export function evaluateBoolean(e: Expression, ctx: VariableContext): EvalResult<boolean> {
  return expect(e, ctx, 'BOOLEAN', (value) => value as boolean);
}

/** Job type, message name, signal name, error code, called process id, assignee. */
export function evaluateString(e: Expression, ctx: VariableContext): EvalResult<string> {
  if (!isFeel(e)) return ok(e.static);
  return expect(e, ctx, 'STRING', (value) => value as string);
}

/** A message correlation key: a string, or a number turned into its integer text. */
export function evaluateCorrelationKey(e: Expression, ctx: VariableContext): EvalResult<string> {
  if (!isFeel(e)) return ok(e.static);
  return then(evaluateTyped(e, ctx), (r) => {
    if (r.type === 'STRING') return ok(r.value as string);
    if (r.type === 'NUMBER') return ok(BigInt(Math.trunc(r.value as number)).toString());
    const message = `Failed to extract the correlation key for '${r.text}': The value must be either a string or a number, but was '${r.type}'.`;
    return fail(withWarnings(message, r.warnings));
  });
}

/** Job retries, job priority: a whole number (static `3` is 3). */
export function evaluateInteger(e: Expression, ctx: VariableContext): EvalResult<number> {
  return then(evaluateTyped(e, ctx), (r) => {
    if (r.type !== 'NUMBER') return mismatch(r, 'NUMBER');
    if (Number.isInteger(r.value)) return ok(r.value as number);
    const message = `Expected result of the expression '${r.text}' to be an integer, but was a decimal.`;
    return fail(withWarnings(message, r.warnings));
  });
}

/** A multi-instance input collection, its items as variables. */
export function evaluateList(e: Expression, ctx: VariableContext): EvalResult<JsonValue[]> {
  return then(evaluateTyped(e, ctx), (r) => {
    if (r.type !== 'ARRAY') return mismatch(r, 'ARRAY');
    return toJson(r.value, r.text, r.warnings) as EvalResult<JsonValue[]>;
  });
}

/** Candidate groups/users: a FEEL list of strings or a single string; static `a, b` is a CSV list. */
export function evaluateStringList(e: Expression, ctx: VariableContext): EvalResult<string[]> {
  if (!isFeel(e)) return ok(csv(e.static));
  return then(evaluateTyped(e, ctx), (r) => {
    if (r.type === 'STRING') return ok([r.value as string]);
    if (r.type !== 'ARRAY') return mismatch(r, 'ARRAY');
    const items = r.value as unknown[];
    if (items.every((item) => typeof item === 'string')) return ok(items as string[]);
    const message = `Expected result of the expression '${r.text}' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`;
    return fail(withWarnings(message, r.warnings));
  });
}

/** A user task's due or follow-up date: null when empty, else ISO 8601 with its offset. */
export function evaluateDateTime(e: Expression, ctx: VariableContext): EvalResult<string | null> {
  return then(evaluateTyped(e, ctx), (r) => {
    if (r.type === 'NULL' || r.value === '') return ok(null);
    if (DateTime.isDateTime(r.value) && r.type !== 'UNKNOWN') return ok(formatOffsetDateTime(r.value));
    if (r.type !== 'STRING') return oneOf(r, ['NULL', 'DATE_TIME', 'STRING']);
    const parsed = parseZonedDateTime(r.value as string);
    if (parsed !== null) return ok(formatOffsetDateTime(parsed));
    return fail(
      withWarnings(`Invalid date-time format '${String(r.value)}' for expression '${r.text}'.`, r.warnings),
    );
  });
}

/**
 * The raw result and its type. A static value is typed as Zeebe's StaticExpression types it:
 * `null`, `true`/`false`, a number, else a string.
 */
export function evaluateTyped(e: Expression, ctx: VariableContext): EvalResult<TypedResult> {
  if (!isFeel(e)) {
    const value = staticValue(e.static);
    return ok({ value, type: resultType(value), text: e.static, warnings: [] });
  }
  const run = runFeel(e.feel, ctx);
  if (!run.ok) return fail(run.message);
  return ok({ value: run.value, type: resultType(run.value), text: e.feel, warnings: run.warnings });
}

/** "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'." plus warnings. */
export function mismatch<T>(r: TypedResult, expected: ResultType): EvalResult<T> {
  const message = `Expected result of the expression '${r.text}' to be '${expected}', but was '${r.type}'.`;
  return fail(withWarnings(message, r.warnings));
}

export function oneOf<T>(r: TypedResult, expected: readonly ResultType[]): EvalResult<T> {
  const message = `Expected result of the expression '${r.text}' to be one of '[${expected.join(', ')}]', but was '${r.type}'.`;
  return fail(withWarnings(message, r.warnings));
}

export function then<A, B>(result: EvalResult<A>, next: (value: A) => EvalResult<B>): EvalResult<B> {
  return result.ok ? next(result.value) : result;
}

function expect<T>(
  e: Expression,
  ctx: VariableContext,
  type: ResultType,
  cast: (value: unknown) => T,
): EvalResult<T> {
  return then(evaluateTyped(e, ctx), (r) => (r.type === type ? ok(cast(r.value)) : mismatch(r, type)));
}

const STATIC_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function staticValue(text: string): JsonValue {
  if (text === 'null') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return STATIC_NUMBER.test(text) ? Number(text) : text;
}

function csv(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
