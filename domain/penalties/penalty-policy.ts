import { DateTime } from 'luxon';
import { DomainError, type Instant } from '../domain-error';

/**
 * A loss bracket: losses up to `lossUpTo` (CNY, inclusive; `null` = no limit) cost the directly
 * responsible person `directShare` of the month's performance pay and their supervisor
 * `supervisorShare` (smaller). 000 三.7: "依照投诉所造成的损失大小,扣罚责任人的一定比例的绩效工资或奖金".
 */
export interface LossBracket {
  readonly lossUpTo: number | null;
  readonly directShare: number;
  readonly supervisorShare: number;
}

/** A versioned penalty policy (domain/defaults/penalty-policy.json). */
export interface PenaltyPolicy {
  /** 1, 2, ...: a new version for every change, so past penalties can be explained by the policy they used. */
  readonly version: number;
  /** Local date `YYYY-MM-DD` from which complaints are penalised under this version. */
  readonly effectiveFrom: string;
  readonly currency: string;
  readonly responsibility: {
    /** Ascending by `lossUpTo`; the last has `lossUpTo: null`. */
    readonly brackets: readonly LossBracket[];
    /** Factor on the responsibility shares when the customer shares the responsibility (e.g. 0.5). */
    readonly sharedFactor: number;
  };
  /** Whoever held a task when its deadline was breached (001 第十条: 久拖不决). */
  readonly delay: {
    readonly sharePerBreach: number;
    /** Most a person loses for delays on one complaint. */
    readonly maxShare: number;
    /** Penalise delays even when the customer alone was responsible for the complaint. */
    readonly evenWhenCustomerResponsible: boolean;
  };
  readonly caps: {
    /** Most a person loses on one complaint, all kinds together (share of the month's performance pay). */
    readonly maxSharePerPerson: number;
  };
}

/** Checks a policy's numbers; throws INVALID_PENALTY_POLICY with every problem. */
export function checkPenaltyPolicy(policy: PenaltyPolicy): void {
  const problems: string[] = [];
  const share = (value: number, what: string) => {
    if (!(value >= 0 && value <= 1)) problems.push(`${what} must be a share between 0 and 1, not ${value}`);
  };
  const brackets = policy.responsibility.brackets;
  if (brackets.length === 0 || brackets[brackets.length - 1].lossUpTo !== null) {
    problems.push('the last loss bracket must be unlimited (lossUpTo: null)');
  }
  brackets.forEach((b, i) => {
    share(b.directShare, `bracket ${i + 1} directShare`);
    share(b.supervisorShare, `bracket ${i + 1} supervisorShare`);
    if (b.supervisorShare > b.directShare)
      problems.push(`bracket ${i + 1}: the supervisor's share must not exceed the direct share`);
    const previous = i > 0 ? brackets[i - 1].lossUpTo : -Infinity;
    if (previous === null || (b.lossUpTo !== null && b.lossUpTo <= previous))
      problems.push(`bracket ${i + 1} is out of order`);
  });
  share(policy.responsibility.sharedFactor, 'responsibility.sharedFactor');
  share(policy.delay.sharePerBreach, 'delay.sharePerBreach');
  share(policy.delay.maxShare, 'delay.maxShare');
  share(policy.caps.maxSharePerPerson, 'caps.maxSharePerPerson');
  if (problems.length > 0) {
    throw new DomainError(
      'INVALID_PENALTY_POLICY',
      `penalty policy ${policy.version}: ${problems.join('; ')}`,
    );
  }
}

/**
 * The policy version in effect at an instant: the latest `effectiveFrom` on or before it (dates
 * compared in the given zone). Throws NO_PENALTY_POLICY when none was in effect yet.
 */
export function policyInEffect(
  policies: readonly PenaltyPolicy[],
  at: Instant,
  timeZone = 'Asia/Shanghai',
): PenaltyPolicy {
  const zoned = typeof at === 'string' ? DateTime.fromISO(at, { zone: timeZone }) : DateTime.fromJSDate(at);
  const day = zoned.setZone(timeZone).toISODate();
  if (!day) throw new DomainError('INVALID_INSTANT', `"${String(at)}" is not an ISO 8601 date-time`);
  const candidates = policies.filter((p) => p.effectiveFrom <= day);
  const latest = candidates.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!latest) throw new DomainError('NO_PENALTY_POLICY', `no penalty policy was in effect on ${day}`);
  return latest;
}
