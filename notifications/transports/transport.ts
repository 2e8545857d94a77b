import type { ClaimedDelivery } from '../../db/repositories/notifications.repository';
import type { NotifyTransport } from '../../lib/config';
import type { Logger } from '../../lib/logger';

/** One delivery to make: the notification's rendered text and where it goes. */
export interface OutgoingNotification extends ClaimedDelivery {
  /** This attempt's number, 1 for the first. */
  readonly attempt: number;
}

export interface SendContext {
  /** The dispatcher's clock (webhook signatures are timed with it). */
  readonly now: Date;
  /** The dispatcher's logger, bound to this delivery. */
  readonly log: Logger;
}

/**
 * A way to send notifications. `send` resolves when the receiver accepted the message, and throws a
 * DeliveryError otherwise (permanent: never retried; transient: retried with back-off). Any other
 * error counts as transient.
 */
export interface Transport {
  readonly name: NotifyTransport;
  send(notification: OutgoingNotification, context: SendContext): Promise<void>;
  /** Releases connections (SMTP pool); called once when the dispatcher's owner stops it. */
  close?(): Promise<void>;
}

export type Transports = Readonly<Partial<Record<NotifyTransport, Transport>>>;
