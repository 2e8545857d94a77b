import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'timer-wait.bpmn');
});
afterEach(() => t.rest.resetClock());
afterAll(() => t.stop());

const stateOf = async (processInstanceKey: string) =>
  (await t.rest.searchProcessInstances({ filter: { processInstanceKey } })).items[0].state;

test('pinning the clock past a timer fires it', async () => {
  // given
  const start = Date.parse('2030-01-01T08:00:00Z');
  await t.rest.pinInternalClock(start);
  const { processInstanceKey } = await t.rest.createProcessInstance({
    processDefinitionId: 'rest-timer-wait',
    variables: {},
  });
  // when
  const pinned = await t.rest.pinInternalClock(start + 60 * 60 * 1000);
  // then
  expect(pinned).toBe('');
  await eventually(async () => (await stateOf(processInstanceKey)) === 'COMPLETED', 10_000, 'the timer');
  const timer = await t.rest.searchElementInstances({
    filter: { processInstanceKey, elementId: 'Timer_OneHour' },
  });
  expect(timer.items[0].endDate).toBe('2030-01-01T09:00:00.000Z');
});

test('a timer does not fire before its time on the pinned clock', async () => {
  // given
  const start = Date.parse('2030-02-01T08:00:00Z');
  await t.rest.pinInternalClock(start);
  const { processInstanceKey } = await t.rest.createProcessInstance({
    processDefinitionId: 'rest-timer-wait',
    variables: {},
  });
  // when
  await t.rest.pinInternalClock(start + 59 * 60 * 1000);
  await t.rest.pinInternalClock(start + 61 * 60 * 1000);
  // then: it fired at the second pin, not at the first
  await eventually(async () => (await stateOf(processInstanceKey)) === 'COMPLETED', 10_000, 'the timer');
  const timer = await t.rest.searchElementInstances({
    filter: { processInstanceKey, elementId: 'Timer_OneHour' },
  });
  expect(timer.items[0].endDate).toBe('2030-02-01T09:01:00.000Z');
});

test('resetting the clock returns the engine to the system time', async () => {
  // given
  await t.rest.pinInternalClock(Date.parse('2000-01-01T00:00:00Z'));
  // when
  const reset = await t.rest.resetClock();
  // then
  expect(reset).toBe('');
  const { processInstanceKey } = await t.rest.createProcessInstance({
    processDefinitionId: 'rest-timer-wait',
    variables: {},
  });
  const [instance] = (await t.rest.searchProcessInstances({ filter: { processInstanceKey } })).items;
  expect(Date.parse(instance.startDate)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
});

test('pinning the clock needs a non-negative timestamp', async () => {
  // when
  const missing = await restCall(t, 'PUT', '/clock', {});
  const negative = await restCall(t, 'PUT', '/clock', { timestamp: -1 });
  const text = await restCall(t, 'PUT', '/clock', { timestamp: 'noon' });
  // then
  expect(missing.json).toMatchObject({
    status: 400,
    title: 'INVALID_ARGUMENT',
    detail: 'No timestamp provided.',
  });
  expect(negative.json).toMatchObject({
    status: 400,
    detail: "The value for timestamp is '-1' but must be not negative.",
  });
  expect(text.json).toMatchObject({
    status: 400,
    title: 'Bad Request',
    detail: 'Request property [timestamp] cannot be parsed',
  });
});

test('the topology presents one healthy 8.8 broker', async () => {
  // when
  const topology = await t.rest.getTopology();
  // then
  expect(topology).toEqual({
    brokers: [
      {
        nodeId: 0,
        host: '127.0.0.1',
        port: t.engine.grpcPort,
        partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
        version: '8.8.0',
      },
    ],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: '8.8.0',
    lastCompletedChangeId: '-1',
  });
});
