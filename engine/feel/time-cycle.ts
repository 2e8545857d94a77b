import { CronExpressionParser } from 'cron-parser';
import { addDuration, parseIsoInterval, TIMER_ZONE, type IsoInterval } from './iso-time';

/**
 * A BPMN timeCycle as Zeebe reads it: text starting with `R` is an ISO 8601 repeating interval
 * (zeebe/bpmn-model …/util/time/RepeatingInterval.java), anything else a Spring cron expression
 * with six fields, seconds first (engine …/processing/timer/CronTimer.java).
 */
export type TimeCycle =
  | {
      readonly kind: 'interval';
      readonly text: string;
      readonly count: number;
      readonly interval: IsoInterval;
    }
  | { readonly kind: 'cron'; readonly text: string };

/** `count` of a repeating interval without a number (`R/PT1H`): it repeats until cancelled. */
export const INFINITE = -1;

/** Spring's macros; cron-parser knows them all but `@midnight`, and some that Spring does not. */
const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const REPETITIONS = /^R(\d*)\/(.+)$/;

/** The cycle, or the reason it is not one. */
export function parseTimeCycle(text: string): TimeCycle | { readonly error: string } {
  if (text.startsWith('R')) return parseRepeatingInterval(text);
  const fields = cronFields(text);
  if (fields === null) {
    return { error: 'a cron expression needs six fields: second minute hour day month weekday' };
  }
  try {
    CronExpressionParser.parse(fields, { tz: TIMER_ZONE });
    return { kind: 'cron', text: text.startsWith('@') ? text.toLowerCase() : fields };
  } catch (error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The first firing at or after `now`: an interval's start (a past one fires at once) or now + interval. */
export function firstDueDate(cycle: TimeCycle, now: number): number | null {
  if (cycle.kind === 'cron') return nextCronDate(cycle.text, now);
  const { start, duration } = cycle.interval;
  if (start !== null) return Math.max(start.toMillis(), now);
  return addDuration(now, duration);
}

/** The firing after `previous`: one interval later (on the wall clock of the start's zone), or cron's next. */
export function nextDueDate(cycle: TimeCycle, previous: number): number | null {
  return cycle.kind === 'cron' ? nextCronDate(cycle.text, previous) : afterInterval(cycle.interval, previous);
}

function afterInterval({ start, duration }: IsoInterval, previous: number): number {
  return addDuration(previous, duration, start?.zone ?? TIMER_ZONE);
}

function parseRepeatingInterval(text: string): TimeCycle | { readonly error: string } {
  const m = REPETITIONS.exec(text);
  if (m === null) return { error: 'a repeating interval is R<repetitions>/<duration>' };
  const interval = parseIsoInterval(m[2]);
  if (interval === null)
    return { error: `'${m[2]}' is not an ISO 8601 duration (optionally after a start date-time)` };
  const count = m[1] === '' ? INFINITE : Number.parseInt(m[1], 10);
  const probe = Date.UTC(2026, 0, 1);
  if (afterInterval(interval, probe) <= probe) return { error: 'the interval of a cycle must be positive' };
  return { kind: 'interval', text, count, interval };
}

function cronFields(text: string): string | null {
  const macro = CRON_MACROS[text.toLowerCase()];
  if (macro !== undefined) return macro;
  const fields = text.split(/\s+/);
  return fields.length === 6 ? fields.join(' ') : null;
}

function nextCronDate(text: string, after: number): number | null {
  const fields = cronFields(text);
  if (fields === null) return null;
  try {
    return CronExpressionParser.parse(fields, { currentDate: new Date(after), tz: TIMER_ZONE })
      .next()
      .getTime();
  } catch {
    return null;
  }
}
