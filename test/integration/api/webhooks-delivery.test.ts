import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import type { NotificationsConfig } from '../../../lib/config';
import { NotificationDispatcher } from '../../../notifications/dispatcher';
import { closeTransports, createTransports, type Transports } from '../../../notifications/transports';
import { verifyWebhookSignature } from '../../../notifications/webhook-signature';
import { startTestApi, type TestApi } from '../../helpers/api';
import {
  type LocalWebhookReceiver,
  type ReceivedCall,
  startLocalWebhookReceiver,
} from '../notifications/local-webhook-receiver';
import { eventually, fileComplaint } from './support';

const SECRET = 'webhook-subscriptions-secret-0123456789';
const NOTIFICATIONS: NotificationsConfig = {
  transports: ['log', 'webhook'],
  smtp: undefined,
  webhookSecret: SECRET,
  maxAttempts: 3,
  dispatchIntervalMs: 100,
};

let api: TestApi;
let transports: Transports;
let dispatcher: NotificationDispatcher;
let crmReceiver: LocalWebhookReceiver;
let otherReceiver: LocalWebhookReceiver;
beforeAll(async () => {
  api = await startTestApi();
  crmReceiver = await startLocalWebhookReceiver();
  otherReceiver = await startLocalWebhookReceiver();
  // as bin/start.ts builds it, with the webhook transport enabled
  transports = createTransports(NOTIFICATIONS);
  dispatcher = new NotificationDispatcher({
    dataSource: api.db,
    transports,
    log: api.deps.log,
    maxAttempts: NOTIFICATIONS.maxAttempts,
    intervalMs: NOTIFICATIONS.dispatchIntervalMs,
  });
});
afterAll(async () => {
  await closeTransports(transports);
  await crmReceiver.close();
  await otherReceiver.close();
  await api.stop();
});

async function subscribe(credential: string, url: string, events: string[]): Promise<string> {
  const response = await api.call(credential, {
    method: 'POST',
    url: '/api/webhooks',
    payload: { url, events },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function complaintIdOf(number: string): Promise<string> {
  const rows: { id: string }[] = await api.db.query(`SELECT id FROM complaint WHERE number = $1`, [number]);
  return rows[0].id;
}

async function stateEventsOf(complaintId: string): Promise<{ key: string; data: Record<string, unknown> }[]> {
  return api.db.query(
    `SELECT idempotency_key AS key, data FROM notification
      WHERE complaint_id = $1 AND audience = 'integrator' ORDER BY created_at, idempotency_key`,
    [complaintId],
  );
}

/** Runs the dispatcher until the receiver got a call for the complaint. */
function callFor(receiver: LocalWebhookReceiver, complaintNumber: string): Promise<ReceivedCall> {
  return eventually(`a webhook call for ${complaintNumber}`, async () => {
    await dispatcher.dispatchDue();
    return receiver.calls.find((call) => call.body.includes(`"complaintNumber":"${complaintNumber}"`));
  });
}

describe('a complaint’s state change, sent to the webhook subscriptions of the client that filed it', () => {
  test('the subscribed URL receives a signed complaint.state_changed POST; other clients’ URLs nothing', async () => {
    // given: crm hears of in_review (and of closed, elsewhere); shop hears of everything
    await subscribe(api.keys.crm, crmReceiver.url, ['in_review']);
    await subscribe(api.keys.crm, `${otherReceiver.url}&crm-closed`, ['closed']);
    await subscribe(api.keys.shop, `${otherReceiver.url}&shop`, ['*']);
    // when: crm files a complaint, which the register-complaint worker moves to in_review
    const number = await fileComplaint(api, api.keys.crm);
    const call = await callFor(crmReceiver, number);
    // then
    const eventId = call.headers['x-complaints-event-id'];
    expect(
      verifyWebhookSignature(SECRET, call.headers['x-complaints-signature'] as string, call.body, {
        now: new Date(),
      }),
    ).toBe(true);
    expect(JSON.parse(call.body)).toEqual({
      id: eventId,
      event: 'complaint.state_changed',
      complaintNumber: number,
      state: 'in_review',
      previousState: 'registered',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(call.body).not.toContain('张三'); // no personal data
    // and: recorded once, and nothing went to the other client nor to the state not reached
    const events = await stateEventsOf(await complaintIdOf(number));
    expect(events).toHaveLength(1);
    await dispatcher.dispatchDue();
    expect(otherReceiver.calls).toEqual([]);
    expect(crmReceiver.calls.filter((c) => c.body.includes(number))).toHaveLength(1);
  });

  test('a complaint filed by the other client reaches that client’s subscription only', async () => {
    // given: shop's "*" subscription from the test before
    otherReceiver.reset();
    crmReceiver.reset();
    // when
    const number = await fileComplaint(api, api.keys.shop);
    const call = await callFor(otherReceiver, number);
    // then
    expect(JSON.parse(call.body)).toMatchObject({ complaintNumber: number, state: 'in_review' });
    expect(crmReceiver.calls).toEqual([]);
  });
});

describe('what changeState enqueues', () => {
  test('once per change: setting the same state again adds nothing, entering it again later is new', async () => {
    // given: a subscription of crm to every state, and a crm complaint at in_review
    await subscribe(api.keys.crm, `${crmReceiver.url}&all`, ['*']);
    const number = await fileComplaint(api, api.keys.crm);
    const complaintId = await complaintIdOf(number);
    await eventually('in_review', async () =>
      (await stateEventsOf(complaintId)).length > 0 ? true : undefined,
    );
    const complaints = new ComplaintsRepository(api.db.manager);
    // when
    await complaints.changeState(complaintId, 'investigating', new Date());
    await complaints.changeState(complaintId, 'investigating', new Date()); // a redelivered job
    await complaints.changeState(complaintId, 'resolving', new Date());
    await complaints.changeState(complaintId, 'investigating', new Date());
    // then
    const transitions = (await stateEventsOf(complaintId))
      .filter((e) => e.key.includes(':investigating:') || e.key.includes(':resolving:'))
      .map((e) => `${e.data.previousState as string}>${e.data.state as string}`);
    expect(transitions.sort()).toEqual(
      ['in_review>investigating', 'resolving>investigating', 'investigating>resolving'].sort(),
    );
  });

  test('nothing when the state change is rolled back', async () => {
    // given: crm's subscription to every state (the test before)
    const number = await fileComplaint(api, api.keys.crm);
    const complaintId = await complaintIdOf(number);
    await eventually('in_review', async () =>
      (await stateEventsOf(complaintId)).length > 0 ? true : undefined,
    );
    const before = await stateEventsOf(complaintId);
    // when
    const failing = api.db.transaction(async (manager) => {
      await new ComplaintsRepository(manager).changeState(complaintId, 'withdrawn', new Date());
      throw new Error('the step failed after the state change');
    });
    // then
    await expect(failing).rejects.toThrow('the step failed');
    expect(await stateEventsOf(complaintId)).toEqual(before);
  });
});
