import type { EntityManager } from 'typeorm';
import type { Language } from '../../domain/vocabulary';
import type { NotifyTransport } from '../../lib/config';
import type { DeliveryStatus } from '../entities/notification.entity';

/** Whom a notification is for: the complainant, staff, or an integrator's webhook subscription. */
export type NotificationAudience = 'customer' | 'staff' | 'integrator';

/** A notification to record, with its text already rendered and its deliveries planned. */
export interface NewNotification {
  readonly idempotencyKey: string;
  readonly complaintId: string | null;
  readonly complaintNumber: string | null;
  readonly audience: NotificationAudience;
  readonly recipientGroup: string | null;
  readonly templateKey: string;
  readonly templateVersion: number;
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly deliveries: readonly { transport: NotifyTransport; recipients: readonly string[] }[];
}

export interface RecordedNotification {
  readonly notificationId: string;
  /** false: a notification with this idempotency key was already recorded; nothing was added. */
  readonly created: boolean;
  readonly transports: NotifyTransport[];
}

/** A delivery a dispatcher holds (its row locked until the dispatcher's transaction ends). */
export interface ClaimedDelivery {
  readonly deliveryId: string;
  readonly notificationId: string;
  readonly transport: NotifyTransport;
  readonly recipients: string[];
  /** Attempts made before this one. */
  readonly attempts: number;
  readonly templateKey: string;
  readonly language: Language;
  readonly audience: NotificationAudience;
  readonly recipientGroup: string | null;
  readonly complaintNumber: string | null;
  readonly subject: string;
  readonly body: string;
  readonly data: Record<string, unknown>;
  readonly createdAt: Date;
}

export interface DeliveryState {
  readonly deliveryId: string;
  readonly transport: NotifyTransport;
  readonly recipients: string[];
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
  readonly failedAt: Date | null;
}

/**
 * Records a notification and its deliveries in the caller's transaction, once per idempotency key:
 * a second call with the same key (a redelivered job, a retried request) adds nothing and answers the
 * first one's id. Safe under concurrency: the unique key decides, the loser waits and reads.
 */
export async function recordNotification(
  manager: EntityManager,
  notification: NewNotification,
): Promise<RecordedNotification> {
  const n = notification;
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO notification (idempotency_key, complaint_id, complaint_number, audience, recipient_group,
       template_key, template_version, language, subject, body, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [
      n.idempotencyKey,
      n.complaintId,
      n.complaintNumber,
      n.audience,
      n.recipientGroup,
      n.templateKey,
      n.templateVersion,
      n.language,
      n.subject,
      n.body,
      JSON.stringify(n.data),
      n.createdAt,
    ],
  );
  if (inserted.length === 0) {
    const existing = await findNotificationByIdempotencyKey(manager, n.idempotencyKey);
    if (!existing) throw new Error(`notification ${n.idempotencyKey} vanished after a conflict`);
    return { ...existing, created: false };
  }
  const notificationId = inserted[0].id;
  for (const delivery of n.deliveries) {
    await manager.query(
      `INSERT INTO notification_delivery (notification_id, transport, recipients, next_attempt_at)
       VALUES ($1, $2, $3, $4)`,
      [notificationId, delivery.transport, delivery.recipients, n.createdAt],
    );
  }
  return { notificationId, created: true, transports: n.deliveries.map((d) => d.transport) };
}

/** The notification recorded under an idempotency key, with the transports of its deliveries. */
export async function findNotificationByIdempotencyKey(
  manager: EntityManager,
  idempotencyKey: string,
): Promise<{ notificationId: string; transports: NotifyTransport[] } | null> {
  const rows: { id: string; transports: NotifyTransport[] | null }[] = await manager.query(
    `SELECT n.id, array_remove(array_agg(d.transport ORDER BY d.transport), NULL) AS transports
       FROM notification n LEFT JOIN notification_delivery d ON d.notification_id = n.id
      WHERE n.idempotency_key = $1
      GROUP BY n.id`,
    [idempotencyKey],
  );
  return rows.length === 0 ? null : { notificationId: rows[0].id, transports: rows[0].transports ?? [] };
}

/** How each delivery of a notification stands. */
export async function findDeliveriesOfNotification(
  manager: EntityManager,
  notificationId: string,
): Promise<DeliveryState[]> {
  return manager.query(
    `SELECT id AS "deliveryId", transport, recipients, status, attempts, next_attempt_at AS "nextAttemptAt",
            last_error_code AS "lastErrorCode", last_error AS "lastError", sent_at AS "sentAt",
            failed_at AS "failedAt"
       FROM notification_delivery WHERE notification_id = $1 ORDER BY transport`,
    [notificationId],
  );
}

/**
 * Claims the pending delivery due longest ago (due = `next_attempt_at` ≤ now) and locks it for the
 * rest of the caller's transaction. `SKIP LOCKED`: rows other dispatchers hold are passed over, not
 * waited for, so any number of dispatchers share the work and never hold the same delivery; if a
 * dispatcher dies, its transaction rolls back and the row is free again.
 */
export async function claimNextDueDelivery(
  manager: EntityManager,
  now: Date,
): Promise<ClaimedDelivery | null> {
  const rows: ClaimedDelivery[] = await manager.query(
    `SELECT d.id AS "deliveryId", d.notification_id AS "notificationId", d.transport, d.recipients, d.attempts,
            n.template_key AS "templateKey", n.language, n.audience, n.recipient_group AS "recipientGroup",
            n.complaint_number AS "complaintNumber", n.subject, n.body, n.data, n.created_at AS "createdAt"
       FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= $1
      ORDER BY d.next_attempt_at, d.id
      LIMIT 1
      FOR UPDATE OF d SKIP LOCKED`,
    [now],
  );
  return rows[0] ?? null;
}

export async function markDeliverySent(
  manager: EntityManager,
  deliveryId: string,
  attempts: number,
  sentAt: Date,
): Promise<void> {
  await manager.query(
    `UPDATE notification_delivery
        SET status = 'sent', attempts = $2, sent_at = $3, last_error_code = NULL, last_error = NULL
      WHERE id = $1`,
    [deliveryId, attempts, sentAt],
  );
}

export async function scheduleDeliveryRetry(
  manager: EntityManager,
  deliveryId: string,
  retry: { attempts: number; nextAttemptAt: Date; errorCode: string; error: string },
): Promise<void> {
  await manager.query(
    `UPDATE notification_delivery
        SET attempts = $2, next_attempt_at = $3, last_error_code = $4, last_error = $5
      WHERE id = $1`,
    [deliveryId, retry.attempts, retry.nextAttemptAt, retry.errorCode, retry.error],
  );
}

export async function markDeliveryFailed(
  manager: EntityManager,
  deliveryId: string,
  failure: { attempts: number; failedAt: Date; errorCode: string; error: string },
): Promise<void> {
  await manager.query(
    `UPDATE notification_delivery
        SET status = 'failed', attempts = $2, failed_at = $3, last_error_code = $4, last_error = $5
      WHERE id = $1`,
    [deliveryId, failure.attempts, failure.failedAt, failure.errorCode, failure.error],
  );
}

/**
 * On a request to erase a complainant's personal data: the addresses of every delivery to that
 * complaint's customer are removed, and those not yet sent are marked failed (RECIPIENT_ERASED).
 * Returns how many deliveries were touched.
 */
export async function eraseCustomerRecipients(
  manager: EntityManager,
  complaintId: string,
  now: Date,
): Promise<number> {
  const [, touched]: [unknown[], number] = await manager.query(
    `UPDATE notification_delivery d
        SET recipients = '{}',
            status = CASE WHEN d.status = 'pending' THEN 'failed' ELSE d.status END,
            failed_at = CASE WHEN d.status = 'pending' THEN $2 ELSE d.failed_at END,
            last_error_code = CASE WHEN d.status = 'pending' THEN 'RECIPIENT_ERASED' ELSE d.last_error_code END,
            last_error = CASE WHEN d.status = 'pending'
                              THEN 'The complainant''s contact details were erased' ELSE d.last_error END
       FROM notification n
      WHERE n.id = d.notification_id AND n.complaint_id = $1 AND n.audience = 'customer'`,
    [complaintId, now],
  );
  return touched;
}
