import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalLevel, Responsibility, Severity } from '../../domain/vocabulary';
import { numericToNumber } from './transformers';

/** Approval authority (核决权限): up to which amount a level approves (inclusive); null = no limit. */
@Entity({ name: 'approval_threshold' })
export class ApprovalThresholdRecord {
  @PrimaryColumn({ type: 'text' }) level!: ApprovalLevel;
  @Column({
    name: 'up_to',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericToNumber,
  })
  upTo!: number | null;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  /** The approving candidate group, used when no routed department's own group applies. */
  @Column({ name: 'approver_group', type: 'text' }) approverGroup!: string;
  /** Which group of the routed department approves at this level, if the department's own. */
  @Column({ name: 'department_group', type: 'text', nullable: true })
  departmentGroup!: 'teamManagerGroup' | 'directorGroup' | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** The one rule for reporting an internal company problem up to leadership (001 第九条.4). */
@Entity({ name: 'leadership_report_rule' })
export class LeadershipReportRuleRecord {
  @PrimaryColumn({ type: 'boolean', default: true }) id!: boolean;
  @Column({ type: 'text', array: true }) responsibilities!: Responsibility[];
  @Column({ name: 'from_severity', type: 'smallint' }) fromSeverity!: Severity;
  @Column({ name: 'amount_above', type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  amountAbove!: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
