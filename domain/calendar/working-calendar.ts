import { DateTime } from 'luxon';
import { DomainError, type Instant, type LocalizedText } from '../domain-error';

/** One stretch of working time in a day, local wall-clock `HH:mm` (end exclusive): `09:00`–`12:00`. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

/**
 * A public holiday as the State Council announces it: the days off (`from`–`to`, inclusive, local
 * dates `YYYY-MM-DD`) and the make-up working days (调休上班) that come with it, usually weekend days.
 */
export interface HolidayPeriod {
  readonly name: LocalizedText;
  readonly from: string;
  readonly to: string;
  readonly makeUpWorkingDays: readonly string[];
}

/** Where a calendar's holidays come from. */
export interface CalendarSource {
  readonly title: string;
  readonly issuedBy: string;
  readonly issuedOn: string;
  readonly urls: readonly string[];
  readonly note?: string;
}

/**
 * A working calendar is data (an administrator edits it): the time zone, the working hours of every
 * working day, the weekend, and the public holidays with their make-up working days.
 */
export interface WorkingCalendar {
  readonly id: string;
  readonly name: LocalizedText;
  /** IANA zone, e.g. `Asia/Shanghai`: working hours and dates are read in it. */
  readonly timeZone: string;
  /** The same on every working day, in order, not overlapping. */
  readonly workingHours: readonly WorkingPeriod[];
  /** ISO weekdays off, 1 = Monday … 7 = Sunday. */
  readonly weekend: readonly number[];
  readonly holidays: readonly HolidayPeriod[];
  /** Years whose holidays the data lists; outside them only weekends are days off. */
  readonly years: readonly number[];
  readonly source?: CalendarSource;
}

/** A calendar checked and indexed for fast look-ups. */
export interface CompiledCalendar {
  readonly calendar: WorkingCalendar;
  readonly zone: string;
  /** Minutes after midnight, [start, end). */
  readonly periods: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly workingMinutesPerDay: number;
  readonly weekend: ReadonlySet<number>;
  readonly daysOff: ReadonlyMap<string, LocalizedText>;
  readonly makeUpDays: ReadonlyMap<string, LocalizedText>;
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/** Checks a calendar and indexes it (once per calendar object); throws INVALID_CALENDAR with every problem. */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const problems: string[] = [];
  if (!DateTime.now().setZone(calendar.timeZone).isValid)
    problems.push(`unknown time zone "${calendar.timeZone}"`);
  const periods = calendar.workingHours.map((p) => ({
    start: minutes(p.start, problems),
    end: minutes(p.end, problems),
  }));
  if (periods.length === 0) problems.push('workingHours is empty: a calendar needs working time');
  periods.forEach((p, i) => {
    if (p.end <= p.start) problems.push(`working period ${i + 1} ends before it starts`);
    if (i > 0 && p.start < periods[i - 1].end)
      problems.push(`working period ${i + 1} overlaps the one before`);
  });
  const weekend = new Set(calendar.weekend);
  if ([...weekend].some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    problems.push('weekend days must be 1 (Monday) … 7 (Sunday)');
  if (weekend.size === 7) problems.push('every weekday is a weekend day: a calendar needs working days');
  const { daysOff, makeUpDays } = indexHolidays(calendar, problems);
  if (problems.length > 0) {
    throw new DomainError('INVALID_CALENDAR', `calendar "${calendar.id}": ${problems.join('; ')}`);
  }
  const workingMinutesPerDay = periods.reduce((sum, p) => sum + p.end - p.start, 0);
  const result = {
    calendar,
    zone: calendar.timeZone,
    periods,
    workingMinutesPerDay,
    weekend,
    daysOff,
    makeUpDays,
  };
  compiled.set(calendar, result);
  return result;
}

function indexHolidays(calendar: WorkingCalendar, problems: string[]) {
  const daysOff = new Map<string, LocalizedText>();
  const makeUpDays = new Map<string, LocalizedText>();
  for (const holiday of calendar.holidays) {
    const from = DateTime.fromISO(holiday.from, { zone: calendar.timeZone });
    const to = DateTime.fromISO(holiday.to, { zone: calendar.timeZone });
    if (!from.isValid || !to.isValid || to < from) {
      problems.push(
        `holiday ${holiday.name.en}: "${holiday.from}"–"${holiday.to}" is not a range of dates YYYY-MM-DD`,
      );
      continue;
    }
    for (let day = from; day <= to; day = day.plus({ days: 1 }))
      daysOff.set(day.toISODate() ?? '', holiday.name);
    for (const date of holiday.makeUpWorkingDays) {
      if (!DateTime.fromISO(date).isValid)
        problems.push(`holiday ${holiday.name.en}: make-up day "${date}" is not a date`);
      makeUpDays.set(date, holiday.name);
    }
  }
  for (const date of makeUpDays.keys()) {
    if (daysOff.has(date)) problems.push(`${date} is both a day off and a make-up working day`);
  }
  return { daysOff, makeUpDays };
}

function minutes(hhmm: string, problems: string[]): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/.exec(hhmm);
  if (!match) {
    problems.push(`"${hhmm}" is not a time of day HH:mm`);
    return 0;
  }
  return hhmm === '24:00' ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/** An instant (or a local date `YYYY-MM-DD`) as a date-time in the calendar's zone. */
export function toZoned(zone: string, instant: Instant): DateTime {
  const at =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone, setZone: false })
      : DateTime.fromJSDate(instant, { zone });
  if (!at.isValid) {
    throw new DomainError(
      'INVALID_INSTANT',
      `"${String(instant)}" is not an ISO 8601 date-time (e.g. 2026-10-09T15:00:00+08:00)`,
    );
  }
  return at.setZone(zone);
}

/** Is this local date (`DateTime` in the calendar's zone) a working day? */
export function isWorkingDate(compiledCalendar: CompiledCalendar, day: DateTime): boolean {
  const date = day.toISODate() ?? '';
  if (compiledCalendar.makeUpDays.has(date)) return true;
  if (compiledCalendar.daysOff.has(date)) return false;
  return !compiledCalendar.weekend.has(day.weekday);
}

/**
 * Is this a working day? A make-up working day (调休上班) is one even on a weekend; a holiday is not
 * one even on a weekday. `day` is a local date `YYYY-MM-DD` or an instant (read in the calendar's zone).
 */
export function isWorkingDay(calendar: WorkingCalendar, day: Instant): boolean {
  const c = compileCalendar(calendar);
  return isWorkingDate(c, toZoned(c.zone, day));
}

/** What kind of day it is and why, for explanations and the inbox. */
export function describeDay(
  calendar: WorkingCalendar,
  day: Instant,
): {
  readonly working: boolean;
  readonly reason: 'make_up_day' | 'holiday' | 'weekend' | 'weekday';
  readonly holiday?: LocalizedText;
} {
  const c = compileCalendar(calendar);
  const date = toZoned(c.zone, day);
  const iso = date.toISODate() ?? '';
  const makeUp = c.makeUpDays.get(iso);
  if (makeUp) return { working: true, reason: 'make_up_day', holiday: makeUp };
  const off = c.daysOff.get(iso);
  if (off) return { working: false, reason: 'holiday', holiday: off };
  if (c.weekend.has(date.weekday)) return { working: false, reason: 'weekend' };
  return { working: true, reason: 'weekday' };
}

/** Does the calendar list the holidays of the year of this instant? Outside them only weekends are days off. */
export function calendarCovers(calendar: WorkingCalendar, instant: Instant): boolean {
  const c = compileCalendar(calendar);
  return calendar.years.includes(toZoned(c.zone, instant).year);
}
