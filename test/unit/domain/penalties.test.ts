import { DEFAULT_PENALTY_POLICY as policy } from '../../../domain/defaults';
import {
  calculatePenalties,
  type DeadlineBreach,
  outstandingDelayPenalties,
  type PenaltyInput,
  type PenaltyPolicy,
  policyInEffect,
  type ResponsibleStaff,
} from '../../../domain/penalties';

const agent: ResponsibleStaff = {
  staffId: 'wang.fang',
  role: 'direct',
  monthlyPerformancePay: 8000,
  supervisorId: 'li.qiang',
};
const supervisor: ResponsibleStaff = {
  staffId: 'li.qiang',
  role: 'supervisor',
  monthlyPerformancePay: 10000,
};
const breach = (deadline: DeadlineBreach['deadline'], heldBy = 'zhao.lei'): DeadlineBreach => ({
  deadline,
  heldBy,
  monthlyPerformancePay: 6000,
});
const input = (overrides: Partial<PenaltyInput>): PenaltyInput => ({
  responsibility: 'company',
  lossAmount: 12000,
  responsibleStaff: [agent, supervisor],
  breaches: [],
  ...overrides,
});

describe('calculatePenalties: responsibility (000 三.7; 001 第十条)', () => {
  test('the directly responsible person and the supervisor lose a share of performance pay by loss bracket', () => {
    // when a loss of 12 000 falls in the 10 000–50 000 bracket: 20% direct, 10% supervisor
    const lines = calculatePenalties(policy, input({}));
    // then
    expect(lines.map(({ staffId, kind, share, amount }) => ({ staffId, kind, share, amount }))).toEqual([
      { staffId: 'wang.fang', kind: 'responsibility', share: 0.2, amount: 1600 },
      { staffId: 'li.qiang', kind: 'responsibility', share: 0.1, amount: 1000 },
    ]);
  });

  test('the explanation says which bracket, which share and which base', () => {
    // when
    const [direct, supervisorLine] = calculatePenalties(policy, input({}));
    // then
    expect(direct.explanation.zh).toBe(
      '直接责任人:损失 ¥12,000.00 属于 ¥10,000.00–¥50,000.00 档,扣当月绩效工资 20%;¥8,000.00 × 20% = ¥1,600.00(处罚政策第 1 版)',
    );
    expect(supervisorLine.explanation.en).toBe(
      "Supervisor of wang.fang: a loss of CNY 12,000.00 falls in the bracket CNY 10,000.00–50,000.00: 10% of the month's performance pay; CNY 10,000.00 × 10% = CNY 1,000.00 (penalty policy v1)",
    );
  });

  test.each([
    [0, 0.05, 0.02],
    [1000, 0.05, 0.02],
    [1000.01, 0.1, 0.05],
    [50000, 0.2, 0.1],
    [50000.01, 0.3, 0.15],
  ])('a loss of %s costs %s direct and %s supervisor', (lossAmount, direct, sup) => {
    // when
    const lines = calculatePenalties(policy, input({ lossAmount }));
    // then
    expect(lines.map((l) => l.share)).toEqual([direct, sup]);
  });

  test('nothing at all when the customer alone was responsible, delays included', () => {
    // when
    const lines = calculatePenalties(
      policy,
      input({ responsibility: 'customer', breaches: [breach('review')] }),
    );
    // then
    expect(lines).toEqual([]);
  });

  test('shared responsibility halves the responsibility penalties', () => {
    // when
    const lines = calculatePenalties(policy, input({ responsibility: 'shared' }));
    // then
    expect(lines.map((l) => [l.share, l.amount])).toEqual([
      [0.1, 800],
      [0.05, 500],
    ]);
    expect(lines[0].explanation.en).toContain('shared responsibility ×0.5');
  });

  test('a person listed both as directly responsible and as supervisor is penalised once, as directly responsible', () => {
    // given
    const both = [agent, { ...agent, role: 'supervisor' as const }];
    // when
    const lines = calculatePenalties(policy, input({ responsibleStaff: both }));
    // then
    expect(lines).toEqual([expect.objectContaining({ staffId: 'wang.fang', share: 0.2 })]);
  });
});

describe('calculatePenalties: delays', () => {
  test('whoever held a task when its deadline was missed loses a share per breach', () => {
    // when
    const lines = calculatePenalties(
      policy,
      input({ responsibleStaff: [], breaches: [breach('review'), breach('investigation')] }),
    );
    // then
    expect(lines).toEqual([
      {
        staffId: 'zhao.lei',
        kind: 'delay',
        share: 0.04,
        amount: 240,
        explanation: {
          zh: '逾期 2 次(review、investigation),每次 2%,合计 4%;¥6,000.00 × 4% = ¥240.00(处罚政策第 1 版)',
          en: '2 missed deadlines (review, investigation) at 2% each: 4%; CNY 6,000.00 × 4% = CNY 240.00 (penalty policy v1)',
        },
      },
    ]);
  });

  test('delay penalties stop at the policy cap', () => {
    // given six breaches at 2% each
    const breaches = ['review', 'preliminary_reply', 'investigation', 'result', 'follow_up', 'review'].map(
      (d) => breach(d as DeadlineBreach['deadline']),
    );
    // when
    const [line] = calculatePenalties(policy, input({ responsibleStaff: [], breaches }));
    // then
    expect([line.share, line.amount]).toEqual([0.1, 600]);
    expect(line.explanation.en).toContain('delay penalties capped at 10%');
  });

  test("a person's total on one complaint stops at the per-person cap", () => {
    // given the directly responsible agent also let three deadlines pass, and a 25% cap
    const tight: PenaltyPolicy = { ...policy, caps: { maxSharePerPerson: 0.25 } };
    const breaches = [
      breach('review', 'wang.fang'),
      breach('result', 'wang.fang'),
      breach('follow_up', 'wang.fang'),
    ];
    // when
    const lines = calculatePenalties(tight, input({ responsibleStaff: [agent], breaches }));
    // then 20% for responsibility, the delay cut from 6% to 5%
    expect(lines.map((l) => [l.kind, l.share])).toEqual([
      ['responsibility', 0.2],
      ['delay', 0.05],
    ]);
    expect(lines[1].explanation.zh).toContain('每人每宗投诉合计上限 25%');
  });

  test('delays are penalised for a customer-caused complaint when the policy says so', () => {
    // given
    const strict: PenaltyPolicy = {
      ...policy,
      delay: { ...policy.delay, evenWhenCustomerResponsible: true },
    };
    // when
    const lines = calculatePenalties(
      strict,
      input({ responsibility: 'customer', breaches: [breach('review')] }),
    );
    // then
    expect(lines).toEqual([expect.objectContaining({ staffId: 'zhao.lei', kind: 'delay', amount: 120 })]);
  });
});

describe('outstandingDelayPenalties: deadlines missed after the penalties were booked', () => {
  const shares = (lines: ReturnType<typeof outstandingDelayPenalties>) =>
    lines.map(({ staffId, kind, share, amount }) => ({ staffId, kind, share, amount }));

  test('a deadline missed after the settlement is charged on top of what was booked', () => {
    // given the review delay was booked at settlement; the follow-up visit was late too
    const booked = [{ staffId: 'zhao.lei', kind: 'delay' as const, share: 0.02 }];
    const breaches = [breach('review'), breach('follow_up')];
    // when
    const lines = outstandingDelayPenalties(policy, input({ breaches }), booked);
    // then only the follow-up's 2% is owed, and the explanation says so
    expect(shares(lines)).toEqual([{ staffId: 'zhao.lei', kind: 'delay', share: 0.02, amount: 120 }]);
    expect(lines[0].explanation.en).toContain('2% booked before: 2% outstanding');
    expect(lines[0].explanation.zh).toContain('已扣 2%,本次补扣 2%');
  });

  test('nothing is owed when every breach was booked, nor for responsibility again', () => {
    // given
    const booked = [
      { staffId: 'wang.fang', kind: 'responsibility' as const, share: 0.2 },
      { staffId: 'li.qiang', kind: 'responsibility' as const, share: 0.1 },
      { staffId: 'zhao.lei', kind: 'delay' as const, share: 0.02 },
    ];
    // when
    const lines = outstandingDelayPenalties(policy, input({ breaches: [breach('review')] }), booked);
    // then
    expect(lines).toEqual([]);
  });

  test('the delay cap holds over both bookings', () => {
    // given 10% of delays (the cap) already booked, and one more deadline missed
    const booked = [{ staffId: 'zhao.lei', kind: 'delay' as const, share: 0.1 }];
    const breaches = ['review', 'preliminary_reply', 'investigation', 'result', 'review', 'follow_up'].map(
      (d) => breach(d as DeadlineBreach['deadline']),
    );
    // when
    const lines = outstandingDelayPenalties(policy, input({ breaches }), booked);
    // then
    expect(lines).toEqual([]);
  });

  test('a complaint that never reached a settlement owes its delays only', () => {
    // given an invalid complaint whose review was late: no investigation, no loss, nobody responsible
    const invalid = input({ responsibleStaff: [], lossAmount: 0, breaches: [breach('review', 'wang.fang')] });
    // when
    const lines = outstandingDelayPenalties(policy, invalid, []);
    // then
    expect(shares(lines)).toEqual([{ staffId: 'wang.fang', kind: 'delay', share: 0.02, amount: 120 }]);
  });
});

describe('penalty policies are versioned data', () => {
  const older: PenaltyPolicy = { ...policy, version: 1, effectiveFrom: '2025-01-01' };
  const newer: PenaltyPolicy = { ...policy, version: 2, effectiveFrom: '2026-01-01' };

  test('the version in effect is the latest that had started, by the local date', () => {
    // when
    const lastDayOfOld = policyInEffect([newer, older], '2025-12-31T23:30:00+08:00');
    const firstDayOfNew = policyInEffect([newer, older], '2025-12-31T16:30:00Z');
    // then 16:30 UTC on 31 December is 00:30 on 1 January in Shanghai
    expect([lastDayOfOld.version, firstDayOfNew.version]).toEqual([1, 2]);
  });

  test('no version in effect yet is an error', () => {
    // when
    const attempt = () => policyInEffect([policy], '2025-06-01T10:00:00+08:00');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'NO_PENALTY_POLICY' }));
  });

  test('a policy where the supervisor loses more than the responsible person is refused', () => {
    // given
    const upsideDown: PenaltyPolicy = {
      ...policy,
      responsibility: {
        ...policy.responsibility,
        brackets: [{ lossUpTo: null, directShare: 0.05, supervisorShare: 0.1 }],
      },
    };
    // when
    const attempt = () => calculatePenalties(upsideDown, input({}));
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_PENALTY_POLICY' }));
  });

  test('a negative loss is refused', () => {
    // when
    const attempt = () => calculatePenalties(policy, input({ lossAmount: -5 }));
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_PENALTY_INPUT' }));
  });
});
