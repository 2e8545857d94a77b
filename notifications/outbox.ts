import type { EntityManager } from 'typeorm';
import {
  findNotificationByIdempotencyKey,
  recordNotification,
} from '../db/repositories/notifications.repository';
import type { Language } from '../domain/vocabulary';
import type { NotifyTransport } from '../lib/config';
import { planDeliveries, type Recipient } from './channels';
import { TemplateError } from './errors';
import type { TemplateVariables } from './format';
import { renderTemplate } from './render';
import type { TemplateKey } from './template-keys';
import { currentTemplate } from './templates';

export interface NotificationRequest {
  /** Unique per notification, e.g. `<complaintId>:result` or the job key: the same key records once. */
  readonly idempotencyKey: string;
  readonly template: TemplateKey;
  readonly language: Language;
  /** The template's placeholders' values (processes/README.md variables, dates as ISO strings or Dates). */
  readonly variables: TemplateVariables;
  readonly recipient: Recipient;
  readonly complaintId?: string | null;
  readonly complaintNumber?: string | null;
  /** The transports enabled (config `notifications.transports`). */
  readonly transports: readonly NotifyTransport[];
  /** When it is enqueued: its deliveries are due from then. */
  readonly now: Date;
  /** Dates are written in this zone; default Asia/Shanghai. */
  readonly timeZone?: string;
}

export interface EnqueuedNotification {
  readonly notificationId: string;
  /** false: this idempotency key was already enqueued; nothing new was recorded. */
  readonly created: boolean;
  readonly transports: readonly NotifyTransport[];
  /** false: the recipient has no address at all; the notice went to the log only. */
  readonly reachable: boolean;
}

/**
 * Records a notification in the caller's transaction (the transactional outbox): it is committed
 * with the step that causes it, or not at all, and the dispatcher sends it afterwards — at least once
 * per transport, recorded once. The text is rendered now, from the template in force, so a missing
 * value fails here, in the caller, with TEMPLATE_PLACEHOLDER_MISSING; the record keeps exactly what
 * is sent. Enqueuing again with the same idempotency key returns the first notification.
 */
export async function enqueueNotification(
  manager: EntityManager,
  request: NotificationRequest,
): Promise<EnqueuedNotification> {
  const plan = planDeliveries(request.recipient, request.transports);
  const existing = await findNotificationByIdempotencyKey(manager, request.idempotencyKey);
  if (existing) return { ...existing, created: false, reachable: plan.reachable };

  const template = await currentTemplate(manager, request.template, request.language);
  if (template.audience !== request.recipient.kind) {
    throw new TemplateError(
      'NOTIFICATION_RECIPIENT_MISMATCH',
      `The template "${request.template}" is for ${template.audience}, not for ${request.recipient.kind}`,
    );
  }
  const text = renderTemplate(template, request.variables, {
    language: request.language,
    timeZone: request.timeZone,
    templateName: `${request.template} (${request.language}, version ${template.version})`,
  });
  const recorded = await recordNotification(manager, {
    idempotencyKey: request.idempotencyKey,
    complaintId: request.complaintId ?? null,
    complaintNumber: request.complaintNumber ?? null,
    audience: template.audience,
    recipientGroup: request.recipient.kind === 'staff' ? request.recipient.group : null,
    templateKey: request.template,
    templateVersion: template.version,
    language: request.language,
    subject: text.subject,
    body: text.body,
    data: serialisable(request.variables),
    createdAt: request.now,
    deliveries: plan.deliveries,
  });
  return { ...recorded, reachable: plan.reachable };
}

function serialisable(variables: TemplateVariables): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (value !== undefined) data[name] = value instanceof Date ? value.toISOString() : value;
  }
  return data;
}
