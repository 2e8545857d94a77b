import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'straight-through.bpmn');
});
afterAll(() => t.stop());

const finishedInstance = (variables: Record<string, unknown>) =>
  t.rest.createProcessInstanceWithResult({ processDefinitionId: 'rest-straight-through', variables });

test('the variables of a finished instance are found with their JSON values', async () => {
  // given
  const { processInstanceKey } = await finishedInstance({ orderId: 'A-1', amount: 42, items: { a: 1 } });
  // when
  const result = await t.rest.searchVariables({
    filter: { processInstanceKey },
    sort: [{ field: 'name', order: 'ASC' }],
  });
  // then
  expect(result.items).toEqual([
    expect.objectContaining({
      name: 'amount',
      value: '42',
      scopeKey: processInstanceKey,
      isTruncated: false,
    }),
    expect.objectContaining({ name: 'items', value: '{"a":1}' }),
    expect.objectContaining({ name: 'orderId', value: '"A-1"', tenantId: '<default>' }),
  ]);
});

test('variables are found by value, compared as JSON', async () => {
  // given
  const { processInstanceKey } = await finishedInstance({ status: 'open', nested: { x: [1, 2] } });
  // when
  const byString = await t.rest.searchVariables({ filter: { processInstanceKey, value: '"open"' } });
  const byObject = await t.rest.searchVariables({ filter: { processInstanceKey, value: '{ "x": [1, 2] }' } });
  // then
  expect(byString.items.map((v) => v.name)).toEqual(['status']);
  expect(byObject.items.map((v) => v.name)).toEqual(['nested']);
});

test('variables are found by name with a like pattern', async () => {
  // given
  const { processInstanceKey } = await finishedInstance({ customerName: 'x', customerId: 'y', other: 'z' });
  // when
  const result = await t.rest.searchVariables({
    filter: { processInstanceKey, name: { $like: 'customer*' } },
    sort: [{ field: 'name', order: 'ASC' }],
  });
  // then
  expect(result.items.map((v) => v.name)).toEqual(['customerId', 'customerName']);
});

test('long values are truncated unless truncateValues=false; a variable read by key is whole', async () => {
  // given
  const long = 'x'.repeat(10_000);
  const { processInstanceKey } = await finishedInstance({ long });
  // when
  const truncated = await t.rest.searchVariables({ filter: { processInstanceKey } });
  const whole = await restCall(t, 'POST', '/variables/search?truncateValues=false', {
    filter: { processInstanceKey },
  });
  const read = await t.rest.getVariable({ variableKey: truncated.items[0].variableKey });
  // then
  expect(truncated.items[0]).toMatchObject({ isTruncated: true, value: expect.stringMatching(/^"x+$/) });
  expect(truncated.items[0].value.length).toBeLessThan(long.length);
  expect((whole.json?.items as Array<{ value: string }>)[0].value).toBe(JSON.stringify(long));
  expect(read.value).toBe(long);
});

test('reading an unknown variable is a 404', async () => {
  // when
  const problem = await problemOf(t.rest.getVariable({ variableKey: '2251799813999999' }));
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail: "Variable with key '2251799813999999' not found",
  });
});
