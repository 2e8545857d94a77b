import nodemailer from 'nodemailer';
import { DeliveryError } from '../errors';
import type { OutgoingNotification, Transport } from './transport';

export interface SmtpOptions {
  /** `smtp://user:password@host:port` (STARTTLS when offered) or `smtps://` (TLS from the start). */
  readonly url: string;
  /** The sender, e.g. `投诉中心 <complaints@example.com>`. */
  readonly from: string;
  /** Gives up on an unresponsive server after this long; default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * E-mail through an SMTP server (nodemailer): a plain-text message to the delivery's addresses. The
 * Message-ID is made from the notification id, the same on every attempt, so that mail systems can
 * recognise a resend. A 5xx answer (mailbox unknown, message refused) is permanent; a 4xx answer, a
 * refused or broken connection, a timeout, or refused credentials (fixable in SMTP_URL) are retried.
 */
export function createSmtpTransport(options: SmtpOptions): Transport {
  const timeout = options.timeoutMs ?? 30_000;
  const mailer = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'complaints.invalid';
  return {
    name: 'smtp',
    async send(notification: OutgoingNotification): Promise<void> {
      if (notification.recipients.length === 0) {
        throw new DeliveryError('SMTP_NO_RECIPIENT', 'The e-mail has no recipient address', true);
      }
      try {
        await mailer.sendMail({
          from: options.from,
          to: notification.recipients,
          subject: notification.subject,
          text: notification.body,
          messageId: `<${notification.notificationId}@${domain}>`,
          headers: { 'X-Complaints-Event-Id': notification.notificationId },
        });
      } catch (error) {
        throw classify(error);
      }
    },
    async close(): Promise<void> {
      mailer.close();
    },
  };
}

function classify(error: unknown): DeliveryError {
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  const reason = message ?? String(error);
  if (code === 'EAUTH') {
    return new DeliveryError(
      'SMTP_AUTH_FAILED',
      `The SMTP server refused the credentials of SMTP_URL: ${reason}`,
      false,
      {
        cause: error,
      },
    );
  }
  if (typeof responseCode === 'number' && responseCode >= 500) {
    return new DeliveryError(
      'SMTP_REJECTED',
      `The SMTP server refused the message (${responseCode}): ${reason}`,
      true,
      {
        cause: error,
      },
    );
  }
  if (code === 'EENVELOPE' && responseCode === undefined) {
    return new DeliveryError('SMTP_REJECTED', `The e-mail cannot be addressed: ${reason}`, true, {
      cause: error,
    });
  }
  return new DeliveryError(
    'SMTP_UNAVAILABLE',
    `The SMTP server could not take the message now: ${reason}`,
    false,
    {
      cause: error,
    },
  );
}
