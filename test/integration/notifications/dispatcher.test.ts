import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../db/data-source';
import { claimNextDueDelivery } from '../../../db/repositories/notifications.repository';
import { NotificationDispatcher } from '../../../notifications/dispatcher';
import {
  createLogTransport,
  createWebhookTransport,
  type Transports,
} from '../../../notifications/transports';
import type { TestDatabase } from '../../helpers/database';
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

let db: DataSource;
let testDb: TestDatabase;
let receiver: LocalWebhookReceiver;
let transports: Transports;
beforeAll(async () => {
  ({ db, testDb } = await openNotificationsDatabase());
  receiver = await startLocalWebhookReceiver();
  transports = {
    log: createLogTransport(),
    webhook: createWebhookTransport({ secret: 'a-secret-of-16-chars' }),
  };
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

function dispatcher(options: { dataSource?: DataSource; log?: ReturnType<typeof memoryLogger>['log'] } = {}) {
  return new NotificationDispatcher({
    dataSource: options.dataSource ?? db,
    transports,
    log: options.log ?? memoryLogger().log,
    clock: new TestClock(T0).now,
    random: () => 0.5,
    maxAttempts: 8,
    intervalMs: 60_000,
  });
}

const webhookNotice = () => resultNotice({ recipient: { kind: 'customer', callbackUrl: receiver.url } });

describe('the notification dispatcher', () => {
  test('by default a notification goes to the log: its rendered text, contact details masked', async () => {
    // given
    const { log, lines } = memoryLogger();
    const { notificationId } = await enqueue(
      db,
      resultNotice({
        transports: ['log'],
        variables: { ...resultNotice().variables, remedyDescription: '已电话联系 13812345678 确认换货。' },
      }),
    );
    // when
    await dispatcher({ log }).dispatchDue();
    // then
    const entry = lines.map((line) => JSON.parse(line)).find((l) => l.msg.startsWith('notification result:'));
    expect(entry).toMatchObject({
      component: 'notification-dispatcher',
      notificationId,
      transport: 'log',
      subject: '您的投诉（编号：26110007）处理结果',
    });
    expect(entry.body).toContain('已电话联系 138****5678 确认换货。');
    expect(lines.join('')).not.toContain('13812345678');
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery.status).toBe('sent');
  });

  test('a delivery claimed by a dispatcher that died (its transaction rolled back) is picked up again', async () => {
    // given: a dispatcher claims the delivery, then dies before marking it
    const { notificationId } = await enqueue(db, webhookNotice());
    const dying = db.createQueryRunner();
    await dying.connect();
    await dying.startTransaction();
    const claimed = await claimNextDueDelivery(dying.manager, T0);
    // when: while it holds the row, another dispatcher passes it over; once it is gone, the row is free
    const whileHeld = await dispatcher().dispatchDue();
    await dying.rollbackTransaction();
    await dying.release();
    const afterDeath = await dispatcher().dispatchDue();
    // then
    expect(claimed?.notificationId).toBe(notificationId);
    expect(whileHeld).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(afterDeath).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(receiver.calls).toHaveLength(1);
  });

  test('a dispatcher whose database connection is cut mid-send leaves the delivery to the next one', async () => {
    // given: a claim held by a session the database then terminates (a crashed process)
    const { notificationId } = await enqueue(db, webhookNotice());
    const crashed = db.createQueryRunner();
    await crashed.connect();
    await crashed.startTransaction();
    await claimNextDueDelivery(crashed.manager, T0);
    const [{ pid }] = await crashed.query('SELECT pg_backend_pid() AS pid');
    // when
    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    const summary = await dispatcher().dispatchDue();
    // then
    expect(summary).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
    await crashed.release().catch(() => undefined);
  });

  test('two dispatchers working at once never send the same delivery twice', async () => {
    // given: 30 notifications, and a second dispatcher in a process of its own (its own pool)
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueue(db, webhookNotice())).notificationId);
    const other = createDataSource(testDb.url, { poolSize: 4 });
    await other.initialize();
    // when
    const [a, b] = await Promise.all([
      dispatcher().dispatchDue(),
      dispatcher({ dataSource: other }).dispatchDue(),
    ]);
    await other.destroy();
    // then
    expect(a.sent + b.sent).toBe(30);
    const eventIds = receiver.calls.map((call) => call.headers['x-complaints-event-id']);
    expect(eventIds).toHaveLength(30);
    expect(new Set(eventIds)).toEqual(new Set(ids));
  });

  test('a delivery whose transport this process does not have is kept and retried, saying why', async () => {
    // given
    const { notificationId } = await enqueue(
      db,
      resultNotice({ recipient: { kind: 'customer', email: 'a@example.com' } }),
    );
    // when
    const summary = await dispatcher().dispatchDue();
    // then
    expect(summary).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({
      status: 'pending',
      lastErrorCode: 'TRANSPORT_NOT_CONFIGURED',
      lastError: 'The smtp transport is not enabled in this process (NOTIFY_TRANSPORTS)',
    });
  });

  test('started, it sends what is due by itself; stopped, it finishes the delivery in hand first', async () => {
    // given
    const { notificationId } = await enqueue(db, webhookNotice());
    const held = receiver.holdNextCall();
    const running = dispatcher();
    // when
    running.start();
    await held.arrived;
    const stopped = running.stop();
    held.release();
    await stopped;
    // then
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
