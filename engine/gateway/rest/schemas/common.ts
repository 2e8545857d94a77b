import { type TSchema, Type } from 'typebox';

/**
 * Building blocks of the request schemas. Every object rejects unknown properties (as 8.8 GA does),
 * except free-form maps such as `variables`. Enums match case-insensitively, as 8.8's generated
 * `fromValue` does; handlers read them upper-cased.
 */

/** 8.8 `LongKey`: a decimal string. A JSON number is refused (8.8 GA disabled coercion). */
export const Key = Type.String({ pattern: '^-?[0-9]+$', minLength: 1, maxLength: 25 });

/** An RFC 3339 date-time. */
export const DateTime = Type.String({ format: 'date-time' });

/** A JSON object whose content is the caller's (variables, custom headers). */
export const Variables = Type.Record(Type.String(), Type.Unknown());

export const closed = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

/** A string matching one of `values` in any letter case (`asc`, `Asc`, `ASC`). */
export function caseInsensitiveEnum(values: readonly string[]) {
  const letters = (value: string) =>
    [...value]
      .map((c) =>
        c.toLowerCase() === c.toUpperCase()
          ? c.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&')
          : `[${c.toLowerCase()}${c.toUpperCase()}]`,
      )
      .join('');
  return Type.String({ pattern: `^(${values.map(letters).join('|')})$` });
}

/** The tenant of a command: the engine has only `<default>` (multi-tenancy disabled). */
export const TenantId = Type.String();
