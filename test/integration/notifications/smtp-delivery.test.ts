import type { DataSource } from 'typeorm';
import { NotificationDispatcher } from '../../../notifications/dispatcher';
import { createLogTransport, createSmtpTransport, type Transport } from '../../../notifications/transports';
import type { TestDatabase } from '../../helpers/database';
import { type LocalSmtpServer, startLocalSmtpServer } from './local-smtp-server';
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
let smtpServer: LocalSmtpServer;
let smtp: Transport;
beforeAll(async () => {
  ({ db, testDb } = await openNotificationsDatabase());
  smtpServer = await startLocalSmtpServer();
  smtp = createSmtpTransport({ url: smtpServer.url, from: '投诉中心 <complaints@example.com>' });
});
afterEach(async () => {
  await emptyOutbox(db);
});
afterAll(async () => {
  await smtp.close?.();
  await smtpServer.close();
  await db.destroy();
  await testDb.drop();
});

function dispatcher(clock: TestClock, log = memoryLogger().log): NotificationDispatcher {
  return new NotificationDispatcher({
    dataSource: db,
    transports: { log: createLogTransport(), smtp },
    log,
    clock: clock.now,
    random: () => 0.5,
    maxAttempts: 3,
    intervalMs: 1_000,
  });
}

describe('the dispatcher sending e-mail through a real SMTP server', () => {
  test('a customer’s notification arrives as a Chinese e-mail from the configured sender, and is marked sent', async () => {
    // given
    const { notificationId } = await enqueue(
      db,
      resultNotice({ recipient: { kind: 'customer', email: 'li.hua@example.com' } }),
    );
    // when
    const summary = await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    expect(summary).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = smtpServer.received.find((m) => m.headers['x-complaints-event-id'] === notificationId);
    expect(mail).toMatchObject({
      from: 'complaints@example.com',
      to: ['li.hua@example.com'],
      subject: '您的投诉（编号：26110007）处理结果',
    });
    expect(mail?.headers.from).toBe('投诉中心 <complaints@example.com>');
    expect(mail?.headers['message-id']).toBe(`<${notificationId}@example.com>`);
    expect(mail?.text).toContain('处理方式：换货');
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, sentAt: T0, lastError: null });
  });

  test('a staff notice reaches every member of the group in one e-mail', async () => {
    // given
    const { notificationId } = await enqueue(db, {
      ...resultNotice(),
      template: 'evidence_added',
      variables: { complaintNumber: '26110009', evidenceCount: 2 },
      recipient: { kind: 'staff', group: 'quality-dept', emails: ['qa1@corp.example', 'qa2@corp.example'] },
    });
    // when
    await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    const mail = smtpServer.received.find((m) => m.headers['x-complaints-event-id'] === notificationId);
    expect(mail?.to).toEqual(['qa1@corp.example', 'qa2@corp.example']);
    expect(mail?.subject).toBe('投诉 26110009 新增证据材料');
  });

  test('a mailbox the server refuses for good (550) fails at once, its address kept out of the record', async () => {
    // given
    smtpServer.refuseRecipient('gone@example.com', 550, 'No such user here <gone@example.com>');
    const { notificationId } = await enqueue(
      db,
      resultNotice({ recipient: { kind: 'customer', email: 'gone@example.com' } }),
    );
    // when
    const summary = await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    expect(summary).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      failedAt: T0,
      lastErrorCode: 'SMTP_REJECTED',
    });
    expect(delivery.lastError).not.toContain('gone@example.com');
  });

  test('a mailbox the server refuses for now (451) is retried later', async () => {
    // given
    smtpServer.refuseRecipient('busy@example.com', 451, 'Mailbox busy, try again later');
    const { notificationId } = await enqueue(
      db,
      resultNotice({ recipient: { kind: 'customer', email: 'busy@example.com' } }),
    );
    // when
    const summary = await dispatcher(new TestClock(T0)).dispatchDue();
    // then
    expect(summary).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastErrorCode: 'SMTP_UNAVAILABLE' });
    expect(delivery.nextAttemptAt).toEqual(new Date(T0.getTime() + 45_000));
  });

  test('the log shows the delivery with the address masked, never the address itself', async () => {
    // given
    const { log, lines } = memoryLogger();
    await enqueue(db, resultNotice({ recipient: { kind: 'customer', email: 'zhang.san@example.org' } }));
    // when
    await dispatcher(new TestClock(T0), log).dispatchDue();
    // then
    const output = lines.join('');
    expect(output).toContain('"to":["z***n@example.org"]');
    expect(output).toContain('notification sent');
    expect(output).not.toContain('zhang.san@example.org');
  });
});
