import type { DataSource } from 'typeorm';
import { eraseCustomerRecipients } from '../../../db/repositories/notifications.repository';
import { TemplateError } from '../../../notifications/errors';
import { enqueueNotification } from '../../../notifications/outbox';
import type { TestDatabase } from '../../helpers/database';
import { deliveriesOf, enqueue, openNotificationsDatabase, resultNotice, T0 } from './support';

let db: DataSource;
let testDb: TestDatabase;
beforeAll(async () => ({ db, testDb } = await openNotificationsDatabase()));
afterAll(async () => {
  await db.destroy();
  await testDb.drop();
});

async function countNotifications(idempotencyKey: string): Promise<number> {
  const [{ count }] = await db.query(
    `SELECT count(*)::int AS count FROM notification WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return count;
}

async function storedText(
  notificationId: string,
): Promise<{ subject: string; body: string; version: number }> {
  const [row] = await db.query(
    `SELECT subject, body, template_version AS version FROM notification WHERE id = $1`,
    [notificationId],
  );
  return row;
}

async function rejection(promise: Promise<unknown>): Promise<TemplateError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof TemplateError) return error;
  throw new Error(`expected a TemplateError, got ${String(error)}`);
}

describe('enqueueNotification', () => {
  test('records the rendered notification and one pending delivery per transport, due at once', async () => {
    // given
    const request = resultNotice({
      recipient: {
        kind: 'customer',
        email: 'li.hua@example.com',
        callbackUrl: 'https://crm.example.com/hook',
      },
    });
    // when
    const enqueued = await enqueue(db, request);
    // then
    expect(enqueued).toEqual({
      notificationId: expect.any(String),
      created: true,
      transports: ['smtp', 'webhook'],
      reachable: true,
    });
    const deliveries = await deliveriesOf(db, enqueued.notificationId);
    expect(deliveries.map((d) => [d.transport, d.recipients, d.status, d.attempts, d.nextAttemptAt])).toEqual(
      [
        ['smtp', ['li.hua@example.com'], 'pending', 0, T0],
        ['webhook', ['https://crm.example.com/hook'], 'pending', 0, T0],
      ],
    );
  });

  test('enqueuing twice with the same idempotency key records one notification', async () => {
    // given
    const request = resultNotice({ idempotencyKey: 'complaint-2:result' });
    const first = await enqueue(db, request);
    // when
    const second = await enqueue(db, request);
    // then
    expect(second).toEqual({ ...first, created: false });
    expect(await countNotifications('complaint-2:result')).toBe(1);
    expect(await deliveriesOf(db, first.notificationId)).toHaveLength(1);
  });

  test('concurrent enqueues with the same key record one notification', async () => {
    // given
    const request = resultNotice({ idempotencyKey: 'complaint-3:result' });
    // when
    const results = await Promise.all([1, 2, 3, 4].map(() => enqueue(db, request)));
    // then
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.notificationId)).size).toBe(1);
    expect(await countNotifications('complaint-3:result')).toBe(1);
  });

  test('a notification enqueued in a transaction that rolls back is not recorded (the outbox commits with the step)', async () => {
    // given
    const request = resultNotice({ idempotencyKey: 'complaint-4:result' });
    // when
    const run = db.transaction(async (manager) => {
      await enqueueNotification(manager, request);
      throw new Error('the step failed after enqueuing');
    });
    // then
    await expect(run).rejects.toThrow('the step failed after enqueuing');
    expect(await countNotifications('complaint-4:result')).toBe(0);
  });

  test('renders Chinese for a zh-CN complaint, with dates in Beijing time', async () => {
    // when
    const { notificationId } = await enqueue(db, resultNotice({ language: 'zh-CN' }));
    // then
    const text = await storedText(notificationId);
    expect(text.subject).toBe('您的投诉（编号：26110007）处理结果');
    expect(text.body).toContain('处理方式：换货\n具体内容：免费更换同型号产品 2 件。');
    expect(text.body).toContain('请于2026年11月20日 18:00（北京时间）前提出申诉');
  });

  test('renders English for an en complaint, with dates in Beijing time', async () => {
    // when
    const { notificationId } = await enqueue(
      db,
      resultNotice({
        language: 'en',
        variables: { ...resultNotice().variables, remedyDescription: 'Two new units.' },
      }),
    );
    // then
    const text = await storedText(notificationId);
    expect(text.subject).toBe('The outcome of your complaint (no. 26110007)');
    expect(text.body).toContain('Remedy: exchange\nDetails: Two new units.');
    expect(text.body).toContain('you may appeal until 20 November 2026, 18:00 (Beijing time)');
  });

  test('a missing placeholder fails in the caller with a clear error, and nothing is recorded', async () => {
    // given
    const request = resultNotice({
      idempotencyKey: 'complaint-5:result',
      variables: { complaintNumber: '26110007', remedy: 'refund' },
    });
    // when
    const error = await rejection(enqueue(db, request));
    // then
    expect(error.code).toBe('TEMPLATE_PLACEHOLDER_MISSING');
    expect(error.message).toBe(
      'result (zh-CN, version 0) needs a value for "appealDeadline", "remedyDescription"; pass them in the notification\'s variables',
    );
    expect(await countNotifications('complaint-5:result')).toBe(0);
  });

  test('a customer template cannot be sent to staff', async () => {
    // when
    const error = await rejection(
      enqueue(db, resultNotice({ recipient: { kind: 'staff', group: 'agents' } })),
    );
    // then
    expect(error.code).toBe('NOTIFICATION_RECIPIENT_MISMATCH');
  });

  test('a customer with no address is unreachable: the notice goes to the log', async () => {
    // when
    const enqueued = await enqueue(db, resultNotice({ recipient: { kind: 'customer', email: null } }));
    // then
    expect(enqueued).toMatchObject({ created: true, transports: ['log'], reachable: false });
  });

  test('a staff notice goes by e-mail to the group members and keeps the group', async () => {
    // when
    const enqueued = await enqueue(db, {
      ...resultNotice(),
      template: 'escalation_team_manager',
      variables: { complaintNumber: '26110007', deadline: 'review', dueAt: '2026-11-03T01:00:00Z' },
      recipient: {
        kind: 'staff',
        group: 'centre-team-managers',
        emails: ['tm1@corp.example', 'tm2@corp.example'],
      },
    });
    // then
    const [row] = await db.query(
      `SELECT audience, recipient_group, subject FROM notification WHERE id = $1`,
      [enqueued.notificationId],
    );
    expect(row).toEqual({
      audience: 'staff',
      recipient_group: 'centre-team-managers',
      subject: '【逾期提醒】投诉 26110007 的初审已超时',
    });
    const [delivery] = await deliveriesOf(db, enqueued.notificationId);
    expect(delivery.recipients).toEqual(['tm1@corp.example', 'tm2@corp.example']);
  });
});

describe('erasure of a complainant’s personal data', () => {
  test('removes the addresses from the deliveries to that customer, and fails those not yet sent', async () => {
    // given
    const complaintId = '0b6f3c1d-8a2e-4e0b-9c7d-5d1e2f3a4b5c';
    const { notificationId } = await enqueue(db, resultNotice({ complaintId }));
    // when
    const touched = await db.transaction((manager) => eraseCustomerRecipients(manager, complaintId, T0));
    // then
    expect(touched).toBe(1);
    const [delivery] = await deliveriesOf(db, notificationId);
    expect(delivery).toMatchObject({ recipients: [], status: 'failed', lastErrorCode: 'RECIPIENT_ERASED' });
  });
});
