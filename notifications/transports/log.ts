import { maskContactDetails } from '../mask';
import type { OutgoingNotification, SendContext, Transport } from './transport';

/**
 * The default transport: writes the rendered notification to the log (at info), where a developer or
 * an operator reads it. Free text is masked (e-mail addresses, phone numbers); recipients are not
 * written at all. It cannot fail, so it is also the fallback when no other transport reaches someone.
 */
export function createLogTransport(): Transport {
  return {
    name: 'log',
    async send(notification: OutgoingNotification, { log }: SendContext): Promise<void> {
      log.info(
        {
          audience: notification.audience,
          group: notification.recipientGroup ?? undefined,
          language: notification.language,
          subject: maskContactDetails(notification.subject),
          body: maskContactDetails(notification.body),
        },
        `notification ${notification.templateKey}: ${maskContactDetails(notification.subject)}`,
      );
    },
  };
}
