import { DateTime } from 'luxon';
import { type TSchema, Type } from 'typebox';
import { JobDataError } from '../runtime/job-outcome';

/**
 * What every worker reads: the complaint's id (the record) and number (so the adapter logs it).
 * Spread into a worker's variables schema.
 */
export const complaintRef = {
  complaintId: Type.String({ format: 'uuid' }),
  complaintNumber: Type.String({ minLength: 1 }),
};

/** A process variable that may be absent or null (Zeebe variables are often null, forms omit hidden fields). */
export const optional = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

/** One of a list of codes (a `domain/vocabulary.ts` list). */
export const oneOf = <const T extends string[]>(values: readonly [...T]) => Type.Enum<T>(values);

/**
 * An instant from a process variable: ISO 8601 with or without seconds (`2026-11-20T10:00+08:00`
 * from a form's datetime field); without an offset it is read in `zone`. Anything else → incident.
 */
export function instantOf(value: string, name: string, zone = 'Asia/Shanghai'): Date {
  const at = DateTime.fromISO(value, { zone });
  if (!at.isValid) {
    throw new JobDataError(
      `${name} "${value}" is not an ISO 8601 date-time (e.g. 2026-11-20T10:00:00+08:00)`,
    );
  }
  return at.toJSDate();
}
