import { DateTime, Duration } from 'luxon';
import { fail, ok, type EvalResult } from './eval-result';
import type { JsonValue } from './expression';
import { withWarnings } from './feelin-runner';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  isYearMonth,
  temporalKind,
} from './temporal-format';

/** Zeebe's io.camunda.zeebe.el.ResultType, named in its failure messages. A FEEL time is UNKNOWN. */
export type ResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'ARRAY'
  | 'OBJECT'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE'
  | 'DATE_TIME'
  | 'UNKNOWN';

export function resultType(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (isContext(value)) return 'OBJECT';
  if (Duration.isDuration(value)) return isYearMonth(value) ? 'PERIOD' : 'DURATION';
  if (DateTime.isDateTime(value)) return dateTimeType(value);
  return 'UNKNOWN';
}

/**
 * A FEEL result as a variable value. Structures that need no conversion are returned as they are
 * (a context variable read by `=customer` is not copied); temporal values become ISO strings.
 */
export function toJson(value: unknown, text: string, warnings: readonly string[]): EvalResult<JsonValue> {
  const converted = convert(value, '');
  if (!('problem' in converted)) return ok(converted.json);
  const where = converted.path === '' ? '' : `'${converted.path}' `;
  const message = `Expected result of the expression '${text}' to be a value that can be stored as a variable, but ${where}was ${converted.problem}.`;
  return fail(withWarnings(message, warnings));
}

type Converted = { json: JsonValue } | { problem: string; path: string };

function convert(value: unknown, path: string): Converted {
  if (value === null || value === undefined) return { json: null };
  if (typeof value === 'string' || typeof value === 'boolean') return { json: value };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { json: value } : { problem: `the number ${value}`, path };
  }
  if (Array.isArray(value)) return convertList(value, path);
  if (isContext(value)) return convertContext(value, path);
  if (Duration.isDuration(value)) return { json: formatDuration(value) };
  if (DateTime.isDateTime(value)) return { json: formatTemporal(value) };
  return { problem: describeUnsupported(value), path };
}

function convertList(list: readonly unknown[], path: string): Converted {
  let copy: JsonValue[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = convert(list[i], `${path}[${i + 1}]`);
    if ('problem' in item) return item;
    if (copy === null && item.json !== list[i]) copy = list.slice(0, i) as JsonValue[];
    if (copy !== null) copy.push(item.json);
  }
  return { json: copy ?? (list as JsonValue[]) };
}

function convertContext(context: Record<string, unknown>, path: string): Converted {
  let copy: Record<string, JsonValue> | null = null;
  const keys = Object.keys(context);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const entry = convert(context[key], path === '' ? key : `${path}.${key}`);
    if ('problem' in entry) return entry;
    if (copy === null && entry.json !== context[key]) copy = pick(context, keys.slice(0, i));
    if (copy !== null) copy[key] = entry.json;
  }
  return { json: copy ?? (context as Record<string, JsonValue>) };
}

function pick(context: Record<string, unknown>, keys: readonly string[]): Record<string, JsonValue> {
  const copy: Record<string, JsonValue> = {};
  for (const key of keys) copy[key] = context[key] as JsonValue;
  return copy;
}

function formatTemporal(value: DateTime): string {
  const kind = temporalKind(value);
  if (kind === 'date') return formatDate(value);
  return kind === 'time' ? formatTime(value) : formatDateTime(value);
}

function dateTimeType(value: DateTime): ResultType {
  const kind = temporalKind(value);
  if (kind === 'date') return 'DATE';
  return kind === 'time' ? 'UNKNOWN' : 'DATE_TIME';
}

function isContext(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeUnsupported(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  if ('start included' in value) return 'a range';
  if ('invoke' in value && 'parameterNames' in value) return 'a function';
  return `an unsupported value (${value.constructor?.name ?? 'object'})`;
}
