import type { JsonValue } from './expression';

/** The outcome of an evaluation: never thrown, a failure becomes an incident in the runtime. */
export type EvalResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The variables visible to an expression, read-only: evaluation never copies or changes them. */
export type VariableContext = Readonly<Record<string, JsonValue>>;

export function ok<T>(value: T): EvalResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string): EvalResult<T> {
  return { ok: false, message };
}
