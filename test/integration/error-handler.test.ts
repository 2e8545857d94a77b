import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { createLogger } from '../../lib/logger';
import { buildApp } from '../../server/app';

/** The application with a few routes that fail in known ways, and the log lines it writes. */
function appWithFailingRoutes(): { app: FastifyInstance; logged: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const app = buildApp({ log: createLogger({ level: 'info', pretty: false, destination }), readiness: [] });
  app.get('/complaints/:number', async () => {
    throw new NotFoundError('Complaint C-2025-0042 not found', 'COMPLAINT_NOT_FOUND');
  });
  app.post('/complaints/:number/close', async () => {
    throw new ConflictError('Complaint C-2025-0042 is already closed', 'COMPLAINT_CLOSED');
  });
  app.post(
    '/complaints',
    {
      schema: {
        body: Type.Object({
          title: Type.String({ minLength: 1 }),
          channel: Type.String(),
          amount: Type.Optional(Type.Integer()),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/crash', async () => {
    throw new Error('connect ECONNREFUSED postgres://app:secret@10.0.0.7:5432');
  });
  return { app, logged: () => chunks.join('') };
}

let t: ReturnType<typeof appWithFailingRoutes>;
beforeEach(() => {
  t = appWithFailingRoutes();
});
afterEach(() => t.app.close());

test('an AppError is answered as application/problem+json with its status, code and message', async () => {
  // when
  const response = await t.app.inject({ method: 'GET', url: '/complaints/C-2025-0042?phone=138' });
  // then
  expect(response.statusCode).toBe(404);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toEqual({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: 'Complaint C-2025-0042 not found',
    instance: '/complaints/C-2025-0042',
    code: 'COMPLAINT_NOT_FOUND',
  });
});

test('a conflict is answered 409', async () => {
  // when
  const response = await t.app.inject({ method: 'POST', url: '/complaints/C-2025-0042/close' });
  // then
  expect(response.statusCode).toBe(409);
  expect(response.json()).toMatchObject({
    code: 'COMPLAINT_CLOSED',
    detail: 'Complaint C-2025-0042 is already closed',
  });
});

test('a body failing its schema is answered 400 listing every bad field, not just the first', async () => {
  // when
  const response = await t.app.inject({
    method: 'POST',
    url: '/complaints',
    payload: { title: '', amount: 1.5 },
  });
  // then
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({
    status: 400,
    code: 'VALIDATION_FAILED',
    detail: 'Invalid request: 3 fields are invalid',
    errors: expect.arrayContaining([
      { field: 'body.title', problem: 'must NOT have fewer than 1 characters' },
      { field: 'body.channel', problem: 'is required' },
      { field: 'body.amount', problem: 'must be integer' },
    ]),
  });
});

test('malformed JSON is answered 400 problem+json', async () => {
  // when
  const response = await t.app.inject({
    method: 'POST',
    url: '/complaints',
    headers: { 'content-type': 'application/json' },
    payload: '{"title":',
  });
  // then
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
});

test('an unexpected error is answered 500 without its message, and logged in full with the request id', async () => {
  // when
  const response = await t.app.inject({ method: 'GET', url: '/crash' });
  // then
  expect(response.statusCode).toBe(500);
  expect(response.body).not.toContain('secret');
  expect(response.body).not.toContain('ECONNREFUSED');
  const body = response.json();
  expect(body).toMatchObject({
    status: 500,
    code: 'INTERNAL_ERROR',
    detail: 'An unexpected error occurred; it has been logged.',
  });
  expect(t.logged()).toContain('ECONNREFUSED');
  expect(t.logged()).toContain(`"reqId":"${body.requestId}"`);
});

test('an unknown route is answered 404 problem+json', async () => {
  // when
  const response = await t.app.inject({ method: 'DELETE', url: '/nowhere' });
  // then
  expect(response.statusCode).toBe(404);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'No route DELETE /nowhere' });
});

test('requests to the probes are not logged; other requests are', async () => {
  // when
  await t.app.inject({ method: 'GET', url: '/health' });
  await t.app.inject({ method: 'GET', url: '/complaints/C-2025-0042' });
  // then
  expect(t.logged()).not.toContain('/health');
  expect(t.logged()).toContain('/complaints/C-2025-0042');
});

test('a request is logged without its query string, which may carry personal data', async () => {
  // when
  await t.app.inject({ method: 'GET', url: '/complaints/C-2025-0042?phone=13800000000' });
  // then
  expect(t.logged()).toContain('"url":"/complaints/C-2025-0042"');
  expect(t.logged()).not.toContain('13800000000');
});
