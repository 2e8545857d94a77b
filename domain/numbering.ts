import { DateTime } from 'luxon';
import { DomainError, type Instant } from './domain-error';

/**
 * Complaint numbers: `YYMM` + a serial that restarts each month (001 经典版 第八条 uses YYMMCC, two
 * digits; DOMAIN §1 asks for at least four). The serial is zero-padded to four digits and grows wider
 * when it needs to: 26110007, 26119999, 261110000.
 */

/** Digits the serial is padded to. */
export const MIN_SERIAL_DIGITS = 4;

/** The parts of a complaint number. */
export interface ComplaintNumberParts {
  /** `YYMM`, e.g. `2611`. */
  readonly yymm: string;
  /** Four-digit year, e.g. 2026 (two-digit years are read as 20YY). */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1, 2, ... within the month. */
  readonly serial: number;
}

const YYMM = /^\d{2}(0[1-9]|1[0-2])$/;

/** `complaintNumber('2611', 7)` → `'26110007'`. */
export function complaintNumber(yymm: string, serial: number): string {
  if (!YYMM.test(yymm)) {
    throw new DomainError(
      'INVALID_YYMM',
      `"${yymm}" is not a year and month as YYMM (e.g. 2611 for November 2026)`,
    );
  }
  if (!Number.isSafeInteger(serial) || serial < 1) {
    throw new DomainError(
      'INVALID_SERIAL',
      `the serial of a complaint number must be a whole number ≥ 1, not ${serial}`,
    );
  }
  return yymm + String(serial).padStart(MIN_SERIAL_DIGITS, '0');
}

/** `yy` and `MM` in a time zone, by zone: every intake asks, and Intl formatters are costly to make. */
const yearMonthFormats = new Map<string, Intl.DateTimeFormat | null>();

function yearMonthFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = yearMonthFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: '2-digit',
        month: '2-digit',
        calendar: 'gregory',
        numberingSystem: 'latn',
      });
    } catch {
      format = null; // not a zone Intl knows (luxon's own forms, e.g. UTC+8): luxon reads it
    }
    yearMonthFormats.set(timeZone, format);
  }
  return format;
}

/** The `YYMM` of an instant as seen in a time zone (the month a complaint is numbered in). */
export function yymmOf(instant: Instant, timeZone = 'Asia/Shanghai'): string {
  const format = instant instanceof Date && !Number.isNaN(instant.getTime()) && yearMonthFormat(timeZone);
  if (format) {
    const parts = format.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return part('year') + part('month');
  }
  const at =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: timeZone })
      : DateTime.fromJSDate(instant);
  const local = at.setZone(timeZone);
  if (!local.isValid) {
    throw new DomainError(
      'INVALID_INSTANT',
      `cannot number a complaint at ${String(instant)} in ${timeZone}: ${local.invalidExplanation ?? local.invalidReason}`,
    );
  }
  return local.toFormat('yyMM');
}

/**
 * Reads a complaint number; `null` when it is not one: not `YYMM` + at least four digits, a month
 * outside 01–12, a zero serial, or a serial with more padding than the canonical form has.
 */
export function parseComplaintNumber(text: string): ComplaintNumberParts | null {
  const match = /^(\d{2})(\d{2})(\d{4,})$/.exec(text.trim());
  if (!match) return null;
  const [, yy, mm, digits] = match;
  const month = Number(mm);
  const serial = Number(digits);
  if (month < 1 || month > 12 || serial < 1 || !Number.isSafeInteger(serial)) return null;
  if (digits.length > MIN_SERIAL_DIGITS && digits.startsWith('0')) return null;
  return { yymm: yy + mm, year: 2000 + Number(yy), month, serial };
}
