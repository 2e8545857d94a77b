import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-complaints-signature';
/** The header that carries the event id: the same for every attempt, for the receiver to de-duplicate. */
export const EVENT_ID_HEADER = 'x-complaints-event-id';

/**
 * The signature of a webhook call: HMAC-SHA256 with the shared secret over `<t>.<body>`, where `t` is
 * the time of the call in Unix seconds. Signing the time too lets the receiver refuse old replays.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

export interface VerifyOptions {
  /** The receiver's current time. */
  readonly now: Date;
  /** How old a call may be; default 5 minutes. */
  readonly toleranceSeconds?: number;
}

/**
 * What an integrator runs on receipt (or ports to its language): true when the header is a valid
 * signature of the raw body with the secret, made within the tolerance.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  options: VerifyOptions,
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given) return false;
  const age = Math.abs(options.now.getTime() / 1000 - timestamp);
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = signWebhook(secret, timestamp, body).split('v1=')[1];
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
