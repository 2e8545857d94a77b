import type { DateTime, Duration, Zone } from 'luxon';

/**
 * FEEL temporal values as Zeebe writes them into variables (FeelToMessagePackTransformer): a date
 * as `2026-05-01`, a date-time as ISO_ZONED_DATE_TIME (`…+08:00`, `…Z` or `…+08:00[Asia/Shanghai]`),
 * a time as ISO time, durations in feel-scala's own format (`P1DT2H`, `P1Y2M`).
 */
export type TemporalKind = 'date' | 'time' | 'date time';

/** feelin keeps all three as a luxon DateTime; this is its own rule (utils.getType). */
export function temporalKind(value: DateTime): TemporalKind {
  if (value.year === 1900 && value.month === 1 && value.day === 1) return 'time';
  const midnight = value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
  return midnight && isUtcOffset(value.zone) ? 'date' : 'date time';
}

export function formatDate(value: DateTime): string {
  return value.toFormat('yyyy-MM-dd');
}

/** ISO_ZONED_DATE_TIME; a region zone keeps its id, like a feel-scala ZonedDateTime. */
export function formatDateTime(value: DateTime): string {
  const withOffset = formatOffsetDateTime(value);
  return value.zone.type === 'iana' ? `${withOffset}[${canonicalZoneName(value.zone.name)}]` : withOffset;
}

/** ISO_OFFSET_DATE_TIME: `2026-05-01T09:00:00+08:00`, `2026-05-01T01:00:00.5Z`. */
export function formatOffsetDateTime(value: DateTime): string {
  return `${value.toFormat("yyyy-MM-dd'T'HH:mm:ss")}${fraction(value.millisecond)}${offsetId(value)}`;
}

/** A local time like java.time.LocalTime#toString (`10:00`, `10:00:30`); a zoned one with its offset. */
export function formatTime(value: DateTime): string {
  if (value.zone.type === 'system') return localTimeText(value);
  const time = `${value.toFormat('HH:mm:ss')}${fraction(value.millisecond)}`;
  return value.zone.type === 'iana'
    ? `${time}@${canonicalZoneName(value.zone.name)}`
    : `${time}${offsetId(value)}`;
}

/** feel-scala ValYearMonthDuration / ValDayTimeDuration#toString; a mix (feelin only) joins both. */
export function formatDuration(value: Duration): string {
  const { months, millis } = durationParts(value);
  if (isYearMonth(value)) return formatYearMonth(months);
  if (months === 0) return formatDayTime(millis);
  return formatYearMonth(months) + formatDayTime(millis).slice(1);
}

/** A FEEL years-and-months duration (a zero one too, when it has only year/month units). */
export function isYearMonth(value: Duration): boolean {
  const { months, millis } = durationParts(value);
  if (millis !== 0) return false;
  if (months !== 0) return true;
  const units = Object.keys(value.toObject());
  return units.length > 0 && units.every((u) => u === 'years' || u === 'quarters' || u === 'months');
}

/** Total months (calendar part) and total milliseconds (exact part) of a luxon Duration. */
export function durationParts(value: Duration): { months: number; millis: number } {
  const v = value.toObject();
  const months = (v.years ?? 0) * 12 + (v.quarters ?? 0) * 3 + (v.months ?? 0);
  const days = (v.weeks ?? 0) * 7 + (v.days ?? 0);
  const seconds = ((days * 24 + (v.hours ?? 0)) * 60 + (v.minutes ?? 0)) * 60 + (v.seconds ?? 0);
  return { months, millis: seconds * 1000 + (v.milliseconds ?? 0) };
}

function formatYearMonth(totalMonths: number): string {
  if (totalMonths === 0) return 'P0Y';
  const sign = totalMonths < 0 ? '-' : '';
  const months = Math.abs(totalMonths);
  return `${sign}P${unit(Math.trunc(months / 12), 'Y')}${unit(months % 12, 'M')}`;
}

function formatDayTime(totalMillis: number): string {
  const totalSeconds = Math.trunc(Math.abs(totalMillis) / 1000);
  if (totalSeconds === 0) return 'P0D';
  const sign = totalMillis < 0 ? '-' : '';
  const days = Math.trunc(totalSeconds / 86_400);
  const time =
    unit(Math.trunc(totalSeconds / 3600) % 24, 'H') +
    unit(Math.trunc(totalSeconds / 60) % 60, 'M') +
    unit(totalSeconds % 60, 'S');
  return `${sign}P${unit(days, 'D')}${time === '' ? '' : `T${time}`}`;
}

function unit(amount: number, designator: string): string {
  return amount === 0 ? '' : `${amount}${designator}`;
}

function localTimeText(value: DateTime): string {
  const hm = value.toFormat('HH:mm');
  if (value.second === 0 && value.millisecond === 0) return hm;
  const hms = `${hm}:${value.toFormat('ss')}`;
  return value.millisecond === 0 ? hms : `${hms}.${String(value.millisecond).padStart(3, '0')}`;
}

/** java.time prints the fraction of a second with as few digits as needed. */
function fraction(millisecond: number): string {
  return millisecond === 0 ? '' : `.${String(millisecond).padStart(3, '0').replace(/0+$/, '')}`;
}

function offsetId(value: DateTime): string {
  return value.offset === 0 ? 'Z' : value.toFormat('ZZ');
}

function isUtcOffset(zone: Zone): boolean {
  return zone.type === 'fixed' && zone.offset(0) === 0;
}

const zoneNames = new Map<string, string>();

/** feelin upper-cases the text it parses (`ASIA/SHANGHAI`); java.time ids are canonical. */
function canonicalZoneName(name: string): string {
  let canonical = zoneNames.get(name);
  if (canonical === undefined) {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    zoneNames.set(name, canonical);
  }
  return canonical;
}
