import { DomainError, type LocalizedText } from '../domain-error';
import type { Deadline, Responsibility } from '../vocabulary';
import { explainDelay, explainResponsibility } from './penalty-explanations';
import { checkPenaltyPolicy, type PenaltyPolicy } from './penalty-policy';

/** A person the investigation found responsible. */
export interface ResponsibleStaff {
  readonly staffId: string;
  readonly role: 'direct' | 'supervisor';
  /** The month's performance pay the share is taken from (CNY). */
  readonly monthlyPerformancePay: number;
  /** For a directly responsible person: their supervisor (who is penalised when listed as `supervisor`). */
  readonly supervisorId?: string;
}

/** A deadline that was missed, and who held the task then. */
export interface DeadlineBreach {
  readonly deadline: Deadline;
  readonly heldBy: string;
  readonly monthlyPerformancePay: number;
}

export interface PenaltyInput {
  readonly responsibility: Responsibility;
  /** The assessed loss (CNY). */
  readonly lossAmount: number;
  readonly responsibleStaff: readonly ResponsibleStaff[];
  readonly breaches: readonly DeadlineBreach[];
}

/** One deduction from one person's performance pay. */
export interface PenaltyLine {
  readonly staffId: string;
  readonly kind: 'responsibility' | 'delay';
  /** Share of the month's performance pay, 0–1. */
  readonly share: number;
  /** CNY, rounded to the fen. */
  readonly amount: number;
  readonly explanation: LocalizedText;
}

const roundShare = (share: number) => Math.round(share * 1e6) / 1e6;
const money = (base: number, share: number) => Math.round(base * share * 100) / 100;

/**
 * The penalties of a complaint (000 三.7; 001 第十条): the directly responsible people and their
 * supervisors lose a share of the month's performance pay that grows with the loss (halved, or the
 * policy's factor, when the customer shares the responsibility); whoever held a task when its
 * deadline was missed loses a share per breach. Nothing when the customer alone was responsible
 * (delays too, unless the policy says otherwise). Each person's total is capped.
 */
export function calculatePenalties(policy: PenaltyPolicy, input: PenaltyInput): PenaltyLine[] {
  checkPenaltyPolicy(policy);
  checkInput(input);
  const customerOnly = input.responsibility === 'customer';
  const responsibility = customerOnly ? [] : responsibilityPenalties(policy, input);
  const delays =
    customerOnly && !policy.delay.evenWhenCustomerResponsible ? [] : delayPenalties(policy, input.breaches);
  const cap = policy.caps.maxSharePerPerson;
  const lines: PenaltyLine[] = [];
  for (const r of responsibility) {
    const share = roundShare(Math.min(r.share, cap));
    const amount = money(r.base, share);
    const explanation = explainResponsibility({ policy, ...r, share, capped: share < r.share, amount });
    if (share > 0) lines.push({ staffId: r.staffId, kind: 'responsibility', share, amount, explanation });
  }
  for (const d of delays) {
    const taken = lines.filter((l) => l.staffId === d.staffId).reduce((sum, l) => sum + l.share, 0);
    const share = roundShare(Math.max(0, Math.min(d.share, cap - taken)));
    const amount = money(d.base, share);
    const explanation = explainDelay({ policy, ...d, share, capped: share < d.share, amount });
    if (share > 0) lines.push({ staffId: d.staffId, kind: 'delay', share, amount, explanation });
  }
  return lines;
}

/** A penalty already booked for the complaint: whose, of which kind, what share. */
export interface BookedShare {
  readonly staffId: string;
  readonly kind: 'responsibility' | 'delay';
  readonly share: number;
}

/**
 * The delay penalties still owed for a complaint whose penalties were booked before some of its
 * deadlines were missed (the follow-up visit comes after the settlement), or that never reached a
 * settlement (found invalid or malicious after a late review): what the whole record calls for now,
 * less the delay share each person was already charged. The caps hold over all bookings together.
 */
export function outstandingDelayPenalties(
  policy: PenaltyPolicy,
  input: PenaltyInput,
  booked: readonly BookedShare[],
): PenaltyLine[] {
  const owed = calculatePenalties(policy, input).filter((line) => line.kind === 'delay');
  const lines: PenaltyLine[] = [];
  for (const line of owed) {
    const charged = roundShare(
      booked
        .filter((b) => b.staffId === line.staffId && b.kind === 'delay')
        .reduce((sum, b) => sum + b.share, 0),
    );
    const share = roundShare(line.share - charged);
    if (share <= 0) continue;
    const held = input.breaches.filter((b) => b.heldBy === line.staffId);
    const base = held[0].monthlyPerformancePay;
    const amount = money(base, share);
    const uncapped = roundShare(Math.min(held.length * policy.delay.sharePerBreach, policy.delay.maxShare));
    const explanation = explainDelay({
      policy,
      deadlines: held.map((b) => b.deadline),
      share,
      capped: line.share < uncapped,
      base,
      amount,
      alreadyBooked: charged,
    });
    lines.push({ staffId: line.staffId, kind: 'delay', share, amount, explanation });
  }
  return lines;
}

function responsibilityPenalties(policy: PenaltyPolicy, input: PenaltyInput) {
  const brackets = policy.responsibility.brackets;
  const bracketIndex = brackets.findIndex((b) => b.lossUpTo === null || input.lossAmount <= b.lossUpTo);
  const bracket = brackets[bracketIndex];
  const shared = input.responsibility === 'shared';
  const factor = shared ? policy.responsibility.sharedFactor : 1;
  const people = new Map<string, ResponsibleStaff>();
  for (const person of input.responsibleStaff) {
    const known = people.get(person.staffId);
    if (!known || (known.role === 'supervisor' && person.role === 'direct'))
      people.set(person.staffId, person);
  }
  return [...people.values()].map((person) => {
    const bracketShare = person.role === 'direct' ? bracket.directShare : bracket.supervisorShare;
    const supervisorOf = input.responsibleStaff
      .filter((p) => p.role === 'direct' && p.supervisorId === person.staffId)
      .map((p) => p.staffId);
    return {
      staffId: person.staffId,
      role: person.role,
      supervisorOf: person.role === 'supervisor' ? supervisorOf : [],
      lossAmount: input.lossAmount,
      bracketIndex,
      bracketShare,
      shared,
      share: roundShare(bracketShare * factor),
      base: person.monthlyPerformancePay,
    };
  });
}

function delayPenalties(policy: PenaltyPolicy, breaches: readonly DeadlineBreach[]) {
  const byPerson = new Map<string, DeadlineBreach[]>();
  for (const breach of breaches)
    byPerson.set(breach.heldBy, [...(byPerson.get(breach.heldBy) ?? []), breach]);
  return [...byPerson.entries()].map(([staffId, held]) => ({
    staffId,
    deadlines: held.map((b) => b.deadline),
    share: roundShare(Math.min(held.length * policy.delay.sharePerBreach, policy.delay.maxShare)),
    base: held[0].monthlyPerformancePay,
  }));
}

function checkInput(input: PenaltyInput): void {
  const problems: string[] = [];
  if (!(Number.isFinite(input.lossAmount) && input.lossAmount >= 0))
    problems.push(`lossAmount must be ≥ 0, not ${input.lossAmount}`);
  for (const p of [...input.responsibleStaff, ...input.breaches]) {
    if (!(Number.isFinite(p.monthlyPerformancePay) && p.monthlyPerformancePay >= 0)) {
      problems.push(`the monthly performance pay of ${'staffId' in p ? p.staffId : p.heldBy} must be ≥ 0`);
    }
  }
  if (problems.length > 0) throw new DomainError('INVALID_PENALTY_INPUT', problems.join('; '));
}
