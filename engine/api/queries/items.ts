/**
 * Helpers that turn rows into REST v2 items: keys are decimal strings, dates ISO-8601 UTC with
 * milliseconds, and absent optional fields are left out (never `null`).
 */

export const keyString = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** Epoch ms (or an ISO date with offset) → `2025-07-08T05:15:19.302Z`. */
export function isoDate(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value);
}

/** Drops undefined and null fields. */
export function compact<T extends Record<string, unknown>>(item: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined && value !== null) out[name] = value;
  }
  return out as T;
}

/** Element-instance lifecycle states as the API reports them. */
export const ELEMENT_STATE_SQL = (column: string) =>
  `CASE WHEN ${column} IN ('COMPLETED', 'TERMINATED') THEN ${column} ELSE 'ACTIVE' END`;

/** Epoch ms of an ISO date held as text in a jsonb document (user task due and follow-up dates). */
export const JSON_DATE_SQL = (document: string, name: string) =>
  `(extract(epoch FROM (${document}->>'${name}')::timestamptz) * 1000)::bigint`;
