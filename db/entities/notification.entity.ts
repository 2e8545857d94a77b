import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '../../domain/vocabulary';
import type { NotifyTransport } from '../../lib/config';

/**
 * One notification in the transactional outbox (notifications/README.md): recorded in the same
 * transaction as the step that causes it, once per idempotency key, with its text rendered then. Its
 * deliveries (one per transport) are sent by the dispatcher, at least once each.
 */
@Entity({ name: 'notification' })
export class Notification {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id!: string;
  /** Chosen by the caller, e.g. `<complaintId>:acknowledgement`; unique: enqueuing twice records once. */
  @Column({ name: 'idempotency_key', type: 'text', unique: true }) idempotencyKey!: string;
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true }) complaintId!: string | null;
  @Column({ name: 'complaint_number', type: 'text', nullable: true }) complaintNumber!: string | null;
  /** `integrator`: a webhook subscription's state-change event (notifications/README.md). */
  @Column({ type: 'text' }) audience!: 'customer' | 'staff' | 'integrator';
  /**
   * For staff: the candidate group the notice is meant for (`quality-dept-managers`); for an
   * integrator: its client id.
   */
  @Column({ name: 'recipient_group', type: 'text', nullable: true }) recipientGroup!: string | null;
  @Column({ name: 'template_key', type: 'text' }) templateKey!: string;
  /** 0 = the built-in default of notifications/templates/; n = the administrator's n-th edit. */
  @Column({ name: 'template_version', type: 'integer' }) templateVersion!: number;
  @Column({ type: 'text' }) language!: Language;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  /** The template's variables as given (dates as ISO strings); sent to webhooks as `data`. */
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One way a notification travels (log, e-mail, webhook): its own attempts, retries and outcome. */
@Entity({ name: 'notification_delivery' })
export class NotificationDelivery {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id!: string;
  @Column({ name: 'notification_id', type: 'uuid' }) notificationId!: string;
  @Column({ type: 'text' }) transport!: NotifyTransport;
  /** E-mail addresses (smtp) or the callback URL (webhook); empty for the log. Erasable. */
  @Column({ type: 'text', array: true }) recipients!: string[];
  @Column({ type: 'text' }) status!: DeliveryStatus;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error_code', type: 'text', nullable: true }) lastErrorCode!: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
}
