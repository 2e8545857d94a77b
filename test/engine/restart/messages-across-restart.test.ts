import {
  activateAll,
  activateCount,
  deployFixtures,
  type RestartableEngine,
  startRestartableEngine,
} from './restartable-engine';

// Buffered messages (time to live) and open subscriptions are state like any other: they survive
// kill -9, and their lifetime runs on the engine clock through the downtime.

const MINUTE = 60_000;
let t: RestartableEngine;
let T0: number;
beforeEach(async () => {
  t = await startRestartableEngine();
  await deployFixtures(t.zeebe, 'restart-message-catch.bpmn');
  T0 = Date.now();
  await t.rest.pinInternalClock(T0);
});
afterEach(() => t.stop());

const waitForPayment = (orderId: string) =>
  t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-message-catch', variables: { orderId } });

test('a message buffered before kill -9 correlates to an instance that subscribes after the restart', async () => {
  // given
  await t.zeebe.publishMessage({
    name: 'order-paid',
    correlationKey: 'A-1',
    timeToLive: 60 * MINUTE,
    variables: { amount: 42 },
  });
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 30 * MINUTE);
  // when
  const instance = await waitForPayment('A-1');
  // then
  const [ship] = await activateCount(t.zeebe, 'ship-order', 1);
  expect(ship.processInstanceKey).toBe(instance.processInstanceKey);
  expect(ship.variables).toEqual({ orderId: 'A-1', amount: 42 });
});

test('a buffered message whose time to live ran out during the downtime no longer correlates', async () => {
  // given
  await t.zeebe.publishMessage({
    name: 'order-paid',
    correlationKey: 'A-1',
    timeToLive: 10 * MINUTE,
    variables: { amount: 'expired' },
  });
  await t.crashAndRestart();
  await t.rest.pinInternalClock(T0 + 30 * MINUTE);
  // when
  await waitForPayment('A-1');
  await t.zeebe.publishMessage({ name: 'order-paid', correlationKey: 'A-1', variables: { amount: 'fresh' } });
  // then
  const [ship] = await activateCount(t.zeebe, 'ship-order', 1);
  expect(ship.variables).toEqual({ orderId: 'A-1', amount: 'fresh' });
});

test('a subscription opened before kill -9 takes a message published after the restart, once', async () => {
  // given
  const instance = await waitForPayment('A-1');
  await waitForPayment('B-2');
  await t.crashAndRestart();
  // when
  await t.zeebe.publishMessage({ name: 'order-paid', correlationKey: 'A-1', variables: { amount: 7 } });
  // then
  const [ship] = await activateCount(t.zeebe, 'ship-order', 1);
  expect(ship.processInstanceKey).toBe(instance.processInstanceKey);
  expect(ship.variables).toEqual({ orderId: 'A-1', amount: 7 });
  expect(await activateAll(t.zeebe, 'ship-order')).toEqual([]);
});

test('a message id published before kill -9 is still known after the restart', async () => {
  // given
  const message = {
    name: 'order-paid',
    correlationKey: 'A-1',
    messageId: 'payment-1',
    timeToLive: 60 * MINUTE,
  };
  await t.zeebe.publishMessage({ ...message, variables: {} });
  await t.crashAndRestart();
  // when
  const again = t.zeebe.publishMessage({ ...message, variables: {} });
  // then
  await expect(again).rejects.toThrow(
    "Expected to publish a new message with id 'payment-1', but a message with that id was already published",
  );
});
