import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deployFixtures(t, 'review-task.bpmn');
});
afterAll(() => t.stop());

async function reviewTask(): Promise<{ userTaskKey: string; processInstanceKey: string }> {
  const instance = await t.rest.createProcessInstance({
    processDefinitionId: 'rest-review-task',
    variables: { groups: ['reviewers'], priority: 50 },
  });
  const found = await t.rest.searchUserTasks({ filter: { processInstanceKey: instance.processInstanceKey } });
  return { userTaskKey: found.items[0].userTaskKey, processInstanceKey: instance.processInstanceKey };
}

test('assigning a user task answers 204 with no body and sets the assignee', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  // when
  const answer = await t.rest.assignUserTask({ userTaskKey, assignee: 'anna' });
  // then
  expect(answer).toBe('');
  expect((await t.rest.getUserTask(userTaskKey)).assignee).toBe('anna');
});

test('claiming a task someone else holds is a 409 conflict', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await t.rest.assignUserTask({ userTaskKey, assignee: 'anna' });
  // when
  const problem = await problemOf(
    t.rest.assignUserTask({ userTaskKey, assignee: 'ben', allowOverride: false }),
  );
  // then
  expect(problem).toEqual({
    statusCode: 409,
    title: 'INVALID_STATE',
    detail: `Command 'CLAIM' rejected with code 'INVALID_STATE': Expected to claim user task with key '${userTaskKey}', but it has already been assigned`,
  });
});

test('claiming a task one already holds succeeds', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await t.rest.assignUserTask({ userTaskKey, assignee: 'anna' });
  // when
  await t.rest.assignUserTask({ userTaskKey, assignee: 'anna', allowOverride: false });
  // then
  expect((await t.rest.getUserTask(userTaskKey)).assignee).toBe('anna');
});

test('assigning with a blank assignee is refused', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  // when
  const problem = await problemOf(t.rest.assignUserTask({ userTaskKey, assignee: ' ' }));
  // then
  expect(problem).toEqual({ statusCode: 400, title: 'INVALID_ARGUMENT', detail: 'No assignee provided.' });
});

test('unassigning removes the assignee', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await t.rest.assignUserTask({ userTaskKey, assignee: 'anna' });
  // when
  const answer = await t.rest.unassignUserTask({ userTaskKey });
  // then
  expect(answer).toBe('');
  expect((await t.rest.getUserTask(userTaskKey)).assignee).toBeUndefined();
});

test('unassigning an unknown task is a 404 worded as the ASSIGN command it is', async () => {
  // when
  const problem = await problemOf(t.rest.unassignUserTask({ userTaskKey: '2251799813999999' }));
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail:
      "Command 'ASSIGN' rejected with code 'NOT_FOUND': Expected to assign user task with key '2251799813999999', but no such user task was found",
  });
});

test('the real 8.8 update route changes due date, candidates and priority', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  // when
  const response = await restCall(t, 'PATCH', `/user-tasks/${userTaskKey}`, {
    changeset: { dueDate: '2030-01-02T10:00:00+01:00', candidateGroups: ['seniors'], priority: 80 },
    action: 'escalate',
  });
  // then
  expect(response.status).toBe(204);
  expect(response.text).toBe('');
  const task = await t.rest.getUserTask(userTaskKey);
  expect(task).toMatchObject({
    dueDate: '2030-01-02T09:00:00.000Z',
    candidateGroups: ['seniors'],
    priority: 80,
  });
});

test("the SDK's updateUserTask (PATCH …/update with a bare changeset) works too", async () => {
  // given
  const { userTaskKey } = await reviewTask();
  // when
  await t.rest.updateUserTask({
    userTaskKey,
    changeset: { followUpDate: '2030-02-01T00:00:00Z', candidateUsers: ['carl'] },
  });
  // then
  const task = await t.rest.getUserTask(userTaskKey);
  expect(task).toMatchObject({ followUpDate: '2030-02-01T00:00:00.000Z', candidateUsers: ['carl'] });
});

test('an empty string in the changeset resets a date', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await restCall(t, 'PATCH', `/user-tasks/${userTaskKey}`, {
    changeset: { dueDate: '2030-01-01T00:00:00Z' },
  });
  // when
  await restCall(t, 'PATCH', `/user-tasks/${userTaskKey}`, { changeset: { dueDate: '' } });
  // then
  expect((await t.rest.getUserTask(userTaskKey)).dueDate).toBeUndefined();
});

test('an update without data or with an unparsable date is refused', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  // when
  const empty = await restCall(t, 'PATCH', `/user-tasks/${userTaskKey}`, { changeset: {} });
  const badDate = await restCall(t, 'PATCH', `/user-tasks/${userTaskKey}`, {
    changeset: { dueDate: 'tomorrow' },
  });
  // then
  expect(empty.json).toMatchObject({
    status: 400,
    detail:
      'No update data provided. Provide at least an "action" or a non-null value for a supported attribute in the "changeset".',
  });
  expect(badDate.json).toMatchObject({
    status: 400,
    detail: "The provided dueDate 'tomorrow' cannot be parsed as a date according to RFC 3339, section 5.6.",
  });
});

test('completing a task with variables continues the process with them', async () => {
  // given
  const { userTaskKey, processInstanceKey } = await reviewTask();
  // when
  const answer = await t.rest.completeUserTask({ userTaskKey, variables: { approved: true } });
  // then
  expect(answer).toBe('');
  const instance = await t.rest.searchProcessInstances({ filter: { processInstanceKey } });
  expect(instance.items[0].state).toBe('COMPLETED');
  const approved = await t.rest.searchVariables({ filter: { processInstanceKey, name: 'approved' } });
  expect(approved.items.map((v) => [v.scopeKey, v.value])).toEqual([[processInstanceKey, 'true']]);
});

test('completing a task twice is a 404: the task has left the runtime', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await t.rest.completeUserTask({ userTaskKey });
  // when
  const problem = await problemOf(t.rest.completeUserTask({ userTaskKey }));
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail: `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete user task with key '${userTaskKey}', but no such user task was found`,
  });
});

test('a completed task can still be read', async () => {
  // given
  const { userTaskKey } = await reviewTask();
  await t.rest.completeUserTask({ userTaskKey });
  // when
  const task = await t.rest.getUserTask(userTaskKey);
  // then
  expect(task).toMatchObject({ userTaskKey, state: 'COMPLETED', completionDate: expect.any(String) });
});

test('reading an unknown user task is a 404', async () => {
  // when
  const problem = await problemOf(t.rest.getUserTask('2251799813999999'));
  // then
  expect(problem).toEqual({
    statusCode: 404,
    title: 'NOT_FOUND',
    detail: "User Task with key '2251799813999999' not found",
  });
});

test("a task's variable search lists the variables of every scope up to the process instance", async () => {
  // given
  const { userTaskKey, processInstanceKey } = await reviewTask();
  // when
  const result = await t.rest.searchUserTaskVariables({
    userTaskKey,
    sort: [{ field: 'name', order: 'ASC' }],
  });
  // then
  expect(result.items.map((v) => [v.name, v.value, v.scopeKey])).toEqual([
    ['groups', '["reviewers"]', processInstanceKey],
    ['priority', '50', processInstanceKey],
  ]);
});
