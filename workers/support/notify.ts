import type { EntityManager } from 'typeorm';
import type { Complaint } from '../../db/entities/complaint.entity';
import { ComplainantsRepository } from '../../db/repositories/complainants.repository';
import { StaffRepository } from '../../db/repositories/staff.repository';
import type { Language } from '../../domain/vocabulary';
import type { NotifyTransport } from '../../lib/config';
import type { CustomerRecipient, StaffRecipient } from '../../notifications/channels';
import { defaultTemplate } from '../../notifications/default-templates';
import type { TemplateValue, TemplateVariables } from '../../notifications/format';
import { enqueueNotification, type EnqueuedNotification } from '../../notifications/outbox';
import { placeholderNames } from '../../notifications/render';
import type { TemplateKey } from '../../notifications/template-keys';
import type { WorkerDeps } from '../runtime/worker-deps';

/** Staff read their notices in Chinese (the complaint centre's language); customers in their own. */
export const STAFF_LANGUAGE: Language = 'zh-CN';

/** The complainant as the outbox reaches them: the e-mail of the record and the integrator's callback URL. */
export async function customerRecipient(
  manager: EntityManager,
  complaint: Complaint,
): Promise<CustomerRecipient> {
  const contact = await new ComplainantsRepository(manager).findContactDetails(complaint.id);
  return { kind: 'customer', email: contact?.email ?? null, callbackUrl: complaint.callbackUrl };
}

/** A candidate group, with the e-mail addresses of its active members. */
export async function staffRecipient(manager: EntityManager, group: string): Promise<StaffRecipient> {
  const members = await new StaffRepository(manager).findActiveStaffInGroup(group);
  return { kind: 'staff', group, emails: members.map((m) => m.email) };
}

/**
 * The values of a template's placeholders, taken from what the step knows: only the placeholders
 * the template has (an administrator's version may use no others), so the outbox and the webhook
 * carry nothing else.
 */
export function placeholderValues(
  template: TemplateKey,
  language: Language,
  available: Readonly<Record<string, TemplateValue>>,
): TemplateVariables {
  const names = placeholderNames(defaultTemplate(template, language));
  return Object.fromEntries(names.map((name) => [name, available[name]]));
}

export interface Notice {
  readonly template: TemplateKey;
  readonly language: Language;
  readonly available: Readonly<Record<string, TemplateValue>>;
  readonly recipient: CustomerRecipient | StaffRecipient;
  readonly complaint: Complaint;
  /** The job's effect key: the same job enqueues once. */
  readonly idempotencyKey: string;
}

/** Enqueues a notice in the caller's transaction (notifications/README.md: the outbox). */
export function enqueueNotice(
  manager: EntityManager,
  deps: Pick<WorkerDeps, 'now' | 'notifyTransports'>,
  notice: Notice,
): Promise<EnqueuedNotification> {
  return enqueueNotification(manager, {
    idempotencyKey: notice.idempotencyKey,
    template: notice.template,
    language: notice.language,
    variables: placeholderValues(notice.template, notice.language, notice.available),
    recipient: notice.recipient,
    complaintId: notice.complaint.id,
    complaintNumber: notice.complaint.number,
    transports: transportsOf(deps),
    now: deps.now(),
  });
}

function transportsOf(deps: Pick<WorkerDeps, 'notifyTransports'>): readonly NotifyTransport[] {
  return deps.notifyTransports ?? ['log'];
}
