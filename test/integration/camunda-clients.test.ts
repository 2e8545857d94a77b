import path from 'node:path';
import { createCamundaClients, embeddedEngine, type CamundaClients } from '../../lib/camunda';
import { createLogger } from '../../lib/logger';
import { Type } from 'typebox';
import { startWorkers } from '../../workers';
import { defineWorker } from '../../workers/runtime/define-worker';
import { complete } from '../../workers/runtime/job-outcome';
import { startTestEngine, type TestEngine } from '../helpers/engine';

const log = createLogger({ level: 'silent', pretty: false });

let t: TestEngine;
let clients: CamundaClients;
beforeAll(async () => {
  t = await startTestEngine();
  clients = createCamundaClients(embeddedEngine(t.engine), log);
});
afterAll(async () => {
  await clients.close();
  await t.stop();
});

test('the gRPC client reaches the embedded engine', async () => {
  // when
  const topology = await clients.zeebe.topology();
  // then
  expect(topology.brokers).toHaveLength(1);
});

test('the REST client reaches the embedded engine', async () => {
  // when
  const topology = await clients.rest.getTopology();
  // then
  expect(topology.brokers).toHaveLength(1);
});

test('the probe client reaches the embedded engine', async () => {
  // when
  const topology = await clients.probe.topology();
  // then
  expect(topology.brokers).toHaveLength(1);
});

test('startWorkers starts each registered worker on the gRPC client, and the workers serve their job types', async () => {
  // given
  await clients.zeebe.deployResource({ processFilename: path.join(__dirname, 'fixtures/one-task.bpmn') });
  const greet = defineWorker({
    jobType: 'greet-customer',
    variables: Type.Object({}),
    handle: async () => complete({ greeted: true }),
  });
  const workers = startWorkers(
    clients.zeebe,
    { db: undefined as never, rest: clients.rest, now: () => new Date(), log },
    [greet],
  );
  // when
  const result = await clients.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'one-task',
    variables: {},
    requestTimeout: 20_000,
  });
  // then
  expect(result.variables).toEqual({ greeted: true });
  expect(workers.jobTypes).toEqual(['greet-customer']);
  await workers.close();
});
