import { DEADLINES } from '../vocabulary';

/** The satisfaction scores of a follow-up visit (002 三.6), lowest first. */
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;

/** Per deadline, how often the complaints counted met and breached it. */
export interface DeadlineTally {
  readonly deadline: string;
  readonly met: number;
  readonly breached: number;
  readonly escalations: number;
}

/** Per step of the handling, the working time it took. */
export interface StepTimes {
  readonly step: string;
  readonly count: number;
  readonly medianBusinessMs: number;
  readonly averageBusinessMs: number;
}

/** Per satisfaction score, how long the complaints so rated took, round the clock and working. */
export interface HandlingTimeBySatisfaction {
  readonly satisfaction: number;
  readonly count: number;
  readonly medianMs: number;
  readonly averageMs: number;
  readonly medianBusinessMs: number;
  readonly averageBusinessMs: number;
}

/** Per remedy, the complaints that ended with it and what their customers said at the follow-up. */
export interface RemedyTally {
  readonly remedy: string;
  readonly complaints: number;
  /** How many the customer rated, and the mean score (null: none). */
  readonly rated: number;
  readonly averageSatisfaction: number | null;
  /** How many had a follow-up that asked whether it was resolved, and how many said yes. */
  readonly followedUp: number;
  readonly resolved: number;
}

/** Deadlines in lifecycle order, each with the share met (four decimals; null when never set). */
export function deadlineFigures(tallies: readonly DeadlineTally[]) {
  return inCodeOrder(tallies, (t) => t.deadline, DEADLINES).map((t) => ({
    ...t,
    shareMet: shareOf(t.met, t.met + t.breached),
  }));
}

/** Steps in alphabetical order, their working time in hours (two decimals). */
export function stepFigures(steps: readonly StepTimes[]) {
  return steps
    .map((s) => ({
      step: s.step,
      count: s.count,
      medianBusinessHours: hoursOf(s.medianBusinessMs),
      averageBusinessHours: hoursOf(s.averageBusinessMs),
    }))
    .sort((a, b) => a.step.localeCompare(b.step));
}

/**
 * One row per satisfaction score, 1 to 5, in hours (two decimals): a score nobody gave has a count
 * of 0 and null figures, so a chart of them always has five bars.
 */
export function satisfactionFigures(measured: readonly HandlingTimeBySatisfaction[]) {
  return SATISFACTION_SCORES.map((satisfaction) => {
    const row = measured.find((r) => r.satisfaction === satisfaction);
    return {
      satisfaction,
      count: row?.count ?? 0,
      medianHours: hoursOf(row?.medianMs ?? null),
      averageHours: hoursOf(row?.averageMs ?? null),
      medianBusinessHours: hoursOf(row?.medianBusinessMs ?? null),
      averageBusinessHours: hoursOf(row?.averageBusinessMs ?? null),
    };
  });
}

/** Remedies as tallied, the mean score to two decimals and the share resolved among those followed up. */
export function remedyFigures(tallies: readonly RemedyTally[]) {
  return tallies.map(({ resolved, ...t }) => ({
    ...t,
    averageSatisfaction: t.averageSatisfaction === null ? null : round(t.averageSatisfaction, 2),
    shareResolved: shareOf(resolved, t.followedUp),
  }));
}

/** `part / whole` rounded to four decimals (0.6667); null when there is no whole to share. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

/** Milliseconds as hours rounded to two decimals; null stays null (nothing to measure). */
export function hoursOf(ms: number | null): number | null {
  return ms === null ? null : round(ms / 3_600_000, 2);
}

/** Rows in the order of a code list, codes not in it after them in alphabetical order. */
function inCodeOrder<R>(rows: readonly R[], codeOf: (row: R) => string, codes: readonly string[]): R[] {
  const rank = (row: R) => {
    const at = codes.indexOf(codeOf(row));
    return at === -1 ? codes.length : at;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b) || codeOf(a).localeCompare(codeOf(b)));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
