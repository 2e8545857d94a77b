import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deployFixtures, problemOf, restCall } from './rest-support';

const MAX_MESSAGE_SIZE = 64 * 1024;

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ maxMessageSize: MAX_MESSAGE_SIZE });
  await deployFixtures(t, 'straight-through.bpmn');
});
afterAll(() => t.stop());

test('every error is an application/problem+json body whose status is the HTTP status', async () => {
  // when
  const response = await restCall(t, 'GET', '/user-tasks/2251799813999999');
  // then
  expect(response.status).toBe(404);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.json).toEqual({
    type: 'about:blank',
    title: 'NOT_FOUND',
    status: 404,
    detail: "User Task with key '2251799813999999' not found",
    instance: '/v2/user-tasks/2251799813999999',
  });
});

test('an unknown request field is a 400 naming the field', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances', {
    processDefinitionId: 'rest-straight-through',
    bpmnProcessId: 'rest-straight-through',
  });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    title: 'Bad Request',
    detail: 'Request property [bpmnProcessId] cannot be parsed',
  });
});

test('8.6/8.7 paging (searchAfter) is an unknown field in 8.8', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances/search', { page: { searchAfter: ['1'] } });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    detail: 'Request property [page.searchAfter] cannot be parsed',
  });
});

test('a sort without a field is refused', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances/search', { sort: [{ order: 'ASC' }] });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    title: 'INVALID_ARGUMENT',
    detail: 'Sort field must not be null.',
  });
});

test('a key sent as a JSON number is refused: keys are strings', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances', {
    processDefinitionKey: 2251799813685249,
  });
  // then
  expect(response.json).toMatchObject({
    status: 400,
    detail: 'Request property [processDefinitionKey] cannot be parsed',
  });
});

test('a malformed key in the path is a 400', async () => {
  // when
  const problem = await problemOf(t.rest.completeUserTask({ userTaskKey: 'abc' }));
  // then
  expect(problem).toEqual({
    statusCode: 400,
    title: 'Bad Request',
    detail: "Failed to convert 'userTaskKey' with value: 'abc'",
  });
});

test('an unknown key is a 404', async () => {
  // when
  const problem = await problemOf(t.rest.cancelProcessInstance({ processInstanceKey: '2251799813999999' }));
  // then
  expect(problem).toMatchObject({ statusCode: 404, title: 'NOT_FOUND' });
});

test('a body above the maximum message size is a 413', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances', {
    processDefinitionId: 'rest-straight-through',
    variables: { blob: 'x'.repeat(MAX_MESSAGE_SIZE) },
  });
  // then
  expect(response.status).toBe(413);
  expect(response.json).toMatchObject({
    status: 413,
    title: 'Payload Too Large',
    detail: `The request body is larger than the engine's maximum message size (maxMessageSize) of ${MAX_MESSAGE_SIZE} bytes.`,
  });
});

test('a body that is not JSON is a 400', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances', '{"processDefinitionId":');
  // then
  expect(response.json).toMatchObject({ status: 400, title: 'Bad Request' });
});

test('a required body that is missing is a 400', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances');
  // then
  expect(response.json).toMatchObject({ status: 400, detail: 'Required request body is missing' });
});

test('an unknown route is a 404 saying the embedded engine does not implement it', async () => {
  // when
  const response = await restCall(t, 'POST', '/decision-definitions/evaluation', {});
  // then
  expect(response.json).toMatchObject({
    status: 404,
    title: 'Not Found',
    detail: expect.stringContaining(
      'No route POST /v2/decision-definitions/evaluation: the embedded engine does not implement it',
    ),
  });
});

test('requests with a JSON content type, no body and an empty authorization header are served', async () => {
  // when
  const response = await restCall(t, 'GET', '/topology', undefined, { authorization: '' });
  const reset = await restCall(t, 'POST', '/clock/reset', undefined, { authorization: '' });
  // then
  expect(response.status).toBe(200);
  expect(reset.status).toBe(204);
  expect(reset.text).toBe('');
});

test('an unimplemented feature is a 501', async () => {
  // when
  const response = await restCall(t, 'POST', '/process-instances', {
    processDefinitionId: 'rest-straight-through',
    tags: ['vip'],
  });
  // then
  expect(response.json).toMatchObject({
    status: 501,
    title: 'UNIMPLEMENTED',
    detail: 'The embedded engine does not support process instance tags.',
  });
});
