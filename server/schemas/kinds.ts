import { type Static, type TSchema, type TUnsafe, Type } from 'typebox';

// Kinds of value the request and answer schemas share.

/** An instant, as ISO 8601 text (`Date#toISOString`). */
export const DateTime = Type.String({ format: 'date-time' });

/**
 * `schema` or null, written as one `type: [..., 'null']` (or an `enum` with null): as a union, ajv's
 * type coercion would turn a null into 0 or "" in the first branch, and an answer's serializer would
 * try each branch in turn.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type, enum: values } = schema as { type?: unknown; enum?: unknown[] };
  const types = type === undefined ? {} : { type: [type, 'null'] };
  if (values) return Type.Unsafe<Static<T> | null>({ ...schema, ...types, enum: [...values, null] });
  return Type.Unsafe<Static<T> | null>({ ...schema, ...types });
}

/** One of `values`, written as one `enum` (not a union of constants): for answers. */
export function OneOf<const T extends readonly (string | number)[]>(
  values: T,
  description?: string,
): TUnsafe<T[number]> {
  const type = values.every((value) => typeof value === 'number') ? 'integer' : 'string';
  return Type.Unsafe<T[number]>({ type, enum: [...values], ...(description ? { description } : {}) });
}
