import { Rejection } from '../../runtime/rejection';
import { and, or, type ScalarField, type SqlParams } from './filters';
import { toSql } from './sql-values';

export type SortOrder = 'ASC' | 'DESC';

export interface SortKey extends ScalarField {
  readonly order: SortOrder;
}

/** A cursor is the sort values of an item and its key, as base64 JSON (as Camunda's own cursors). */
export type CursorValues = ReadonlyArray<string | number | boolean | null>;

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64');
}

export function decodeCursor(cursor: string, length: number): CursorValues {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== length) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      `The cursor '${cursor}' is not one this search returned (it must come from a search with the same sort).`,
    );
  }
  return values as CursorValues;
}

/**
 * Rows strictly after the cursor in the order of `keys` (the entity key last). PostgreSQL sorts
 * NULL as the largest value in both directions (ASC NULLS LAST, DESC NULLS FIRST), so "after"
 * compares with NULL treated as +infinity.
 */
export function afterCursor(keys: readonly SortKey[], values: CursorValues, params: SqlParams): string {
  const terms: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equalBefore = keys.slice(0, i).map((k, j) => equal(k, values[j], params));
    terms.push(and([...equalBefore, beyond(keys[i], values[i], params)]));
  }
  return or(terms);
}

function equal(key: SortKey, value: unknown, params: SqlParams): string {
  if (value === null) return `${key.sql} IS NULL`;
  return `${key.sql} = ${bound(key, value, params)}`;
}

function beyond(key: SortKey, value: unknown, params: SqlParams): string {
  if (key.order === 'ASC') {
    return value === null ? 'FALSE' : `${key.sql} > ${bound(key, value, params)} OR ${key.sql} IS NULL`;
  }
  return value === null ? `${key.sql} IS NOT NULL` : `${key.sql} < ${bound(key, value, params)}`;
}

/** Cursor values are the raw column values (epoch ms for dates), so only keys need converting. */
function bound(key: SortKey, value: unknown, params: SqlParams): string {
  const cast = key.type === 'key' || key.type === 'date' ? 'bigint' : sqlType(key);
  return params.add(key.type === 'key' ? toSql('key', value) : value, cast);
}

function sqlType(key: SortKey): string {
  if (key.type === 'integer') return 'integer';
  if (key.type === 'boolean') return 'boolean';
  return 'text';
}

export const reversed = (keys: readonly SortKey[]): SortKey[] =>
  keys.map((k) => ({ ...k, order: k.order === 'ASC' ? 'DESC' : 'ASC' }));

export const orderBy = (keys: readonly SortKey[]): string =>
  keys.map((k) => `${k.sql} ${k.order}`).join(', ');
