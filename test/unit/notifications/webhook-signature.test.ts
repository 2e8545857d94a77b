import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from '../../../notifications/webhook-signature';

const secret = 'integrator-shared-secret';
const body = '{"id":"e1","type":"complaint.notification"}';
const now = new Date('2026-11-22T08:00:00Z');
const t = now.getTime() / 1000;

describe('webhook signatures', () => {
  test('the signature is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    // given
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    // when
    const header = signWebhook(secret, t, body);
    // then
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  test('a receiver verifies a fresh signature of the raw body', () => {
    // when
    const valid = verifyWebhookSignature(secret, signWebhook(secret, t, body), body, { now });
    // then
    expect(valid).toBe(true);
  });

  test('a changed body, another secret or a missing header fail verification', () => {
    // given
    const header = signWebhook(secret, t, body);
    // when
    const results = [
      verifyWebhookSignature(secret, header, body.replace('e1', 'e2'), { now }),
      verifyWebhookSignature('another-secret', header, body, { now }),
      verifyWebhookSignature(secret, undefined, body, { now }),
    ];
    // then
    expect(results).toEqual([false, false, false]);
  });

  test('a signature older than the tolerance (default 5 minutes) fails: replays are refused', () => {
    // given
    const header = signWebhook(secret, t - 301, body);
    // when
    const valid = verifyWebhookSignature(secret, header, body, { now });
    // then
    expect(valid).toBe(false);
  });
});
