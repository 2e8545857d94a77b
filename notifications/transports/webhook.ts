import type { StateChangedData } from '../../db/repositories/state-change-webhooks';
import { DeliveryError } from '../errors';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from '../webhook-signature';
import type { OutgoingNotification, SendContext, Transport } from './transport';

export interface WebhookOptions {
  /** WEBHOOK_SECRET: signs every call (HMAC-SHA256). */
  readonly secret: string;
  /** Gives up on a receiver that does not answer after this long; default 10 s. */
  readonly timeoutMs?: number;
}

/** What an integrator's callback URL receives (JSON). `id` is the event id, the same on every attempt. */
export interface WebhookEvent {
  readonly id: string;
  readonly type: 'complaint.notification';
  readonly template: string;
  readonly complaintNumber: string | null;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly data: Record<string, unknown>;
  readonly createdAt: string;
}

/**
 * POSTs the notification as JSON to the complaint's callback URL (a StateChangedEvent to a webhook
 * subscription's URL), signed: `X-Complaints-Signature: t=<unix>,v1=<hex>` (see
 * webhook-signature.ts) and `X-Complaints-Event-Id` for de-duplication. A 2xx
 * answer means sent; 408, 429, 5xx, no answer or a network error mean retry (a Retry-After is
 * honoured); any other answer (4xx, a redirect) is a permanent refusal.
 */
export function createWebhookTransport(options: WebhookOptions): Transport {
  return {
    name: 'webhook',
    async send(notification: OutgoingNotification, { now }: SendContext): Promise<void> {
      const url = notification.recipients[0];
      if (!url) throw new DeliveryError('WEBHOOK_NO_URL', 'The complaint has no callback URL', true);
      const body = JSON.stringify(eventOf(notification));
      const signature = signWebhook(options.secret, Math.floor(now.getTime() / 1000), body);
      const response = await post(
        url,
        body,
        {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signature,
          [EVENT_ID_HEADER]: notification.notificationId,
        },
        options.timeoutMs ?? 10_000,
      );
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return;
      const status = response.status;
      if (status === 408 || status === 429 || status >= 500) {
        throw new DeliveryError(
          'WEBHOOK_UNAVAILABLE',
          `The callback URL answered ${status}; will retry`,
          false,
          {
            retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now),
          },
        );
      }
      throw new DeliveryError(
        'WEBHOOK_REJECTED',
        `The callback URL refused the notification with ${status}; check the URL and the receiver's signature check`,
        true,
      );
    },
  };
}

/**
 * What a webhook subscription's URL receives when a complaint changes state (audience `integrator`,
 * db/repositories/state-change-webhooks.ts): the event id and the recorded data, no personal data.
 */
export interface StateChangedEvent extends StateChangedData {
  readonly id: string;
}

export function eventOf(notification: OutgoingNotification): WebhookEvent | StateChangedEvent {
  if (notification.audience === 'integrator') {
    return { id: notification.notificationId, ...(notification.data as unknown as StateChangedData) };
  }
  return {
    id: notification.notificationId,
    type: 'complaint.notification',
    template: notification.templateKey,
    complaintNumber: notification.complaintNumber,
    language: notification.language,
    subject: notification.subject,
    body: notification.body,
    data: notification.data,
    createdAt: new Date(notification.createdAt).toISOString(),
  };
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new DeliveryError(
      'WEBHOOK_UNREACHABLE',
      `The callback URL could not be reached: ${reason}`,
      false,
      {
        cause: error,
      },
    );
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
