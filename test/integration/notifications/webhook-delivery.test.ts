import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationDispatcher } from '../../../notifications/dispatcher';
import { createLogTransport, createWebhookTransport } from '../../../notifications/transports';
import type { TestDatabase } from '../../helpers/database';
import { freePort } from '../../helpers/ports';
import { type LocalWebhookReceiver, startLocalWebhookReceiver } from './local-webhook-receiver';
import {
  deliveriesOf,
  emptyOutbox,
  enqueue,
  memoryLogger,
  openNotificationsDatabase,
  resultNotice,
  T0,
  TestClock,
} from './support';

const SECRET = 'integrator-shared-secret-0123456789';

let db: DataSource;
let testDb: TestDatabase;
let receiver: LocalWebhookReceiver;
beforeAll(async () => {
  ({ db, testDb } = await openNotificationsDatabase());
  receiver = await startLocalWebhookReceiver();
});
afterEach(async () => {
  await emptyOutbox(db);
  receiver.reset();
});
afterAll(async () => {
  await receiver.close();
  await db.destroy();
  await testDb.drop();
});

function dispatcher(clock: TestClock, maxAttempts = 8): NotificationDispatcher {
  return new NotificationDispatcher({
    dataSource: db,
    transports: { log: createLogTransport(), webhook: createWebhookTransport({ secret: SECRET }) },
    log: memoryLogger().log,
    clock: clock.now,
    backoff: { baseMs: 60_000, maxMs: 3_600_000 },
    random: () => 0.5,
    maxAttempts,
    intervalMs: 1_000,
  });
}

function webhookNotice(url = receiver.url) {
  return resultNotice({ recipient: { kind: 'customer', callbackUrl: url } });
}

describe('the dispatcher calling the integrator’s webhook (a real local HTTP server)', () => {
  test('POSTs the notification as JSON, signed with HMAC-SHA256 over "<t>.<body>" at the dispatcher’s time', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    const clock = new TestClock(new Date('2026-11-02T01:00:07Z'));
    // when
    await dispatcher(clock).dispatchDue();
    // then
    const call = receiver.calls.find((c) => c.headers['x-complaints-event-id'] === notificationId);
    if (!call) throw new Error('the receiver got no call');
    const t = 1793581207; // 2026-11-02T01:00:07Z in Unix seconds
    const v1 = createHmac('sha256', SECRET).update(`${t}.${call.body}`).digest('hex');
    expect(call.headers['x-complaints-signature']).toBe(`t=${t},v1=${v1}`);
    expect(call.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(call.body)).toEqual({
      id: notificationId,
      type: 'complaint.notification',
      template: 'result',
      complaintNumber: '26110007',
      language: 'zh-CN',
      subject: '您的投诉（编号：26110007）处理结果',
      body: expect.stringContaining('处理方式：换货'),
      data: {
        complaintNumber: '26110007',
        remedy: 'exchange',
        remedyDescription: '免费更换同型号产品 2 件。',
        appealDeadline: '2026-11-20T10:00:00Z',
      },
      createdAt: T0.toISOString(),
    });
  });

  test('503, 503, then 200: retried with back-off from the injected clock, sent once, same event id each time', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    receiver.answerWith({ status: 503 }, { status: 503 });
    const clock = new TestClock(T0);
    const dispatch = dispatcher(clock);
    // when: the first attempt fails; 1 min · 2⁰, half fixed + half × random 0.5 = 45 s later it is due again
    const first = await dispatch.dispatchDue();
    const [afterFirst] = await deliveriesOf(db, notificationId);
    clock.advance(44_999);
    const tooEarly = await dispatch.dispatchDue();
    clock.advance(1);
    const second = await dispatch.dispatchDue();
    const [afterSecond] = await deliveriesOf(db, notificationId);
    clock.advance(90_000); // 2 min · ¾
    const third = await dispatch.dispatchDue();
    // then
    expect([first, tooEarly, second, third]).toEqual([
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 0, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 1, retried: 0, failed: 0 },
    ]);
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 45_000),
      lastErrorCode: 'WEBHOOK_UNAVAILABLE',
    });
    expect(afterSecond).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(T0.getTime() + 45_000 + 90_000),
    });
    const [sent] = await deliveriesOf(db, notificationId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, sentAt: clock.now(), lastError: null });
    const calls = receiver.calls.filter((c) => c.headers['x-complaints-event-id'] === notificationId);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => JSON.parse(c.body).id))).toEqual(new Set([notificationId]));
  });

  test('400: the receiver refused it; failed permanently after one attempt', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    receiver.answerWith({ status: 400 });
    // when
    const summary = await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    expect(summary).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      failedAt: T0,
      lastErrorCode: 'WEBHOOK_REJECTED',
    });
  });

  test('408 and 429 are retried like 5xx; a Retry-After longer than the back-off is honoured', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    receiver.answerWith({ status: 429, headers: { 'retry-after': '600' } }, { status: 408 });
    const clock = new TestClock(T0);
    const dispatch = dispatcher(clock);
    // when
    await dispatch.dispatchDue();
    const [afterTooMany] = await deliveriesOf(db, notificationId);
    clock.set(afterTooMany.nextAttemptAt);
    await dispatch.dispatchDue();
    const [afterTimeout] = await deliveriesOf(db, notificationId);
    // then
    expect(afterTooMany.nextAttemptAt).toEqual(new Date(T0.getTime() + 600_000));
    expect(afterTimeout).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastErrorCode: 'WEBHOOK_UNAVAILABLE',
    });
  });

  test('a receiver that cannot be reached (connection refused) is retried', async () => {
    // given
    const deadUrl = `http://127.0.0.1:${await freePort()}/callback`;
    const { notificationId } = await enqueue(db, webhookNotice(deadUrl));
    // when
    const summary = await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    expect(summary).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastErrorCode: 'WEBHOOK_UNREACHABLE' });
  });

  test('after the last allowed attempt a still-failing delivery is marked failed', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    receiver.answerWith({ status: 500 }, { status: 500 });
    const clock = new TestClock(T0);
    const dispatch = dispatcher(clock, 2);
    // when
    await dispatch.dispatchDue();
    clock.advance(3_600_000);
    const last = await dispatch.dispatchDue();
    // then
    expect(last).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, lastErrorCode: 'WEBHOOK_UNAVAILABLE' });
  });
});
