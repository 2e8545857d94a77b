import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'review-task.bpmn');
});
afterAll(() => t.stop());

/** Starts one review task per entry; returns the user task keys in creation order. */
async function reviewTasks(...tasks: Array<{ groups: string[]; priority?: number }>): Promise<string[]> {
  const keys: string[] = [];
  for (const { groups, priority = 50 } of tasks) {
    const instance = await t.rest.createProcessInstance({
      processDefinitionId: 'rest-review-task',
      variables: { groups, priority },
    });
    const found = await t.rest.searchUserTasks({
      filter: { processInstanceKey: instance.processInstanceKey },
    });
    keys.push(found.items[0].userTaskKey);
  }
  return keys;
}

test('user tasks are found by candidate group', async () => {
  // given
  const [support, , both] = await reviewTasks(
    { groups: ['group-support'] },
    { groups: ['group-sales'] },
    { groups: ['group-support', 'group-sales'] },
  );
  // when
  const result = await t.rest.searchUserTasks({ filter: { candidateGroup: 'group-support' } });
  // then
  expect(result.items.map((task) => task.userTaskKey)).toEqual([support, both]);
  expect(result.page.totalItems).toBe(2);
});

test('a user task item carries the 8.8 fields with keys as strings', async () => {
  // given
  const [key] = await reviewTasks({ groups: ['group-shape'], priority: 70 });
  // when
  const result = await t.rest.searchUserTasks({ filter: { userTaskKey: key } });
  // then
  expect(result.items[0]).toEqual({
    userTaskKey: key,
    name: 'Review complaint',
    state: 'CREATED',
    elementId: 'Task_Review',
    candidateGroups: ['group-shape'],
    candidateUsers: [],
    processDefinitionId: 'rest-review-task',
    processName: 'Review task',
    processDefinitionVersion: 1,
    processDefinitionKey: expect.stringMatching(/^\d+$/),
    processInstanceKey: expect.stringMatching(/^\d+$/),
    elementInstanceKey: expect.stringMatching(/^\d+$/),
    creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    tenantId: '<default>',
    customHeaders: {},
    priority: 70,
  });
});

test('user tasks are found by assignee', async () => {
  // given
  const [assigned] = await reviewTasks({ groups: ['group-assignee'] }, { groups: ['group-assignee'] });
  await t.rest.assignUserTask({ userTaskKey: assigned, assignee: 'anna' });
  // when
  const result = await t.rest.searchUserTasks({
    filter: { candidateGroup: 'group-assignee', assignee: 'anna' },
  });
  // then
  expect(result.items.map((task) => task.userTaskKey)).toEqual([assigned]);
});

test('user tasks are found by state, completed ones included', async () => {
  // given
  const [done, open] = await reviewTasks({ groups: ['group-state'] }, { groups: ['group-state'] });
  await t.rest.completeUserTask({ userTaskKey: done });
  // when
  const completed = await t.rest.searchUserTasks({
    filter: { candidateGroup: 'group-state', state: 'COMPLETED' },
  });
  const created = await t.rest.searchUserTasks({
    filter: { candidateGroup: 'group-state', state: 'CREATED' },
  });
  // then
  expect(completed.items.map((task) => [task.userTaskKey, task.state])).toEqual([[done, 'COMPLETED']]);
  expect(completed.items[0].completionDate).toEqual(expect.any(String));
  expect(created.items.map((task) => task.userTaskKey)).toEqual([open]);
});

test('sort order is accepted in upper case and in lower case', async () => {
  // given
  const [low, high, middle] = await reviewTasks(
    { groups: ['group-sort'], priority: 10 },
    { groups: ['group-sort'], priority: 90 },
    { groups: ['group-sort'], priority: 50 },
  );
  // when
  const descending = await t.rest.searchUserTasks({
    filter: { candidateGroup: 'group-sort' },
    sort: [{ field: 'priority', order: 'DESC' }],
  });
  const ascending = await restCall(t, 'POST', '/user-tasks/search', {
    filter: { candidateGroup: 'group-sort' },
    sort: [{ field: 'priority', order: 'asc' }],
  });
  // then
  expect(descending.items.map((task) => task.userTaskKey)).toEqual([high, middle, low]);
  const items = ascending.json?.items as Array<{ userTaskKey: string }>;
  expect(items.map((task) => task.userTaskKey)).toEqual([low, middle, high]);
});

test('the SDK default search (lower-case asc on creationDate) lists tasks oldest first', async () => {
  // given
  const keys = await reviewTasks({ groups: ['group-default-sort'] }, { groups: ['group-default-sort'] });
  // when
  const result = await t.rest.searchUserTasks({ filter: { candidateGroup: 'group-default-sort' } });
  // then
  expect(result.items.map((task) => task.userTaskKey)).toEqual(keys);
});

test('offset paging returns a page and the total of all matches', async () => {
  // given
  const keys = await reviewTasks(...Array.from({ length: 5 }, () => ({ groups: ['group-offset'] })));
  // when
  const page = await t.rest.searchUserTasks({
    filter: { candidateGroup: 'group-offset' },
    page: { from: 2, limit: 2 },
  });
  // then
  expect(page.items.map((task) => task.userTaskKey)).toEqual(keys.slice(2, 4));
  expect(page.page.totalItems).toBe(5);
});

test('cursor paging goes forward with after and back with before', async () => {
  // given
  const keys = await reviewTasks(...Array.from({ length: 5 }, () => ({ groups: ['group-cursor'] })));
  const filter = { candidateGroup: 'group-cursor' };
  const first = await t.rest.searchUserTasks({ filter, page: { from: 0, limit: 2 } });
  // when
  const second = await t.rest.searchUserTasks({
    filter,
    page: { from: 0, limit: 2, after: first.page.endCursor },
  });
  const third = await t.rest.searchUserTasks({
    filter,
    page: { from: 0, limit: 2, after: second.page.endCursor },
  });
  const back = await t.rest.searchUserTasks({
    filter,
    page: { from: 0, limit: 2, before: second.page.startCursor },
  });
  // then
  expect(second.items.map((task) => task.userTaskKey)).toEqual(keys.slice(2, 4));
  expect(third.items.map((task) => task.userTaskKey)).toEqual(keys.slice(4));
  expect(back.items.map((task) => task.userTaskKey)).toEqual(keys.slice(0, 2));
  expect(third.page.totalItems).toBe(5);
});

test('cursor paging follows a descending sort', async () => {
  // given
  const [p10, p30, p20] = await reviewTasks(
    { groups: ['group-cursor-desc'], priority: 10 },
    { groups: ['group-cursor-desc'], priority: 30 },
    { groups: ['group-cursor-desc'], priority: 20 },
  );
  const query = {
    filter: { candidateGroup: 'group-cursor-desc' },
    sort: [{ field: 'priority' as const, order: 'DESC' as const }],
  };
  const first = await t.rest.searchUserTasks({ ...query, page: { from: 0, limit: 1 } });
  // when
  const rest = await t.rest.searchUserTasks({
    ...query,
    page: { from: 0, limit: 5, after: first.page.endCursor },
  });
  // then
  expect(first.items.map((task) => task.userTaskKey)).toEqual([p30]);
  expect(rest.items.map((task) => task.userTaskKey)).toEqual([p20, p10]);
});

test('an empty result has items and no cursors', async () => {
  // when
  const result = await restCall(t, 'POST', '/user-tasks/search', { filter: { candidateGroup: 'nobody' } });
  // then
  expect(result.json).toEqual({ items: [], page: { totalItems: 0, hasMoreTotalItems: false } });
});

test('the SDK filter field followupDate is refused as 8.8 refuses it', async () => {
  // when
  const result = await restCall(t, 'POST', '/user-tasks/search', {
    filter: { followupDate: '2025-01-01T00:00:00Z' },
  });
  // then
  expect(result.status).toBe(400);
  expect(result.json).toMatchObject({
    title: 'Bad Request',
    detail: 'Request property [filter.followupDate] cannot be parsed',
  });
});
