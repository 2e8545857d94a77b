import { Duration } from 'luxon';
import { DomainError } from '../domain-error';

/** An ISO 8601 duration read into its parts (`P1D`, `PT24H`, `P1W`, `P1DT4H30M`). */
export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** Reads an ISO 8601 duration; throws INVALID_DURATION when it is not one or is negative. */
export function parseDuration(iso: string): DurationParts {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) {
    throw new DomainError('INVALID_DURATION', `"${iso}" is not an ISO 8601 duration (e.g. PT24H, P1D, P1W)`);
  }
  const o = duration.toObject();
  const parts = {
    years: o.years ?? 0,
    months: o.months ?? 0,
    weeks: o.weeks ?? 0,
    days: o.days ?? 0,
    hours: o.hours ?? 0,
    minutes: o.minutes ?? 0,
    seconds: (o.seconds ?? 0) + (o.milliseconds ?? 0) / 1000,
  };
  if (Object.values(parts).some((v) => v < 0)) {
    throw new DomainError('INVALID_DURATION', `"${iso}" is negative: a deadline duration counts forward`);
  }
  return parts;
}

/**
 * The working time a duration stands for, in milliseconds, when counted in business time:
 * hours, minutes and seconds are working time; a day is one working day (the calendar's working
 * hours, e.g. 8 h); a week is as many working days as the calendar's week has (7 − weekend days).
 * Months and years have no meaning in working time and are refused.
 */
export function businessMilliseconds(
  iso: string,
  workingMinutesPerDay: number,
  workingDaysPerWeek: number,
): number {
  const d = parseDuration(iso);
  if (d.years !== 0 || d.months !== 0) {
    throw new DomainError(
      'INVALID_DURATION',
      `"${iso}": months and years cannot be counted in business time; use days (P20D) or a calendar basis`,
    );
  }
  const days = d.days + d.weeks * workingDaysPerWeek;
  const minutes = days * workingMinutesPerDay + d.hours * 60 + d.minutes + d.seconds / 60;
  return Math.round(minutes * 60_000);
}
