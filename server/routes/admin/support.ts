import { type TSchema, Type } from 'typebox';
import { DomainError } from '../../../domain/domain-error';
import { ConflictError, UnprocessableError } from '../../../lib/errors';
import type { Role } from '../../auth/principal';

export { Nullable } from '../../schemas/kinds';

/**
 * What the administration routes share: who may read and who may change, closed body schemas, and
 * how a rule of the domain refusing an edit is answered.
 */

/** May read the administration data (administrators pass every role check). */
export const READERS: Role[] = ['administrator', 'process_owner', 'manager'];
/** May change what only administrators change: API keys, departments, staff, the knowledge base. */
export const ADMINISTRATORS: Role[] = ['administrator'];
/** May change the rules of the process they own: routing, calendars, thresholds, penalties, templates. */
export const PROCESS_EDITORS: Role[] = ['administrator', 'process_owner'];

export const TAGS = ['admin'];

/** An object schema that refuses unknown properties (every request body here). */
export const closed = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

/** A UUID path parameter (a malformed one is a 400, not a database error). */
export const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});

/** A text that must say something. */
export const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength });

/** A local date `YYYY-MM-DD`. */
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/**
 * Runs a check of the domain on an administrator's edit: a `DomainError` becomes a 422 that keeps
 * the domain's code and message (they say what to fix).
 */
export function checkWithDomain(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) throw new UnprocessableError(error.message, error.code);
    throw error;
  }
}

/** PostgreSQL's unique violation, turned into a 409 saying what already exists. */
export async function refuseDuplicate<T>(work: () => Promise<T>, message: string, code: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new ConflictError(message, code);
    throw error;
  }
}
