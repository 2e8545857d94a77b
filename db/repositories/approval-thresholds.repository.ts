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
}

function toStep(record: ApprovalThresholdRecord): ApprovalStep {
  return {
    level: record.level,
    upTo: record.upTo,
    approverGroup: record.approverGroup,
    ...(record.departmentGroup ? { departmentGroup: record.departmentGroup } : {}),
  };
}
