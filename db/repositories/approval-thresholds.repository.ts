import type { EntityManager } from 'typeorm';
import type { ApprovalStep, ApprovalThresholds } from '../../domain/approval';
import { NotFoundError } from '../../lib/errors';
import { ApprovalThresholdRecord, LeadershipReportRuleRecord } from '../entities/approval-threshold.entity';

/** Approval authority (核决权限; 000 三.6) and the rule for reporting to leadership, in the domain's shape. */
export class ApprovalThresholdsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The steps in ascending order of their limit (no limit last); fails with NO_APPROVAL_THRESHOLDS. */
  async loadApprovalThresholds(): Promise<ApprovalThresholds> {
    const steps = await this.manager
      .createQueryBuilder(ApprovalThresholdRecord, 't')
      .orderBy('t.up_to', 'ASC', 'NULLS LAST')
      .getMany();
    const rule = await this.manager.findOneBy(LeadershipReportRuleRecord, { id: true });
    if (steps.length === 0 || !rule) {
      throw new NotFoundError(
        'The approval thresholds are not set: seed the reference data or add them',
        'NO_APPROVAL_THRESHOLDS',
      );
    }
    return {
      currency: steps[0].currency,
      steps: steps.map(toStep),
      reportToLeadership: {
        responsibilities: rule.responsibilities,
        fromSeverity: rule.fromSeverity,
        amountAbove: rule.amountAbove,
      },
    };
  }

  /** Replaces the approval steps and the leadership rule at once (an administrator's edit, checked before). */
  async replaceApprovalThresholds(thresholds: ApprovalThresholds, at: Date): Promise<void> {
    await this.manager.transaction(async (m) => {
      await m.query(`DELETE FROM approval_threshold`);
      for (const step of thresholds.steps) {
        await m.query(
          `INSERT INTO approval_threshold (level, up_to, currency, approver_group, department_group, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [step.level, step.upTo, thresholds.currency, step.approverGroup, step.departmentGroup ?? null, at],
        );
      }
      const rule = thresholds.reportToLeadership;
      await m.query(
        `INSERT INTO leadership_report_rule (id, responsibilities, from_severity, amount_above, updated_at)
         VALUES (true, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET responsibilities = $1, from_severity = $2, amount_above = $3,
                                        updated_at = $4`,
        [[...rule.responsibilities], rule.fromSeverity, rule.amountAbove, at],
      );
    });
  }
}

function toStep(record: ApprovalThresholdRecord): ApprovalStep {
  return {
    level: record.level,
    upTo: record.upTo,
    approverGroup: record.approverGroup,
    ...(record.departmentGroup ? { departmentGroup: record.departmentGroup } : {}),
  };
}
