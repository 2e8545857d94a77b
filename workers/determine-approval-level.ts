import { Type } from 'typebox';
import { ApprovalThresholdsRepository } from '../db/repositories/approval-thresholds.repository';
import { actors } from '../db/repositories/complaint-events.repository';
import { approvalLevelFor, mustReportToLeadership } from '../domain/approval';
import { RESPONSIBILITIES, type Severity } from '../domain/vocabulary';
import { defineWorker } from './runtime/define-worker';
import { complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'determine-approval-level';

/**
 * Who must approve the proposed resolution: approval authority rises with the amount (核决权限;
 * 000 三.6, 001 经典版 第二条) — the department's team manager, its head, the centre director,
 * leadership — and whether the complaint, an internal company problem, must be reported to
 * leadership (001 第九条.4).
 */
export const determineApprovalLevelWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({
    ...complaintRef,
    remedyAmount: Type.Number({ minimum: 0 }),
    severity: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    responsibility: oneOf(RESPONSIBILITIES),
    teamManagerGroup: optional(Type.String()),
    directorGroup: optional(Type.String()),
  }),
  async handle(job) {
    const { complaintId, remedyAmount, responsibility, teamManagerGroup, directorGroup } = job.variables;
    const severity = job.variables.severity as Severity;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const thresholds = await new ApprovalThresholdsRepository(manager).loadApprovalThresholds();
      const department = teamManagerGroup && directorGroup ? { teamManagerGroup, directorGroup } : undefined;
      const approval = approvalLevelFor(thresholds, remedyAmount, department);
      const report = mustReportToLeadership(thresholds.reportToLeadership, {
        responsibility,
        severity,
        amount: remedyAmount,
      });
      const step = await recordStepOnce(manager, job.effectKey, {
        complaintId,
        type: 'approval_level_determined',
        actor: actors.worker(JOB_TYPE),
        occurredAt: now,
        data: {
          amount: remedyAmount,
          currency: thresholds.currency,
          upTo: approval.upTo,
          severity,
          responsibility,
        },
        variables: {
          approvalLevel: approval.level,
          approverGroup: approval.approverGroup,
          reportToLeadership: report,
        },
      });
      return complete(step.variables);
    });
  },
});
