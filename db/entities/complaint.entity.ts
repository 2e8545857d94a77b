import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type {
  Category,
  Channel,
  ComplaintState,
  Language,
  Nature,
  Priority,
  ReviewOutcome,
  Severity,
  Source,
} from '../../domain/vocabulary';
import { numericToNumber } from './transformers';

/** One complaint (DOMAIN §1): what the complainant told us, how it was classified, where it stands. */
@Entity({ name: 'complaint' })
export class Complaint {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `YYMM` + serial, e.g. `26110007` (001 经典版 第八条). */
  @Column({ type: 'text', unique: true }) number!: string;

  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'text' }) source!: Source;
  /** 事由: what happened, in a line. */
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true }) occurredAt!: Date | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  /** 投诉请求: what the complainant asks for. */
  @Column({ type: 'text', nullable: true }) request!: string | null;
  @Column({ name: 'declared_category', type: 'text', nullable: true }) declaredCategory!: Category | null;

  @Column({ name: 'order_number', type: 'text', nullable: true }) orderNumber!: string | null;
  @Column({ name: 'part_number', type: 'text', nullable: true }) partNumber!: string | null;
  /** ISO date `YYYY-MM-DD`. */
  @Column({ name: 'ship_date', type: 'date', nullable: true }) shipDate!: string | null;
  @Column({ type: 'integer', nullable: true }) quantity!: number | null;
  @Column({ name: 'defective_quantity', type: 'integer', nullable: true }) defectiveQuantity!: number | null;

  @Column({
    name: 'loss_amount',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericToNumber,
  })
  lossAmount!: number | null;
  @Column({ name: 'loss_currency', type: 'char', length: 3, default: 'CNY' }) lossCurrency!: string;
  @Column({ name: 'media_exposure', type: 'boolean', default: false }) mediaExposure!: boolean;
  @Column({ type: 'text', default: 'zh-CN' }) language!: Language;
  @Column({ name: 'callback_url', type: 'text', nullable: true }) callbackUrl!: string | null;
  @Column({ name: 'created_by_client_id', type: 'text', nullable: true }) createdByClientId!: string | null;

  @Column({ type: 'text', nullable: true }) category!: Category | null;
  @Column({ name: 'sub_type', type: 'text', nullable: true }) subType!: string | null;
  @Column({ type: 'smallint', nullable: true }) severity!: Severity | null;
  @Column({ type: 'text', nullable: true }) priority!: Priority | null;
  @Column({ name: 'task_priority', type: 'smallint', nullable: true }) taskPriority!: number | null;
  /** The classifier's explanation: which keywords and cues decided. */
  @Column({ type: 'jsonb', nullable: true }) classification!: object | null;
  @Column({ name: 'classified_at', type: 'timestamptz', nullable: true }) classifiedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) nature!: Nature | null;

  @Column({ name: 'review_outcome', type: 'text', nullable: true }) reviewOutcome!: ReviewOutcome | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ type: 'boolean', default: false }) malicious!: boolean;
  @Column({ name: 'department_code', type: 'text', nullable: true }) departmentCode!: string | null;

  @Column({ type: 'text', default: 'registered' }) state!: ComplaintState;
  @Column({ name: 'process_instance_key', type: 'text', nullable: true }) processInstanceKey!: string | null;
  @Column({ name: 'process_started_at', type: 'timestamptz', nullable: true }) processStartedAt!: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Optimistic locking: every update of the record increments it. */
  @VersionColumn({ type: 'integer' }) version!: number;
}
