import {
  approvalLevelFor,
  type ApprovalThresholds,
  checkApprovalThresholds,
  mustReportToLeadership,
} from '../../../domain/approval';
import { DEFAULT_APPROVAL_THRESHOLDS as thresholds } from '../../../domain/defaults';

const quality = { teamManagerGroup: 'dept-quality-managers', directorGroup: 'dept-quality-head' };

describe('approvalLevelFor with the default thresholds (核决权限, CNY)', () => {
  test.each([
    [0, 'team_manager', 'dept-quality-managers'],
    [1000, 'team_manager', 'dept-quality-managers'],
    [1000.01, 'department_head', 'dept-quality-head'],
    [10000, 'department_head', 'dept-quality-head'],
    [10000.01, 'centre_director', 'complaint-centre-director'],
    [50000, 'centre_director', 'complaint-centre-director'],
    [50000.01, 'leadership', 'company-leadership'],
    [2_000_000, 'leadership', 'company-leadership'],
  ])('%s CNY is approved by %s (%s)', (amount, level, group) => {
    // when
    const decision = approvalLevelFor(thresholds, amount, quality);
    // then
    expect(decision).toMatchObject({ level, approverGroup: group });
  });

  test("without the routed department, the department's levels fall back to the centre's groups", () => {
    // when
    const decision = approvalLevelFor(thresholds, 500);
    // then
    expect(decision).toEqual({
      level: 'team_manager',
      approverGroup: 'complaint-centre-team-managers',
      upTo: 1000,
    });
  });

  test('refuses a negative amount', () => {
    // when
    const attempt = () => approvalLevelFor(thresholds, -1, quality);
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  test('follows thresholds an administrator changed', () => {
    // given the team manager may approve up to 3 000
    const raised: ApprovalThresholds = {
      ...thresholds,
      steps: thresholds.steps.map((s) => (s.level === 'team_manager' ? { ...s, upTo: 3000 } : s)),
    };
    // when
    const decision = approvalLevelFor(raised, 2500, quality);
    // then
    expect(decision.level).toBe('team_manager');
  });

  test('refuses thresholds that do not end with an unlimited level', () => {
    // given
    const capped: ApprovalThresholds = { ...thresholds, steps: thresholds.steps.slice(0, 3) };
    // when
    const check = () => checkApprovalThresholds(capped);
    // then
    expect(check).toThrow(expect.objectContaining({ code: 'INVALID_APPROVAL_THRESHOLDS' }));
  });
});

describe('mustReportToLeadership (001 第九条.4: internal company problems are reported up)', () => {
  const rule = thresholds.reportToLeadership;

  test('never when the customer alone was responsible, however large or severe', () => {
    // when
    const report = mustReportToLeadership(rule, { responsibility: 'customer', severity: 3, amount: 900_000 });
    // then
    expect(report).toBe(false);
  });

  test('when the company is responsible and a system failure or another department caused a loss', () => {
    // when
    const report = mustReportToLeadership(rule, { responsibility: 'company', severity: 3, amount: 200 });
    // then
    expect(report).toBe(true);
  });

  test('when the company shares the responsibility for a severe complaint', () => {
    // when
    const report = mustReportToLeadership(rule, { responsibility: 'shared', severity: 3, amount: 0 });
    // then
    expect(report).toBe(true);
  });

  test("when the amount is above the centre director's limit", () => {
    // when
    const above = mustReportToLeadership(rule, { responsibility: 'company', severity: 2, amount: 50000.01 });
    const at = mustReportToLeadership(rule, { responsibility: 'company', severity: 2, amount: 50000 });
    // then
    expect([above, at]).toEqual([true, false]);
  });

  test('not for a staff mistake of modest cost', () => {
    // when
    const report = mustReportToLeadership(rule, { responsibility: 'company', severity: 2, amount: 800 });
    // then
    expect(report).toBe(false);
  });
});
