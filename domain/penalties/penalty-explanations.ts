import type { LocalizedText } from '../domain-error';
import type { Deadline } from '../vocabulary';
import type { LossBracket, PenaltyPolicy } from './penalty-policy';

const number = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (share: number) => `${Math.round(share * 10000) / 100}%`;
const zhMoney = (currency: string, amount: number) =>
  `${currency === 'CNY' ? '¥' : `${currency} `}${number.format(amount)}`;
const enMoney = (currency: string, amount: number) => `${currency} ${number.format(amount)}`;

/** The steps of a computation, in both languages, joined into one explanation. */
interface Steps {
  readonly zh: string[];
  readonly en: string[];
}

function bracketText(policy: PenaltyPolicy, bracket: LossBracket, index: number): LocalizedText {
  const c = policy.currency;
  const lower = index === 0 ? 0 : (policy.responsibility.brackets[index - 1].lossUpTo ?? 0);
  if (bracket.lossUpTo === null)
    return { zh: `${zhMoney(c, lower)} 以上档`, en: `the bracket above ${enMoney(c, lower)}` };
  return {
    zh: `${zhMoney(c, lower)}–${zhMoney(c, bracket.lossUpTo)} 档`,
    en: `the bracket ${enMoney(c, lower)}–${number.format(bracket.lossUpTo)}`,
  };
}

/** How a responsibility penalty was computed. */
export function explainResponsibility(args: {
  policy: PenaltyPolicy;
  role: 'direct' | 'supervisor';
  supervisorOf: readonly string[];
  lossAmount: number;
  bracketIndex: number;
  bracketShare: number;
  shared: boolean;
  share: number;
  capped: boolean;
  base: number;
  amount: number;
}): LocalizedText {
  const { policy, bracketIndex } = args;
  const c = policy.currency;
  const bracket = bracketText(policy, policy.responsibility.brackets[bracketIndex], bracketIndex);
  const who =
    args.role === 'direct'
      ? { zh: '直接责任人', en: 'Directly responsible' }
      : {
          zh: `主管${args.supervisorOf.length ? `(${args.supervisorOf.join('、')} 的主管)` : ''}`,
          en: `Supervisor${args.supervisorOf.length ? ` of ${args.supervisorOf.join(', ')}` : ''}`,
        };
  const steps: Steps = {
    zh: [
      `${who.zh}:损失 ${zhMoney(c, args.lossAmount)} 属于 ${bracket.zh},扣当月绩效工资 ${percent(args.bracketShare)}`,
    ],
    en: [
      `${who.en}: a loss of ${enMoney(c, args.lossAmount)} falls in ${bracket.en}: ${percent(args.bracketShare)} of the month's performance pay`,
    ],
  };
  if (args.shared) {
    const factor = policy.responsibility.sharedFactor;
    steps.zh.push(`双方责任 ×${factor}`);
    steps.en.push(`shared responsibility ×${factor}`);
  }
  return finish(steps, args.capped, policy, args.base, args.share, args.amount);
}

/** How a delay penalty was computed. */
export function explainDelay(args: {
  policy: PenaltyPolicy;
  deadlines: readonly Deadline[];
  share: number;
  capped: boolean;
  base: number;
  amount: number;
  /** The delay share booked for the same complaint before (outstanding delays only). */
  alreadyBooked?: number;
}): LocalizedText {
  const { policy } = args;
  const n = args.deadlines.length;
  const uncapped = n * policy.delay.sharePerBreach;
  const steps: Steps = {
    zh: [
      `逾期 ${n} 次(${args.deadlines.join('、')}),每次 ${percent(policy.delay.sharePerBreach)},合计 ${percent(uncapped)}`,
    ],
    en: [
      `${n} missed deadline${n === 1 ? '' : 's'} (${args.deadlines.join(', ')}) at ${percent(policy.delay.sharePerBreach)} each: ${percent(uncapped)}`,
    ],
  };
  if (uncapped > policy.delay.maxShare) {
    steps.zh.push(`逾期处罚上限 ${percent(policy.delay.maxShare)}`);
    steps.en.push(`delay penalties capped at ${percent(policy.delay.maxShare)}`);
  }
  if (args.alreadyBooked) {
    steps.zh.push(`已扣 ${percent(args.alreadyBooked)},本次补扣 ${percent(args.share)}`);
    steps.en.push(`${percent(args.alreadyBooked)} booked before: ${percent(args.share)} outstanding`);
  }
  return finish(steps, args.capped, policy, args.base, args.share, args.amount);
}

function finish(
  steps: Steps,
  capped: boolean,
  policy: PenaltyPolicy,
  base: number,
  share: number,
  amount: number,
): LocalizedText {
  const c = policy.currency;
  if (capped) {
    steps.zh.push(`每人每宗投诉合计上限 ${percent(policy.caps.maxSharePerPerson)}`);
    steps.en.push(`capped at ${percent(policy.caps.maxSharePerPerson)} per person per complaint`);
  }
  steps.zh.push(
    `${zhMoney(c, base)} × ${percent(share)} = ${zhMoney(c, amount)}(处罚政策第 ${policy.version} 版)`,
  );
  steps.en.push(
    `${enMoney(c, base)} × ${percent(share)} = ${enMoney(c, amount)} (penalty policy v${policy.version})`,
  );
  return { zh: steps.zh.join(';'), en: steps.en.join('; ') };
}
