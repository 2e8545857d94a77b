import { DateTime, Duration } from 'luxon';
import { fail, ok, type EvalResult, type VariableContext } from './eval-result';
import { evaluateTyped, mismatch, oneOf, then, type TypedResult } from './evaluate';
import type { Expression } from './expression';
import { withWarnings } from './feelin-runner';
import { addDuration, parseIsoInterval, parseZonedDateTime } from './iso-time';
import { durationParts } from './temporal-format';
import { firstDueDate, INFINITE, nextDueDate, parseTimeCycle, type TimeCycle } from './time-cycle';

/**
 * BPMN timer definitions, static or FEEL, as Zeebe 8.8 evaluates them (ExpressionProcessor
 * #evaluateIntervalExpression / #evaluateDateTimeExpression, a cycle as a string; the docs' "Timer
 * events" page):
 *
 * - timeDuration: an ISO 8601 duration (`PT10S`, `P1D`, `P1Y2M3DT4H`) or a FEEL duration; years,
 *   months, weeks and days are calendar periods added in UTC, hours and smaller exact time. Zero or
 *   negative fires at once.
 * - timeDate: a date-time with an offset (`…+08:00`, `…Z`) or a zone id, or a FEEL date-time. A past
 *   date fires at once (dueAt <= now).
 * - timeCycle: `R5/PT10S` (five firings), `R/PT1H` (until cancelled), `R3/<start>/PT1H` (first at the
 *   start, at once if past), or a six-field Spring cron expression (`0 0 9 * * MON-FRI`, UTC).
 */
export interface TimerSchedule {
  /** Epoch ms of the first (next) firing. */
  dueAt: number;
  /** Cycles: firings left AFTER this one (-1 = infinite); 0 for date/duration. */
  repetitions: number;
  /** Cycles: the cycle text nextCycleDueDate computes the following firing from (persisted). */
  cycle?: string;
}

export type TimerType = 'duration' | 'date' | 'cycle';

const DURATION_EXAMPLES = "an ISO 8601 duration like 'PT10S', 'P1D' or 'P1Y2M3DT4H'";
const DATE_EXAMPLES =
  "an ISO 8601 date-time with an offset or zone like '2026-05-01T09:00:00+08:00', '2026-05-01T01:00:00Z' or '2026-05-01T09:00:00[Asia/Shanghai]'";
const CYCLE_EXAMPLES =
  "a repeating interval like 'R5/PT10S', 'R/PT1H' or 'R3/2026-01-01T00:00:00Z/PT1H', or a six-field cron expression like '0 0 9 * * MON-FRI'";

export function evaluateTimer(
  timerType: TimerType,
  value: Expression,
  ctx: VariableContext,
  now: number,
): EvalResult<TimerSchedule> {
  return then(evaluateTyped(value, ctx), (r) => {
    if (timerType === 'duration') return durationTimer(r, now);
    return timerType === 'date' ? dateTimer(r) : cycleTimer(r, now);
  });
}

/** The firing after `previousDueAt` of a persisted cycle; null when the text is not a cycle or cron has no next. */
export function nextCycleDueDate(cycle: string, previousDueAt: number): number | null {
  const parsed = parseTimeCycle(cycle);
  return 'error' in parsed ? null : nextDueDate(parsed, previousDueAt);
}

function durationTimer(r: TypedResult, now: number): EvalResult<TimerSchedule> {
  if (Duration.isDuration(r.value)) {
    const { months, millis } = durationParts(r.value);
    return ok({ dueAt: addDuration(now, { months, days: 0, millis }), repetitions: 0 });
  }
  if (r.type !== 'STRING') return oneOf(r, ['DURATION', 'PERIOD', 'STRING']);
  const text = (r.value as string).trim();
  const interval = parseIsoInterval(text);
  if (interval === null) return invalid(r, `Invalid duration format '${text}'`, DURATION_EXAMPLES);
  const { start, duration } = interval;
  return ok({
    dueAt: start === null ? addDuration(now, duration) : Math.max(start.toMillis(), now),
    repetitions: 0,
  });
}

function dateTimer(r: TypedResult): EvalResult<TimerSchedule> {
  if (DateTime.isDateTime(r.value) && r.type !== 'UNKNOWN')
    return ok({ dueAt: r.value.toMillis(), repetitions: 0 });
  if (r.type !== 'STRING') return oneOf(r, ['DATE_TIME', 'STRING']);
  const text = (r.value as string).trim();
  const date = parseZonedDateTime(text);
  if (date === null) return invalid(r, `Invalid date-time format '${text}'`, DATE_EXAMPLES);
  return ok({ dueAt: date.toMillis(), repetitions: 0 });
}

function cycleTimer(r: TypedResult, now: number): EvalResult<TimerSchedule> {
  if (r.type !== 'STRING') return mismatch(r, 'STRING');
  const text = (r.value as string).trim();
  const cycle = parseTimeCycle(text);
  if ('error' in cycle) return invalid(r, `Invalid time cycle '${text}' (${cycle.error})`, CYCLE_EXAMPLES);
  const dueAt = firstDueDate(cycle, now);
  if (dueAt === null) return invalid(r, `The time cycle '${text}' never fires`, CYCLE_EXAMPLES);
  return ok({ dueAt, repetitions: repetitionsAfterFirst(cycle), cycle: cycle.text });
}

/** Zeebe counts the firings of `R3/…` as 3 and reschedules while more than one is left. */
function repetitionsAfterFirst(cycle: TimeCycle): number {
  if (cycle.kind === 'cron' || cycle.count === INFINITE) return INFINITE;
  return Math.max(cycle.count - 1, 0);
}

function invalid(r: TypedResult, problem: string, expected: string): EvalResult<TimerSchedule> {
  return fail(withWarnings(`${problem} for expression '${r.text}'; expected ${expected}.`, r.warnings));
}
