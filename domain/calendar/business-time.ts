import { type DateTime, Duration } from 'luxon';
import { DomainError, type Instant } from '../domain-error';
import { businessMilliseconds, parseDuration } from './iso-duration';
import {
  type CompiledCalendar,
  compileCalendar,
  isWorkingDate,
  toZoned,
  type WorkingCalendar,
} from './working-calendar';

/** How a duration is counted: only working time, or round the clock. */
export type TimeBasis = 'business' | 'calendar';

/** Longest stretch without a working day we look through before calling the calendar broken. */
const MAX_DAYS_WITHOUT_WORK = 366;

/** ISO 8601 with the calendar's offset, without milliseconds when they are zero: `2026-10-09T15:00:00+08:00`. */
export function formatInstant(at: DateTime): string {
  return at.toISO({ suppressMilliseconds: true }) ?? '';
}

function workingIntervals(c: CompiledCalendar, day: DateTime): Array<readonly [DateTime, DateTime]> {
  if (!isWorkingDate(c, day)) return [];
  const midnight = day.startOf('day');
  return c.periods.map(
    (p) => [midnight.plus({ minutes: p.start }), midnight.plus({ minutes: p.end })] as const,
  );
}

/**
 * Adds a duration counting only working time (working hours of working days, make-up days
 * included, holidays and weekends skipped). A start outside working hours counts from the next
 * working moment. Days in the duration are working days (see `businessMilliseconds`). Returns the
 * instant in the calendar's zone, ISO 8601 with offset.
 */
export function addBusinessTime(calendar: WorkingCalendar, start: Instant, duration: string): string {
  const c = compileCalendar(calendar);
  const workingDaysPerWeek = 7 - c.weekend.size;
  let remaining = businessMilliseconds(duration, c.workingMinutesPerDay, workingDaysPerWeek);
  const from = toZoned(c.zone, start);
  if (remaining === 0) return formatInstant(from);
  let idle = 0;
  for (let day = from.startOf('day'); idle <= MAX_DAYS_WITHOUT_WORK; day = day.plus({ days: 1 })) {
    const intervals = workingIntervals(c, day);
    idle = intervals.length === 0 ? idle + 1 : 0;
    for (const [periodStart, periodEnd] of intervals) {
      const begin = periodStart < from ? from : periodStart;
      const available = periodEnd.toMillis() - begin.toMillis();
      if (available <= 0) continue;
      if (remaining <= available) return formatInstant(begin.plus({ milliseconds: remaining }));
      remaining -= available;
    }
  }
  throw new DomainError(
    'NO_WORKING_TIME',
    `calendar "${calendar.id}" has no working day for a year after ${formatInstant(from)}`,
  );
}

/**
 * Working time between two instants, in milliseconds (negative when `b` is before `a`): the
 * handling time an SLA is measured in.
 */
export function businessTimeBetween(calendar: WorkingCalendar, a: Instant, b: Instant): number {
  const c = compileCalendar(calendar);
  const from = toZoned(c.zone, a);
  const to = toZoned(c.zone, b);
  if (to < from) return -businessTimeBetween(calendar, b, a);
  let total = 0;
  for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
    for (const [periodStart, periodEnd] of workingIntervals(c, day)) {
      const begin = Math.max(periodStart.toMillis(), from.toMillis());
      const end = Math.min(periodEnd.toMillis(), to.toMillis());
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

/** Adds a duration round the clock, in the calendar's zone (a day is a calendar day, DST-aware). */
export function addCalendarTime(calendar: WorkingCalendar, start: Instant, duration: string): string {
  const c = compileCalendar(calendar);
  parseDuration(duration);
  return formatInstant(toZoned(c.zone, start).plus(Duration.fromISO(duration)));
}

/** Adds a duration on the basis a setting chose. */
export function addTime(
  calendar: WorkingCalendar,
  basis: TimeBasis,
  start: Instant,
  duration: string,
): string {
  return basis === 'business'
    ? addBusinessTime(calendar, start, duration)
    : addCalendarTime(calendar, start, duration);
}
