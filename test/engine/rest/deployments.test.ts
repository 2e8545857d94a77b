import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

test('resources deployed over REST become process definitions', async () => {
  // when
  const deployment = await t.rest.deployResourcesFromFiles([fixture('timer-wait.bpmn')]);
  // then
  expect(deployment.deploymentKey).toMatch(/^\d+$/);
  expect(deployment.processes).toEqual([
    expect.objectContaining({
      processDefinitionId: 'rest-timer-wait',
      processDefinitionVersion: 1,
      resourceName: 'timer-wait.bpmn',
      tenantId: '<default>',
    }),
  ]);
});

test('a process definition is searched and its XML is returned as deployed', async () => {
  // given
  const [process] = (await t.rest.deployResourcesFromFiles([fixture('straight-through.bpmn')])).processes;
  // when
  const found = await t.rest.searchProcessDefinitions({
    filter: { processDefinitionId: 'rest-straight-through' },
  });
  const xml = await t.rest.getProcessDefinitionXML(process.processDefinitionKey);
  // then
  expect(found.items).toEqual([
    {
      processDefinitionKey: process.processDefinitionKey,
      name: 'Straight through',
      resourceName: 'straight-through.bpmn',
      version: 1,
      processDefinitionId: 'rest-straight-through',
      tenantId: '<default>',
      hasStartForm: false,
    },
  ]);
  expect(xml).toBe(readFileSync(fixture('straight-through.bpmn'), 'utf8'));
});

test('redeploying a changed process makes a new version; isLatestVersion finds only it', async () => {
  // given
  const original = readFileSync(fixture('straight-through.bpmn'), 'utf8');
  await t.rest.deployResources([
    {
      name: 'versioned.bpmn',
      content: original.replaceAll('rest-straight-through', 'rest-versioned'),
    },
  ]);
  const changed = original
    .replaceAll('rest-straight-through', 'rest-versioned')
    .replace('name="End"', 'name="Done"');
  // when
  const second = await t.rest.deployResources([{ name: 'versioned.bpmn', content: changed }]);
  // then
  expect(second.processes[0].processDefinitionVersion).toBe(2);
  const latest = await restCall(t, 'POST', '/process-definitions/search', {
    filter: { processDefinitionId: 'rest-versioned', isLatestVersion: true },
  });
  expect((latest.json?.items as Array<{ version: number }>).map((d) => d.version)).toEqual([2]);
});

test('an invalid resource is refused with every problem listed', async () => {
  // when
  const problem = await problemOf(
    t.rest.deployResources([{ name: 'broken.bpmn', content: '<definitions>' }]),
  );
  // then
  expect(problem).toMatchObject({ statusCode: 400, title: 'INVALID_ARGUMENT' });
  expect(problem.detail).toMatch(
    /^Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources/,
  );
});
