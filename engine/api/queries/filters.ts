import { Rejection } from '../../runtime/rejection';
import { arrayParam, likePattern, param } from './sql-values';

/** Positional parameters of one SQL statement; `add` returns the cast placeholder (`$3::bigint`). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * How a filter or sort value is read: `key` and `date` are bigint columns (keys, epoch ms) that the
 * API writes as strings; `enum` is text matched case-insensitively; `json` is a jsonb variable value
 * the API compares as its JSON text.
 */
export type ValueType = 'text' | 'enum' | 'integer' | 'key' | 'date' | 'boolean' | 'json';

/** A column (or expression) of the searched rows. */
export interface ScalarField {
  readonly sql: string;
  readonly type: ValueType;
}

/** A jsonb array of strings (candidate groups): matches when an element matches. */
export interface ListField {
  readonly list: string;
}

/** Anything else: the condition is written by hand (it may read sibling fields of the filter). */
export interface CustomField {
  condition(value: unknown, params: SqlParams, filter: Readonly<Record<string, unknown>>): string;
}

export type FilterField = ScalarField | ListField | CustomField;

type Operators = Readonly<Record<string, unknown>>;

const isOperators = (value: unknown): value is Operators =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const and = (parts: readonly string[]): string =>
  parts.length === 0 ? 'TRUE' : parts.map((p) => `(${p})`).join(' AND ');

export const or = (parts: readonly string[]): string =>
  parts.length === 0 ? 'FALSE' : parts.map((p) => `(${p})`).join(' OR ');

/** The WHERE condition of one filter object (fields AND-combined; `$or` groups OR-combined). */
export function filterCondition(
  fields: Readonly<Record<string, FilterField>>,
  filter: Readonly<Record<string, unknown>> | undefined,
  params: SqlParams,
): string {
  if (!filter) return 'TRUE';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (name === '$or') {
      const groups = value as ReadonlyArray<Record<string, unknown>>;
      if (groups.length > 0) parts.push(or(groups.map((g) => filterCondition(fields, g, params))));
      continue;
    }
    const field = fields[name];
    if (!field) {
      throw new Rejection(
        'UNIMPLEMENTED',
        `The embedded engine does not support the filter field '${name}'.`,
      );
    }
    parts.push(fieldCondition(field, value, params, filter));
  }
  return and(parts);
}

function fieldCondition(
  field: FilterField,
  value: unknown,
  params: SqlParams,
  filter: Readonly<Record<string, unknown>>,
): string {
  if ('condition' in field) return field.condition(value, params, filter);
  if ('list' in field) return listCondition(field.list, value, params);
  return scalarCondition(field.sql, field.type, value, params);
}

/** A bare value means `$eq`; an operator object ANDs its operators. */
export function scalarCondition(expr: string, type: ValueType, value: unknown, params: SqlParams): string {
  const ops = isOperators(value) ? value : { $eq: value };
  return and(Object.entries(ops).map(([op, operand]) => operator(expr, type, op, operand, params)));
}

const COMPARISONS: Readonly<Record<string, string>> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function operator(expr: string, type: ValueType, op: string, operand: unknown, params: SqlParams): string {
  if (type === 'json') return jsonOperator(expr, op, operand, params);
  switch (op) {
    case '$eq':
      return `${expr} = ${param(type, operand, params)}`;
    case '$neq':
      return `${expr} IS DISTINCT FROM ${param(type, operand, params)}`;
    case '$exists':
      return operand ? `${expr} IS NOT NULL` : `${expr} IS NULL`;
    case '$in':
      return `${expr} = ANY(${arrayParam(type, operand, params)})`;
    case '$notIn':
      return `NOT COALESCE(${expr} = ANY(${arrayParam(type, operand, params)}), FALSE)`;
    case '$like':
      return `${expr}::text LIKE ${params.add(likePattern(String(operand)), 'text')} ESCAPE '\\'`;
    default: {
      const comparison = COMPARISONS[op];
      if (!comparison)
        throw new Rejection('INVALID_ARGUMENT', `The filter operator '${op}' is not supported.`);
      return `${expr} ${comparison} ${param(type, operand, params)}`;
    }
  }
}

/** Variable values: compared as JSON (so `{"a":1}` matches however it is spaced), `$like` on the text. */
function jsonOperator(expr: string, op: string, operand: unknown, params: SqlParams): string {
  const equals = (text: unknown) => {
    const json = canonicalJson(String(text));
    return json === undefined
      ? `${expr}::text = ${params.add(String(text), 'text')}`
      : `${expr} = ${params.add(json, 'jsonb')}`;
  };
  switch (op) {
    case '$eq':
      return equals(operand);
    case '$neq':
      return `NOT COALESCE(${equals(operand)}, FALSE)`;
    case '$in':
      return or((operand as unknown[]).map(equals));
    case '$notIn':
      return `NOT COALESCE(${or((operand as unknown[]).map(equals))}, FALSE)`;
    default:
      return operator(`${expr}::text`, 'text', op, operand, params);
  }
}

function canonicalJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Lists match when some element matches; `$neq`/`$notIn` when no element does. Equality uses the
 * jsonb containment operators, which a GIN index serves.
 */
function listCondition(list: string, value: unknown, params: SqlParams): string {
  const ops = isOperators(value) ? value : { $eq: value };
  const contains = (op: string, operand: unknown) =>
    op === '$eq'
      ? `${list} @> jsonb_build_array(${params.add(String(operand), 'text')})`
      : `${list} ?| ${params.add((operand as unknown[]).map(String), 'text[]')}`;
  return and(
    Object.entries(ops).map(([op, operand]) => {
      if (op === '$exists') return `jsonb_array_length(${list}) ${operand ? '>' : '='} 0`;
      if (op === '$eq' || op === '$in') return contains(op, operand);
      if (op === '$neq') return `NOT ${contains('$eq', operand)}`;
      if (op === '$notIn') return `NOT ${contains('$in', operand)}`;
      return `EXISTS (SELECT 1 FROM jsonb_array_elements_text(${list}) AS element(v) WHERE ${operator('element.v', 'text', op, operand, params)})`;
    }),
  );
}
