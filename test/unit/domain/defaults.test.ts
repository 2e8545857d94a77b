import { checkApprovalThresholds } from '../../../domain/approval';
import { compileCalendar, isWorkingDay } from '../../../domain/calendar';
import { checkClassificationRules } from '../../../domain/classify';
import { checkDeadlineSettings } from '../../../domain/deadlines';
import {
  DEFAULT_APPROVAL_THRESHOLDS,
  DEFAULT_CALENDAR,
  DEFAULT_CLASSIFICATION_RULES,
  DEFAULT_DEADLINE_SETTINGS,
  DEFAULT_DEPARTMENTS,
  DEFAULT_PENALTY_POLICY,
  DEFAULT_ROUTING_RULES,
} from '../../../domain/defaults';
import { checkPenaltyPolicy } from '../../../domain/penalties';
import { checkRoutingRules, routeComplaint } from '../../../domain/routing';
import { APPROVAL_LEVELS, CATEGORIES } from '../../../domain/vocabulary';

describe('the default data (domain/defaults/*.json)', () => {
  test('passes every check an administrator edit would go through', () => {
    // when
    const checks = [
      () => compileCalendar(DEFAULT_CALENDAR),
      () => checkDeadlineSettings(DEFAULT_DEADLINE_SETTINGS),
      () => checkRoutingRules(DEFAULT_ROUTING_RULES, DEFAULT_DEPARTMENTS),
      () => checkApprovalThresholds(DEFAULT_APPROVAL_THRESHOLDS),
      () => checkPenaltyPolicy(DEFAULT_PENALTY_POLICY),
      () => checkClassificationRules(DEFAULT_CLASSIFICATION_RULES),
    ];
    // then
    for (const check of checks) expect(check).not.toThrow();
  });

  test('the 2026 calendar has the 33 days off and 6 make-up working days of the State Council notice', () => {
    // given every date of 2026
    const dates = Array.from({ length: 365 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    // when
    const holidaysOnWeekdays = dates.filter((d) => !weekend(d) && !isWorkingDay(DEFAULT_CALENDAR, d));
    const makeUpDays = dates.filter((d) => weekend(d) && isWorkingDay(DEFAULT_CALENDAR, d));
    // then
    expect(DEFAULT_CALENDAR.holidays.map((h) => h.name.zh)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    expect(DEFAULT_CALENDAR.holidays.reduce((n, h) => n + daysBetween(h.from, h.to), 0)).toBe(33);
    expect(makeUpDays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(holidaysOnWeekdays).toHaveLength(19);
  });

  test('every category has a department, and every department its three groups', () => {
    // when
    const routes = CATEGORIES.map((c) => routeComplaint(DEFAULT_ROUTING_RULES, c, null));
    // then
    expect(routes.every((r) => r.routed)).toBe(true);
    for (const d of DEFAULT_DEPARTMENTS) {
      expect(
        [d.candidateGroup, d.teamManagerGroup, d.directorGroup].every((g) => /^[a-z0-9-]+$/.test(g)),
      ).toBe(true);
    }
    expect(new Set(DEFAULT_DEPARTMENTS.map((d) => d.code)).size).toBe(DEFAULT_DEPARTMENTS.length);
  });

  test('the approval steps are the four levels of the vocabulary, in order', () => {
    // when
    const levels = DEFAULT_APPROVAL_THRESHOLDS.steps.map((s) => s.level);
    // then
    expect(levels).toEqual([...APPROVAL_LEVELS]);
  });
});

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}
