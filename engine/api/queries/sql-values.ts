import { Rejection } from '../../runtime/rejection';
import { type SqlParams, type ValueType } from './filters';

/** Filter values as the columns hold them, and `$like` patterns as SQL `LIKE` patterns. */

const CASTS: Readonly<Record<ValueType, string>> = {
  text: 'text',
  enum: 'text',
  integer: 'integer',
  key: 'bigint',
  date: 'bigint',
  boolean: 'boolean',
  json: 'jsonb',
};

export function param(type: ValueType, value: unknown, params: SqlParams): string {
  return params.add(toSql(type, value), CASTS[type]);
}

export function arrayParam(type: ValueType, values: unknown, params: SqlParams): string {
  return params.add(
    (values as unknown[]).map((v) => toSql(type, v)),
    `${CASTS[type]}[]`,
  );
}

/** A filter value as the column holds it. */
export function toSql(type: ValueType, value: unknown): unknown {
  switch (type) {
    case 'enum':
      return String(value).toUpperCase();
    case 'key':
      return keyNumber(value);
    case 'date':
      return epochMs(value);
    default:
      return value;
  }
}

export function keyNumber(value: unknown): number {
  const key = Number(value);
  if (!Number.isSafeInteger(key)) {
    throw new Rejection('INVALID_ARGUMENT', `The key '${String(value)}' is not a valid key.`);
  }
  return key;
}

function epochMs(value: unknown): number {
  const ms = typeof value === 'number' ? value : Date.parse(String(value));
  if (!Number.isFinite(ms)) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      `The date '${String(value)}' cannot be parsed as a date according to RFC 3339.`,
    );
  }
  return ms;
}

/** `*` any characters, `?` one character, `\` escapes; SQL's own wildcards are taken literally. */
export function likePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += escapeLike(pattern[++i]);
    else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else out += escapeLike(c);
  }
  return out;
}

const escapeLike = (c: string) => (c === '%' || c === '_' || c === '\\' ? `\\${c}` : c);
