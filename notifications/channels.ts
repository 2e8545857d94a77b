import type { NotifyTransport } from '../lib/config';

/** Who a notification is for, with what the caller knows of how to reach them. */
export type Recipient = CustomerRecipient | StaffRecipient;

/** The complainant: the e-mail address and the integrator's callback URL of the complaint, if any. */
export interface CustomerRecipient {
  readonly kind: 'customer';
  readonly email?: string | null;
  readonly callbackUrl?: string | null;
}

/** A candidate group of staff (`quality-dept-managers`), with its members' e-mail addresses if known. */
export interface StaffRecipient {
  readonly kind: 'staff';
  readonly group: string;
  readonly emails?: readonly (string | null | undefined)[];
}

export interface PlannedDelivery {
  readonly transport: NotifyTransport;
  /** E-mail addresses (smtp), the callback URL (webhook), none (log). */
  readonly recipients: readonly string[];
}

export interface DeliveryPlan {
  readonly deliveries: readonly PlannedDelivery[];
  /**
   * false when the recipient gave no address at all (no e-mail, no callback URL): the notice then only
   * goes to the log, and for a customer the caller reports CUSTOMER_UNREACHABLE (processes/README.md).
   */
  readonly reachable: boolean;
}

/**
 * Which transports a notification takes, decided when it is enqueued: a customer by e-mail if the
 * complaint has an address and by webhook if it has a callback URL (both when it has both); staff by
 * e-mail to the group's members whose address is known. A transport is used only when enabled
 * (NOTIFY_TRANSPORTS); when none applies, the log — always available — stands in.
 */
export function planDeliveries(recipient: Recipient, enabled: readonly NotifyTransport[]): DeliveryPlan {
  const emails = distinct(recipient.kind === 'customer' ? [recipient.email] : (recipient.emails ?? []));
  const urls = recipient.kind === 'customer' ? distinct([recipient.callbackUrl]) : [];
  const deliveries: PlannedDelivery[] = [];
  if (emails.length > 0 && enabled.includes('smtp'))
    deliveries.push({ transport: 'smtp', recipients: emails });
  if (urls.length > 0 && enabled.includes('webhook'))
    deliveries.push({ transport: 'webhook', recipients: urls });
  if (deliveries.length === 0) deliveries.push({ transport: 'log', recipients: [] });
  return { deliveries, reachable: emails.length + urls.length > 0 };
}

function distinct(values: readonly (string | null | undefined)[]): string[] {
  const present = values.map((value) => value?.trim() ?? '').filter((value) => value !== '');
  return [...new Set(present)];
}
