import {
  activatedElements,
  deploy,
  history,
  HOUR,
  moveClockTo,
  nextJob,
  pinClock,
  start,
  useEngine,
  waitForRecord,
} from './conformance';

const engine = useEngine();

const subscriptionOpened = (r: { valueType: string; intent: string }) =>
  r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && r.intent === 'CREATED';

describe('event-based gateway', () => {
  test('the message wins the race: its branch is taken with its variables and the timer is closed', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-07-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'gateway-event-based.bpmn');
    const key = await start(t, 'gateway-event-based', { orderId: 'A-1' });
    await waitForRecord(t, key, subscriptionOpened, 'the message subscription');
    // when
    await t.zeebe.publishMessage({
      name: 'event-gateway-payment',
      correlationKey: 'A-1',
      variables: { paidAmount: 40 },
      timeToLive: 0,
    });
    // then
    const ship = await nextJob(t, 'event-gateway-ship', key);
    expect(ship.variables).toEqual({ orderId: 'A-1', paidAmount: 40 });
    await moveClockTo(t, base + 2 * HOUR);
    const records = await history(t, key);
    expect(activatedElements(records)).not.toContain('Timer_PaymentOverdue');
    expect(records.filter((r) => r.valueType === 'TIMER').map((r) => r.intent)).toEqual([
      'CREATED',
      'CANCELED',
    ]);
  });

  test('the timer wins the race: its branch is taken and the message subscription is closed', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-07-02T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'gateway-event-based.bpmn');
    const key = await start(t, 'gateway-event-based', { orderId: 'A-2' });
    await waitForRecord(t, key, subscriptionOpened, 'the message subscription');
    // when
    await moveClockTo(t, base + HOUR);
    // then
    const remind = await nextJob(t, 'event-gateway-remind', key);
    expect(remind.elementId).toBe('Task_Remind');
    const records = await history(t, key);
    expect(activatedElements(records)).not.toContain('Event_PaymentReceived');
    expect(
      records.filter((r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION').map((r) => r.intent),
    ).toEqual(['CREATED', 'DELETED']);
  });

  test('a message published before the gateway is reached wins as soon as the gateway subscribes', async () => {
    // given
    const t = engine();
    await pinClock(t, Date.parse('2030-07-03T08:00:00Z'));
    await deploy(t, 'gateway-event-based.bpmn');
    await t.zeebe.publishMessage({
      name: 'event-gateway-payment',
      correlationKey: 'A-3',
      variables: { paidAmount: 15 },
      timeToLive: HOUR,
    });
    // when
    const key = await start(t, 'gateway-event-based', { orderId: 'A-3' });
    // then
    const ship = await nextJob(t, 'event-gateway-ship', key);
    expect(ship.variables).toEqual({ orderId: 'A-3', paidAmount: 15 });
    expect(activatedElements(await history(t, key))).not.toContain('Timer_PaymentOverdue');
  });
});
