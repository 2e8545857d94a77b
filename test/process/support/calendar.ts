import { DateTime } from 'luxon';

/** The complaint centre's zone: every instant the tests name is Beijing time. */
export const ZONE = 'Asia/Shanghai';

/** `at('2026-03-02 09:30')`: that wall-clock time in Beijing. */
export function at(local: string): Date {
  const instant = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!instant.isValid) throw new Error(`at(): "${local}" is not "yyyy-MM-dd HH:mm"`);
  return instant.toJSDate();
}

/** An instant as Beijing wall-clock time, for readable assertions: `2026-03-03 09:30`. */
export function beijing(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return DateTime.fromJSDate(date, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
}

/** `minutes` later. */
export function plusMinutes(instant: Date | string, minutes: number): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(date.getTime() + minutes * 60_000);
}

/** Monday 2 March 2026, 09:30 in Beijing: a working morning with no holiday for weeks around it. */
export const FIRST_MONDAY = at('2026-03-02 09:30');
