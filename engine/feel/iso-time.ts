import { DateTime, type Zone } from 'luxon';

/**
 * ISO 8601 texts as Zeebe's timers read them (zeebe/bpmn-model …/util/time/Interval.java):
 * a duration is split into a calendar part (java.time.Period: years, months, weeks, days) and an
 * exact part (java.time.Duration: hours, minutes, seconds). The calendar part is added on the
 * wall clock of a zone, the exact part on the timeline.
 */
export interface IsoDuration {
  readonly months: number;
  readonly days: number;
  readonly millis: number;
}

/** An interval: a duration, optionally anchored at a start (`2026-01-01T00:00:00Z/PT1H`). */
export interface IsoInterval {
  readonly start: DateTime | null;
  readonly duration: IsoDuration;
}

/**
 * Zeebe adds calendar periods in the broker's default zone, which is UTC in its images and in
 * the documentation's examples; this engine uses UTC so that timers do not depend on the host.
 */
export const TIMER_ZONE = 'UTC';

const DURATION =
  /^([-+]?)P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i;

/** `PT10S`, `P1D`, `P1Y2M3DT4H`, `P2W`, `-PT5M`, `PT1.5S`; null when the text is not one. */
export function parseIsoDuration(text: string): IsoDuration | null {
  const m = DURATION.exec(text);
  if (m === null) return null;
  const [, sign, y, mo, w, d, t, h, mi, s, frac] = m;
  const hasDate = [y, mo, w, d].some((part) => part !== undefined);
  const hasTime = [h, mi, s].some((part) => part !== undefined);
  if ((t !== undefined && !hasTime) || (!hasDate && !hasTime)) return null;
  const factor = sign === '-' ? -1 : 1;
  return {
    months: factor * (int(y) * 12 + int(mo)),
    days: factor * (int(w) * 7 + int(d)),
    millis: factor * (int(h) * 3_600_000 + int(mi) * 60_000 + secondsMillis(s, frac)),
  };
}

/** `PT1H` or `<zoned date-time>/PT1H` (Zeebe's Interval.parse); null when the text is neither. */
export function parseIsoInterval(text: string): IsoInterval | null {
  const slash = text.lastIndexOf('/');
  const start = slash > 0 ? parseZonedDateTime(text.slice(0, slash)) : null;
  if (slash > 0 && start === null) return null;
  const duration = parseIsoDuration(text.slice(slash + 1));
  return duration === null ? null : { start, duration };
}

const ZONED =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/i;

/**
 * A date-time with an offset (`…+08:00`, `…Z`), optionally with a zone id (`…+08:00[Asia/Shanghai]`),
 * as java.time.ZonedDateTime#parse reads it; also with only a zone id (`…T09:00:00[Asia/Shanghai]`),
 * which Zeebe rejects but whose meaning is unambiguous. Without any zone it is not a point in time.
 */
export function parseZonedDateTime(text: string): DateTime | null {
  const m = ZONED.exec(text);
  if (m === null) return null;
  const [, localText, offset, zoneId] = m;
  const local = localText.replace(',', '.');
  if (offset === undefined && zoneId === undefined) return null;
  const parsed =
    offset === undefined
      ? DateTime.fromISO(local, { zone: zoneId })
      : DateTime.fromISO(`${local}${offset}`, { setZone: true });
  const zoned = offset !== undefined && zoneId !== undefined ? parsed.setZone(zoneId) : parsed;
  return zoned.isValid ? zoned : null;
}

/** The instant `duration` after `from`: the calendar part on the wall clock of `zone`. */
export function addDuration(from: number, duration: IsoDuration, zone: Zone | string = TIMER_ZONE): number {
  if (duration.months === 0 && duration.days === 0) return from + duration.millis;
  const shifted = DateTime.fromMillis(from, { zone }).plus({ months: duration.months, days: duration.days });
  return shifted.toMillis() + duration.millis;
}

function int(part: string | undefined): number {
  return part === undefined ? 0 : Number.parseInt(part, 10);
}

function secondsMillis(seconds: string | undefined, fraction: string | undefined): number {
  if (seconds === undefined) return 0;
  const fractionMillis = Number.parseInt((fraction ?? '').padEnd(3, '0').slice(0, 3), 10);
  const sign = seconds.startsWith('-') ? -1 : 1;
  return int(seconds) * 1000 + sign * fractionMillis;
}
