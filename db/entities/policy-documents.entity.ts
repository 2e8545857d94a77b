import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A version of the penalty policy (000 三.7; 001 第十条): the domain's `PenaltyPolicy` document. Each
 * version applies from its `effectiveFrom`; `active` marks the one an administrator publishes now.
 */
@Entity({ name: 'penalty_policy' })
export class PenaltyPolicyRecord {
  /** 1, 2, ...: a new version for every change. */
  @PrimaryColumn({ type: 'integer' }) version!: number;
  /** ISO date `YYYY-MM-DD`. */
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column({ type: 'boolean', default: false }) active!: boolean;
  @Column({ type: 'jsonb' }) document!: object;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
}

/** A version of the classification rules (the domain's `ClassificationRules` document); one is active. */
@Entity({ name: 'classification_rules' })
export class ClassificationRulesRecord {
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'boolean', default: false }) active!: boolean;
  @Column({ type: 'jsonb' }) document!: object;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
}
