import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'review-task.bpmn', 'straight-through.bpmn');
});
afterAll(() => t.stop());

const reviewInstance = () =>
  t.rest.createProcessInstance({
    processDefinitionId: 'rest-review-task',
    variables: { groups: [], priority: 1 },
  });

test('the element instances of a process instance are its flow nodes, finished ones included', async () => {
  // given
  const { processInstanceKey } = await reviewInstance();
  // when
  const result = await t.rest.searchElementInstances({
    filter: { processInstanceKey },
    sort: [{ field: 'elementInstanceKey', order: 'ASC' }],
  });
  // then
  expect(result.items.map((e) => [e.elementId, e.type, e.state])).toEqual([
    ['Start', 'START_EVENT', 'COMPLETED'],
    ['Task_Review', 'USER_TASK', 'ACTIVE'],
  ]);
});

test('an element instance item names its element, or falls back to the element id', async () => {
  // given
  const { processInstanceKey } = await reviewInstance();
  // when
  const result = await t.rest.searchElementInstances({ filter: { processInstanceKey, type: 'USER_TASK' } });
  const start = await t.rest.searchElementInstances({ filter: { processInstanceKey, type: 'START_EVENT' } });
  // then
  expect(result.items[0]).toEqual({
    elementInstanceKey: expect.stringMatching(/^\d+$/),
    elementId: 'Task_Review',
    elementName: 'Review complaint',
    type: 'USER_TASK',
    state: 'ACTIVE',
    hasIncident: false,
    processInstanceKey,
    processDefinitionKey: expect.stringMatching(/^\d+$/),
    processDefinitionId: 'rest-review-task',
    startDate: expect.stringMatching(/Z$/),
    tenantId: '<default>',
  });
  expect(start.items[0].elementName).toBe('Start');
});

test('element instances are found by element name', async () => {
  // given
  const { processInstanceKey } = await reviewInstance();
  // when
  const response = await restCall(t, 'POST', '/element-instances/search', {
    filter: { processInstanceKey, elementName: 'Review complaint' },
  });
  // then
  const items = response.json?.items as Array<{ elementId: string }>;
  expect(items.map((e) => e.elementId)).toEqual(['Task_Review']);
});

test('an element instance is read by key', async () => {
  // given
  const { processInstanceKey } = await reviewInstance();
  const [task] = (await t.rest.searchElementInstances({ filter: { processInstanceKey, type: 'USER_TASK' } }))
    .items;
  // when
  const read = await t.rest.getElementInstance(task.elementInstanceKey);
  // then
  expect(read).toEqual(task);
});

test('reading an unknown element instance is a 404, a malformed key a 400', async () => {
  // when
  const unknown = await problemOf(t.rest.getElementInstance('2251799813999999'));
  const malformed = await problemOf(t.rest.getElementInstance('invalidKey'));
  // then
  expect(unknown).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail: "Element Instance with key '2251799813999999' not found",
  });
  expect(malformed).toEqual({
    statusCode: 400,
    title: 'Bad Request',
    detail: "Failed to convert 'elementInstanceKey' with value: 'invalidKey'",
  });
});

test('an unknown filter field is refused', async () => {
  // when
  const response = await restCall(t, 'POST', '/element-instances/search', { filter: { invalidField: 'x' } });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    title: 'Bad Request',
    detail: 'Request property [filter.invalidField] cannot be parsed',
  });
});

test('a search answers its total and its page from one snapshot, even while instances start', async () => {
  // given instances being started without pause while we search
  let starting = true;
  const starter = (async () => {
    while (starting) await Promise.all(Array.from({ length: 5 }, () => reviewInstance()));
  })();
  // when searching repeatedly with room for every match
  const mismatches: string[] = [];
  try {
    for (let i = 0; i < 40; i++) {
      const result = await t.rest.searchElementInstances({
        filter: { state: 'ACTIVE' },
        page: { from: 0, limit: 10_000 },
      });
      if (result.page.totalItems !== result.items.length)
        mismatches.push(`${result.page.totalItems} total, ${result.items.length} items`);
    }
  } finally {
    starting = false;
    await starter;
  }
  // then the total always counts exactly the items returned
  expect(mismatches).toEqual([]);
});
