import { isDateTime } from './expression-checks';

/**
 * Checks of static timer values, as Zeebe evaluates them at deployment (FEEL values are only known
 * at runtime). Each returns an error message or null.
 */

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const DURATION = new RegExp(
  `^-?P(?=\\d|T\\d)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?=\\d)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);

export function isDuration(value: string): boolean {
  return DURATION.test(value.trim());
}

export function durationError(value: string): string | null {
  return isDuration(value)
    ? null
    : `Invalid timer duration '${value}' (expected an ISO 8601 duration, e.g. 'PT15M' or 'P2D')`;
}

export function dateError(value: string): string | null {
  return isDateTime(value)
    ? null
    : `Invalid timer date '${value}' (expected an ISO 8601 date-time with offset, e.g. '2025-10-01T12:00:00Z')`;
}

const CRON_MACROS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;

/** `R[n]/[start/]duration` (ISO 8601 repeating interval) or a Spring cron expression (6 fields). */
export function cycleError(value: string): string | null {
  const text = value.trim();
  const valid = text.startsWith('R') ? isRepeatingInterval(text) : isCron(text);
  return valid
    ? null
    : `Invalid timer cycle '${value}' (expected a repeating interval such as 'R3/PT10M' or a cron expression such as '0 0 9 * * MON-FRI')`;
}

function isRepeatingInterval(text: string): boolean {
  const parts = text.split('/');
  if (!/^R\d*$/.test(parts[0] ?? '')) return false;
  if (parts.length === 2) return isDuration(parts[1] ?? '');
  if (parts.length === 3) return isDateTime(parts[1] ?? '') && isDuration(parts[2] ?? '');
  return false;
}

function isCron(text: string): boolean {
  if (CRON_MACROS.has(text)) return true;
  const fields = text.split(/\s+/);
  return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field));
}
