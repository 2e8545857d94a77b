import { DomainError } from './domain-error';
import type { Department } from './routing';
import type { ApprovalLevel, Responsibility, Severity } from './vocabulary';

/** One step of the approval authority (核决权限): amounts up to `upTo` (inclusive; `null` = no limit). */
export interface ApprovalStep {
  readonly level: ApprovalLevel;
  readonly upTo: number | null;
  /**
   * The candidate group that approves. For the department's own levels the group is taken from the
   * routed department (`teamManagerGroup` / `directorGroup`) when one is given; this is the fallback.
   */
  readonly approverGroup: string;
  readonly departmentGroup?: 'teamManagerGroup' | 'directorGroup';
}

/** When an internal company problem must be reported to leadership (001 第九条.4). */
export interface LeadershipReportRule {
  /** Responsibilities that make it a company problem. */
  readonly responsibilities: readonly Responsibility[];
  /** Report from this severity on (3 = system failure or another department's error caused a loss). */
  readonly fromSeverity: Severity;
  /** Report when the remedy amount is above this (CNY), whatever the severity. */
  readonly amountAbove: number;
}

/** domain/defaults/approval-thresholds.json. */
export interface ApprovalThresholds {
  readonly currency: string;
  /** In ascending order of `upTo`; the last has `upTo: null`. */
  readonly steps: readonly ApprovalStep[];
  readonly reportToLeadership: LeadershipReportRule;
}

/** Who must approve a resolution. */
export interface ApprovalDecision {
  readonly level: ApprovalLevel;
  readonly approverGroup: string;
  /** The limit of that level (CNY), `null` for the last level. */
  readonly upTo: number | null;
}

/** The groups of the routed department, as the process variables carry them. */
export type DepartmentGroups = Pick<Department, 'teamManagerGroup' | 'directorGroup'>;

/**
 * The lowest level whose authority covers the amount (amounts at a limit belong to that level), and
 * its approver group: the routed department's own group for the department's levels.
 */
export function approvalLevelFor(
  thresholds: ApprovalThresholds,
  amount: number,
  department?: DepartmentGroups,
): ApprovalDecision {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new DomainError('INVALID_AMOUNT', `a remedy amount must be a number ≥ 0 (CNY), not ${amount}`);
  }
  checkApprovalThresholds(thresholds);
  const step = thresholds.steps.find((s) => s.upTo === null || amount <= s.upTo) as ApprovalStep;
  const fromDepartment = step.departmentGroup && department ? department[step.departmentGroup] : undefined;
  return { level: step.level, approverGroup: fromDepartment ?? step.approverGroup, upTo: step.upTo };
}

/** Checks the approval steps (an administrator's edit); throws INVALID_APPROVAL_THRESHOLDS. */
export function checkApprovalThresholds(thresholds: ApprovalThresholds): void {
  const steps = thresholds.steps;
  const last = steps[steps.length - 1];
  const ascending = steps.every((s, i) => i === 0 || (s.upTo ?? Infinity) > (steps[i - 1].upTo ?? Infinity));
  if (!last || last.upTo !== null || !ascending || steps.some((s) => s.upTo !== null && s.upTo < 0)) {
    throw new DomainError(
      'INVALID_APPROVAL_THRESHOLDS',
      'approval steps must rise in amount (CNY ≥ 0) and end with an unlimited step (upTo: null)',
    );
  }
}

/** The facts the leadership rule looks at. */
export interface LeadershipReportFacts {
  readonly responsibility: Responsibility;
  readonly severity: Severity;
  readonly amount: number;
}

/**
 * Must the complaint be reported to leadership? Only internal company problems (the company's or a
 * shared responsibility, never the customer's alone), and then when they are severe (a system
 * failure or another department's error caused the loss) or cost more than the rule's amount.
 */
export function mustReportToLeadership(rule: LeadershipReportRule, facts: LeadershipReportFacts): boolean {
  if (!rule.responsibilities.includes(facts.responsibility)) return false;
  return facts.severity >= rule.fromSeverity || facts.amount > rule.amountAbove;
}
