import { readFileSync } from 'node:fs';
import { type ZBClient } from 'zeebe-node';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { fixture, zeebeNodeClient } from './zeebe-node-client';

// zeebe-node 8.3 deploys, starts instances and reads the topology as against a Camunda 8 gateway.

let t: TestEngine;
let zbc: ZBClient;
beforeAll(async () => {
  t = await startTestEngine();
  zbc = zeebeNodeClient(t.engine);
});
afterAll(async () => {
  await zbc.close();
  await t.stop();
});

test('deployResource deploys a BPMN file as version 1 of its process', async () => {
  // when
  const deployment = await zbc.deployResource({ processFilename: fixture('zbnode-charge-order.bpmn') });
  // then
  expect(deployment.deployments).toEqual([
    expect.objectContaining({
      process: expect.objectContaining({
        bpmnProcessId: 'zbnode-charge-order',
        version: 1,
        resourceName: fixture('zbnode-charge-order.bpmn'), // zeebe-node sends the path it was given
        processDefinitionKey: expect.stringMatching(/^\d+$/),
      }),
    }),
  ]);
});

test('deployProcess (the deprecated DeployProcess RPC) deploys a process from a buffer', async () => {
  // when
  const deployment = await zbc.deployProcess({
    name: 'zbnode-check-stock.bpmn',
    definition: readFileSync(fixture('zbnode-check-stock.bpmn')),
  });
  // then
  expect(deployment.processes).toEqual([
    expect.objectContaining({
      bpmnProcessId: 'zbnode-check-stock',
      version: 1,
      resourceName: 'zbnode-check-stock.bpmn',
    }),
  ]);
});

test('createProcessInstance starts the latest version and answers with its keys', async () => {
  // given
  await zbc.deployResource({ processFilename: fixture('zbnode-charge-order.bpmn') });
  // when
  const instance = await zbc.createProcessInstance({
    bpmnProcessId: 'zbnode-charge-order',
    variables: { orderId: 'O-1' },
  });
  // then
  expect(instance).toEqual(
    expect.objectContaining({
      bpmnProcessId: 'zbnode-charge-order',
      version: 1,
      processInstanceKey: expect.stringMatching(/^\d+$/),
      processDefinitionKey: expect.stringMatching(/^\d+$/),
    }),
  );
  const [job] = await t.zeebe.activateJobs({
    type: 'zbnode-charge',
    worker: 'check',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: 5_000,
  });
  expect(job.processInstanceKey).toBe(instance.processInstanceKey);
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
});

test('createProcessInstanceWithResult answers with the variables of the completed instance', async () => {
  // given
  await zbc.deployResource({ processFilename: fixture('zbnode-charge-order.bpmn') });
  const worker = zbc.createWorker({
    taskType: 'zbnode-charge',
    taskHandler: (job) => job.complete({ charged: job.variables.amount }),
  });
  // when
  const result = await zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'zbnode-charge-order',
    variables: { orderId: 'O-2', amount: 30 },
    requestTimeout: 10_000,
  });
  // then
  expect(result.variables).toEqual({ orderId: 'O-2', amount: 30, charged: 30 });
  await worker.close();
});

test('topology shows one healthy broker leading partition 1', async () => {
  // when
  const topology = await zbc.topology();
  // then
  expect(topology).toEqual(
    expect.objectContaining({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
      brokers: [
        expect.objectContaining({
          nodeId: 0,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        }),
      ],
    }),
  );
});
