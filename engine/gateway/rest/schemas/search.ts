import { type TSchema, Type } from 'typebox';
import { caseInsensitiveEnum, closed, DateTime, Key } from './common';

/**
 * The 8.8 search request model (`filter`, `sort`, `page`) and its filter properties: a bare value
 * means `$eq`; an object holds operators. Names and operators per type follow the 8.8 OpenAPI
 * schema (`AdvancedStringFilter`, `AdvancedIntegerFilter`, …).
 */

function operators(value: TSchema, names: readonly string[]) {
  const properties: Record<string, TSchema> = {};
  for (const name of names) {
    if (name === '$exists') properties[name] = Type.Optional(Type.Boolean());
    else if (name === '$like') properties[name] = Type.Optional(Type.String());
    else if (name === '$in' || name === '$notIn') properties[name] = Type.Optional(Type.Array(value));
    else properties[name] = Type.Optional(value);
  }
  return Type.Object(properties, { additionalProperties: false });
}

const filterProperty = (value: TSchema, names: readonly string[]) =>
  Type.Union([value, operators(value, names)]);

export const StringFilter = filterProperty(Type.String(), [
  '$eq',
  '$neq',
  '$exists',
  '$in',
  '$notIn',
  '$like',
]);

export const IntegerFilter = filterProperty(Type.Integer(), [
  '$eq',
  '$neq',
  '$exists',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
]);

export const DateTimeFilter = filterProperty(DateTime, [
  '$eq',
  '$neq',
  '$exists',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
]);

export const KeyFilter = filterProperty(Key, ['$eq', '$neq', '$exists', '$in', '$notIn']);

export const enumFilter = (values: readonly string[]) =>
  filterProperty(caseInsensitiveEnum(values), ['$eq', '$neq', '$exists', '$in', '$like']);

/** `[{name, value}]`: a variable of that name whose JSON text matches `value`. */
export const VariableValueFilters = Type.Array(closed({ name: Type.String(), value: StringFilter }));

export const SortOrder = caseInsensitiveEnum(['ASC', 'DESC']);

/**
 * Offset (`from`), forward cursor (`after`) or backward cursor (`before`), each with `limit`.
 * 8.6/8.7's `searchAfter` is an unknown property. The SDK's types make `from` mandatory, so
 * `from: 0` is tolerated next to a cursor (see `searchRequest`).
 */
export const Page = closed({
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1 })),
  after: Type.Optional(Type.String()),
  before: Type.Optional(Type.String()),
});

/** A search request body with this filter and these sort fields. */
export function searchQuery<F extends TSchema>(filter: F, sortFields: readonly string[]) {
  return closed({
    filter: Type.Optional(filter),
    sort: Type.Optional(
      Type.Array(
        closed({ field: Type.Optional(Type.Enum([...sortFields])), order: Type.Optional(SortOrder) }),
      ),
    ),
    page: Type.Optional(Page),
  });
}

/** `?truncateValues=false` returns full variable values (unknown query parameters are ignored, as Spring does). */
export const TruncateValuesQuery = Type.Object({
  truncateValues: Type.Optional(Type.Enum(['true', 'false'])),
});
