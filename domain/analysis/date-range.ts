import { DateTime } from 'luxon';

/** The zone whose calendar days, weeks and months the analysis counts in (DOMAIN: the complaint centre's). */
export const ANALYSIS_TIME_ZONE = 'Asia/Shanghai';

/** How many days an analysis may span at most (a leap year). */
export const MAX_RANGE_DAYS = 366;

/** How many days the analysis covers when the caller names no `from` (today included). */
export const DEFAULT_RANGE_DAYS = 30;

/**
 * The days an analysis covers, both included (`from`, `to` as `YYYY-MM-DD` in the analysis zone), and
 * the instants that bound them: `start` inclusive, `end` exclusive (midnight after `to`).
 */
export interface AnalysisRange {
  readonly from: string;
  readonly to: string;
  readonly start: Date;
  readonly end: Date;
}

/** A field of the request that cannot be used, as the HTTP layer lists them. */
export interface RangeProblem {
  readonly field: 'from' | 'to';
  readonly problem: string;
}

export type RangeResult =
  | { readonly ok: true; readonly range: AnalysisRange }
  | { readonly ok: false; readonly problems: readonly RangeProblem[] };

/**
 * The range an analysis covers: `to` defaults to today and `from` to the 30 days ending on `to`
 * (`DEFAULT_RANGE_DAYS`). `from` may equal `to` (one day) but not come after it, and the range may
 * not span more than `MAX_RANGE_DAYS`. Dates are calendar days in `timeZone`. Pure: `now` is given.
 */
export function analysisRange(
  asked: { readonly from?: string; readonly to?: string },
  now: Date,
  timeZone = ANALYSIS_TIME_ZONE,
): RangeResult {
  const problems: RangeProblem[] = [];
  const day = (field: 'from' | 'to', text: string | undefined): DateTime | undefined => {
    if (text === undefined) return undefined;
    const parsed = DateTime.fromISO(text, { zone: timeZone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parsed.isValid) {
      problems.push({ field, problem: 'must be a date YYYY-MM-DD' });
      return undefined;
    }
    return parsed.startOf('day');
  };
  const askedFrom = day('from', asked.from);
  const askedTo = day('to', asked.to);
  if (problems.length > 0) return { ok: false, problems };
  const to = askedTo ?? DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const from = askedFrom ?? to.minus({ days: DEFAULT_RANGE_DAYS - 1 });
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days < 1) {
    problems.push({ field: 'to', problem: `must not be before from (${from.toISODate()})` });
  } else if (days > MAX_RANGE_DAYS) {
    problems.push({
      field: 'to',
      problem: `must make a range of at most ${MAX_RANGE_DAYS} days, from and to included`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    range: {
      from: from.toISODate() ?? '',
      to: to.toISODate() ?? '',
      start: from.toJSDate(),
      end: to.plus({ days: 1 }).toJSDate(),
    },
  };
}
