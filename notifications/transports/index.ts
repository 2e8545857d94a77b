import type { NotificationsConfig } from '../../lib/config';
import { createLogTransport } from './log';
import { createSmtpTransport } from './smtp';
import type { Transport, Transports } from './transport';
import { createWebhookTransport } from './webhook';

export type { OutgoingNotification, SendContext, Transport, Transports } from './transport';
export { createLogTransport } from './log';
export { createSmtpTransport, type SmtpOptions } from './smtp';
export { createWebhookTransport, type WebhookEvent, type WebhookOptions } from './webhook';

/**
 * The transports the configuration enables, built once per process. `log` is always there: it is the
 * fallback for recipients no enabled transport reaches.
 */
export function createTransports(config: NotificationsConfig): Transports {
  const transports: Partial<Record<Transport['name'], Transport>> = { log: createLogTransport() };
  if (config.transports.includes('smtp') && config.smtp) transports.smtp = createSmtpTransport(config.smtp);
  if (config.transports.includes('webhook') && config.webhookSecret) {
    transports.webhook = createWebhookTransport({ secret: config.webhookSecret });
  }
  return transports;
}

/** Closes every transport that holds connections. */
export async function closeTransports(transports: Transports): Promise<void> {
  await Promise.all(Object.values(transports).map((transport) => transport?.close?.()));
}
