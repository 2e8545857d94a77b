import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'payment-message.bpmn');
});
afterAll(() => t.stop());

const waitingForPayment = (orderId: string) =>
  t.rest.createProcessInstance({ processDefinitionId: 'rest-payment-message', variables: { orderId } });

const stateOf = async (processInstanceKey: string) =>
  (await t.rest.searchProcessInstances({ filter: { processInstanceKey } })).items[0].state;

test('correlating a message continues the waiting instance and names it', async () => {
  // given
  const { processInstanceKey } = await waitingForPayment('order-1');
  // when
  const correlated = await t.rest.correlateMessage({
    name: 'payment-received',
    correlationKey: 'order-1',
    variables: { paid: 30 },
  });
  // then
  expect(correlated).toMatchObject({
    processInstanceKey,
    tenantId: '<default>',
    messageKey: expect.any(String),
  });
  expect(await stateOf(processInstanceKey)).toBe('COMPLETED');
  const paid = await t.rest.searchVariables({ filter: { processInstanceKey, name: 'paid' } });
  expect(paid.items.map((v) => v.value)).toEqual(['30']);
});

test('correlating a message nothing waits for is a 404', async () => {
  // when
  const problem = await problemOf(
    t.rest.correlateMessage({ name: 'payment-received', correlationKey: 'nobody', variables: {} }),
  );
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail:
      "Command 'CORRELATE' rejected with code 'NOT_FOUND': Expected to find subscription for message with name 'payment-received' and correlation key 'nobody', but none was found.",
  });
});

test('a published message with a time to live waits for the instance that subscribes later', async () => {
  // given
  const published = await t.rest.publishMessage({
    name: 'payment-received',
    correlationKey: 'order-2',
    timeToLive: 60_000,
    variables: {},
  });
  // when
  const { processInstanceKey } = await waitingForPayment('order-2');
  // then
  expect(published).toMatchObject({ messageKey: expect.any(String), tenantId: '<default>' });
  await eventually(
    async () => (await stateOf(processInstanceKey)) === 'COMPLETED',
    10_000,
    'the buffered message',
  );
});

test('publishing the same message id twice while it is buffered is a 409', async () => {
  // given
  const message = {
    name: 'payment-received',
    correlationKey: 'order-3',
    timeToLive: 60_000,
    messageId: 'm-3',
    variables: {},
  };
  await t.rest.publishMessage(message);
  // when
  const problem = await problemOf(t.rest.publishMessage(message));
  // then
  expect(problem).toMatchObject({ statusCode: 409, title: 'ALREADY_EXISTS' });
});

test('a message without a name is refused', async () => {
  // when
  const response = await restCall(t, 'POST', '/messages/publication', { correlationKey: 'x' });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    title: 'INVALID_ARGUMENT',
    detail: 'No name provided.',
  });
});

test('a message for another tenant is refused: multi-tenancy is disabled', async () => {
  // when
  const response = await restCall(t, 'POST', '/messages/correlation', {
    name: 'payment-received',
    tenantId: 'acme',
  });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    detail:
      "Expected to handle request Correlate Message with tenant identifier 'acme', but multi-tenancy is disabled",
  });
});

test('broadcasting a signal nobody waits for still succeeds', async () => {
  // when
  const broadcast = await t.rest.broadcastSignal({ signalName: 'nobody-listens', variables: {} });
  // then
  expect(broadcast).toMatchObject({ signalKey: expect.any(String), tenantId: '<default>' });
});
