import { Writable } from 'node:stream';
import { createLogger } from '../../../lib/logger';
import { buildApp } from '../../../server/app';
import { issueStaffToken } from '../../../server/auth/issue-credentials';
import { startTestApi, type TestApi } from '../../helpers/api';
import {
  DAMAGED_GOODS,
  eventually,
  fileComplaint,
  multipart,
  newKey,
  problemOf,
  waitForStep,
} from './support';

// Each security rule of the API and the attack it stops: no credential or a forged one, an
// integrator reaching for another's complaints, contact details shown to roles that need not see
// them or written to logs, fields that must never come from a body, floods, foreign origins.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { complaintsPerMinute: 1000 } });
}, 60_000);
afterAll(() => api.stop());

test('no credential, a mistyped key, a forged token or an expired one are 401 with a challenge', async () => {
  const forged = `${api.tokenFor('demo.centre.agent1', ['administrator']).slice(0, -4)}AAAA`;
  for (const credential of [null, 'ck_AAAAAAAA_not-a-real-key-at-all-not-a-real-key', forged]) {
    const response = await api.call(credential, { method: 'GET', url: '/api/complaints' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problemOf(response).code).toMatch(/CREDENTIALS_MISSING|API_KEY_INVALID|TOKEN_INVALID/);
  }
  const expired = issueStaffToken(
    api.deps.tokenSecret,
    'demo.centre.agent1',
    ['agent'],
    new Date(Date.now() - 86_400_000),
    60,
  ).token;
  const response = await api.call(expired, { method: 'GET', url: '/api/complaints' });
  expect(response.statusCode).toBe(401);
  expect(problemOf(response).detail).toContain('expired');
});

test('an API key is accepted as X-Api-Key too, and only its hash is stored', async () => {
  const response = await api.app.inject({
    method: 'GET',
    url: '/api/complaints',
    headers: { 'x-api-key': api.keys.crm },
  });
  expect(response.statusCode).toBe(200);
  const stored: Array<{ key_hash: string }> = await api.db.query(`SELECT key_hash FROM api_key`);
  expect(JSON.stringify(stored)).not.toContain(api.keys.crm.split('_')[2]);
});

test("an integrator never sees or touches another integrator's complaint, on any route", async () => {
  // given a complaint of the CRM
  const number = await fileComplaint(api, api.keys.crm);
  await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  // when the web shop's key reaches for it in every way
  const attempts = await Promise.all([
    api.call(api.keys.shop, { method: 'GET', url: `/api/complaints/${number}` }),
    api.call(api.keys.shop, {
      method: 'POST',
      url: `/api/complaints/${number}/responses`,
      payload: { response: 'appeal', appealReason: 'x' },
    }),
    api.call(api.keys.shop, { method: 'POST', url: `/api/complaints/${number}/withdrawal`, payload: {} }),
    api.call(api.keys.shop, {
      method: 'POST',
      url: `/api/complaints/${number}/evidence`,
      ...multipart([{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('x') }]),
    }),
    api.call(api.keys.shop, { method: 'DELETE', url: `/api/complaints/${number}/personal-data` }),
  ]);
  // then each is "not found", exactly as for a number that does not exist
  expect(attempts.map((r) => [r.statusCode, problemOf(r).code])).toEqual(
    Array(5).fill([404, 'COMPLAINT_NOT_FOUND']),
  );
  // and its list does not show it, whatever the filter
  const list = await api.call(api.keys.shop, { method: 'GET', url: '/api/complaints?limit=100' });
  expect(list.json().items.map((c: { number: string }) => c.number)).not.toContain(number);
  // while the CRM's own list does
  const own = await api.call(api.keys.crm, { method: 'GET', url: '/api/complaints?limit=100' });
  expect(own.json().items.map((c: { number: string }) => c.number)).toContain(number);
});

test('contact details are masked for department staff, shown to agents and to the integrator that sent them', async () => {
  const number = await fileComplaint(api, api.keys.crm);
  const asDepartment = await api.call(api.tokenFor('demo.storage_transport.staff1', ['department_staff']), {
    method: 'GET',
    url: `/api/complaints/${number}`,
  });
  expect(asDepartment.json().complainant).toEqual({
    name: '张*',
    phone: '138****5678',
    email: 'z***n@example.com',
    erased: false,
  });
  const asAgent = await api.call(api.tokenFor('demo.centre.agent1', ['agent']), {
    method: 'GET',
    url: `/api/complaints/${number}`,
  });
  expect(asAgent.json().complainant).toMatchObject({ name: '张三', phone: '13812345678' });
  const asIntegrator = await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` });
  expect(asIntegrator.json().complainant).toMatchObject({ email: 'zhang.san@example.com' });
});

test('roles are enforced: department staff may read but not file; an integrator may not erase for others', async () => {
  const department = api.tokenFor('demo.storage_transport.staff1', ['department_staff']);
  const filing = await api.call(department, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: DAMAGED_GOODS,
  });
  expect(filing.statusCode).toBe(403);
  expect(problemOf(filing).code).toBe('ROLE_REQUIRED');
});

test('fields like state, assignee or number are never taken from a body', async () => {
  for (const field of [{ state: 'closed' }, { assignee: 'demo.centre.agent1' }, { number: '26110001' }]) {
    const response = await api.call(api.keys.crm, {
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': newKey() },
      payload: { ...DAMAGED_GOODS, ...field },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      { field: `body.${Object.keys(field)[0]}`, problem: 'is not allowed' },
    ]);
  }
});

test('erasing personal data clears it from the record, the outbox, the notices and the process variables', async () => {
  // given a complaint whose preliminary reply, written by an agent, names the complainant,
  const number = await fileComplaint(api, api.keys.crm);
  await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  const complaint = (
    await api.db.query(`SELECT id, process_instance_key FROM complaint WHERE number = $1`, [number])
  )[0];
  const [review] = (
    await api.t.rest.searchUserTasks({
      filter: { processInstanceKey: complaint.process_instance_key, state: 'CREATED' },
    } as never)
  ).items;
  await api.t.rest.assignUserTask({ userTaskKey: review.userTaskKey, assignee: 'demo.centre.agent1' });
  await api.t.rest.completeUserTask({
    userTaskKey: review.userTaskKey,
    variables: {
      reviewOutcome: 'valid',
      reviewReason: '货物确有破损',
      preliminaryReply: '张三先生您好，您的投诉已受理。',
    },
  });
  await eventually('the preliminary reply to be written', async () => {
    const rows = await api.db.query(
      `SELECT 1 FROM notification WHERE complaint_id = $1 AND body LIKE '%张三先生%'`,
      [complaint.id],
    );
    return rows.length > 0 ? rows : undefined;
  });
  // and a variable that happens to carry the phone number
  await api.t.zeebe.setVariables({
    elementInstanceKey: complaint.process_instance_key,
    variables: { callNote: '客户来电 13812345678，要求尽快处理' },
    local: false,
  });
  // when
  const response = await api.call(api.keys.crm, {
    method: 'DELETE',
    url: `/api/complaints/${number}/personal-data`,
  });
  // then
  expect(response.statusCode).toBe(200);
  // (two variables: the call note, and the preliminary reply that names the complainant)
  expect(response.json()).toMatchObject({ contactErased: true, processVariablesErased: 2 });
  expect(response.json().notificationsAnonymised).toBeGreaterThan(0);
  const everywhere = JSON.stringify([
    await api.db.query(`SELECT * FROM complainant WHERE complaint_id = $1`, [complaint.id]),
    await api.db.query(`SELECT subject, body, data FROM notification WHERE complaint_id = $1`, [
      complaint.id,
    ]),
    await api.db.query(
      `SELECT d.recipients FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.complaint_id = $1`,
      [complaint.id],
    ),
    (
      await api.t.rest.searchVariables({
        filter: { processInstanceKey: complaint.process_instance_key },
      } as never)
    ).items,
  ]);
  for (const personal of ['张三', '13812345678', 'zhang.san@example.com'])
    expect(everywhere).not.toContain(personal);
  const detail = await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` });
  expect(detail.json().complainant).toMatchObject({ erased: true, phone: null, email: null });
});

test('complaint creation is limited per key and minute', async () => {
  const limited = await startTestApi({ workers: false, config: { complaintsPerMinute: 2 } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await limited.call(limited.keys.crm, {
        method: 'POST',
        url: '/api/complaints',
        headers: { 'idempotency-key': newKey() },
        payload: DAMAGED_GOODS,
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(problemOf(response).code).toBe('COMPLAINT_RATE_LIMITED');
    }
    expect(statuses).toEqual([201, 201, 429]);
    // another key has its own allowance
    const other = await limited.call(limited.keys.shop, {
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': newKey() },
      payload: DAMAGED_GOODS,
    });
    expect(other.statusCode).toBe(201);
  } finally {
    await limited.stop();
  }
});

test('a flood from one caller is refused with 429 and Retry-After; other callers are still served', async () => {
  // given an app that lets each caller make 3 requests a minute
  const app = buildApp({
    log: api.deps.log,
    readiness: [],
    api: { ...api.deps, config: { ...api.deps.config, rateLimitPerMinute: 3 } },
  });
  try {
    const list = (credential: string) =>
      app.inject({
        method: 'GET',
        url: '/api/complaints',
        headers: { authorization: `Bearer ${credential}` },
      });
    // when
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await list(api.keys.crm)).statusCode);
    const refused = await list(api.keys.crm);
    const other = await list(api.keys.shop);
    const probe = await app.inject({ method: 'GET', url: '/health' });
    // then
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(problemOf(refused)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(other.statusCode).toBe(200);
    expect(probe.statusCode).toBe(200);
  } finally {
    await app.close();
  }
});

test('a server whose event loop is stalled refuses with 503 and Retry-After, then serves again', async () => {
  // given an app that counts a mean event-loop delay over 10 ms as overload
  const app = buildApp({
    log: api.deps.log,
    readiness: [],
    api: {
      ...api.deps,
      config: { ...api.deps.config, overload: { eventLoopDelayMs: 10, heapUsedBytes: 0 } },
    },
  });
  try {
    await app.ready();
    const list = () =>
      app.inject({
        method: 'GET',
        url: '/api/complaints',
        headers: { authorization: `Bearer ${api.keys.crm}` },
      });
    expect((await list()).statusCode).toBe(200);
    // when the loop is blocked for 2 s (at most ~100 samples a second: the mean exceeds 19 ms)
    const until = Date.now() + 2000;
    while (Date.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await list();
    // then
    expect(refused.statusCode).toBe(503);
    expect(problemOf(refused)).toMatchObject({ status: 503, code: 'OVERLOADED' });
    expect(refused.headers['retry-after']).toBe('5');
    await eventually(
      'the server serves again',
      async () => ((await list()).statusCode === 200 ? true : undefined),
      5000,
    );
  } finally {
    await app.close();
  }
});

test('a server whose heap in use is over its limit refuses with 503 and Retry-After', async () => {
  // given an app that counts any heap over 1 MiB as overload
  const app = buildApp({
    log: api.deps.log,
    readiness: [],
    api: {
      ...api.deps,
      config: { ...api.deps.config, overload: { eventLoopDelayMs: 0, heapUsedBytes: 1024 * 1024 } },
    },
  });
  try {
    await app.ready();
    // when (the heap is sampled each second)
    const refused = await eventually('the heap to be sampled', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/complaints',
        headers: { authorization: `Bearer ${api.keys.crm}` },
      });
      return response.statusCode === 503 ? response : undefined;
    });
    // then
    expect(problemOf(refused)).toMatchObject({ status: 503, code: 'OVERLOADED' });
    expect(problemOf(refused).detail).toContain('heapUsedBytes');
    expect(refused.headers['retry-after']).toBe('5');
  } finally {
    await app.close();
  }
});

test('CORS answers only the allowlisted origins; security headers are set', async () => {
  const allowed = await api.app.inject({
    method: 'OPTIONS',
    url: '/api/complaints',
    headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST' },
  });
  expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
  const foreign = await api.app.inject({
    method: 'OPTIONS',
    url: '/api/complaints',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  });
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  const any = await api.call(api.keys.crm, { method: 'GET', url: '/api/complaints' });
  expect(any.headers['x-content-type-options']).toBe('nosniff');
  expect(any.headers['content-security-policy']).toBeDefined();
});

test('the logs never carry contact details or credentials', async () => {
  // given an app logging at debug level into a buffer
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ level: 'trace', pretty: false, destination });
  const app = buildApp({ log, readiness: [], api: { ...api.deps, log } });
  // when a complaint is filed, and a bad one refused
  await app.inject({
    method: 'POST',
    url: '/api/complaints?phone=13812345678',
    headers: { authorization: `Bearer ${api.keys.crm}`, 'idempotency-key': newKey() },
    payload: DAMAGED_GOODS,
  });
  await app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: { authorization: `Bearer ${api.keys.crm}`, 'idempotency-key': newKey() },
    payload: { ...DAMAGED_GOODS, channel: 'pigeon' },
  });
  await app.close();
  // then
  const logged = lines.join('');
  expect(logged).toContain('request completed');
  for (const secret of ['13812345678', 'zhang.san@example.com', '张三', api.keys.crm])
    expect(logged).not.toContain(secret);
});

test('the OpenAPI document describes the routes, and Swagger UI is served at /docs', async () => {
  const document = await api.app.inject({ method: 'GET', url: '/docs/json' });
  expect(document.statusCode).toBe(200);
  const paths = Object.keys(document.json().paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/api/complaints',
      '/api/complaints/{number}',
      '/api/complaints/{number}/personal-data',
    ]),
  );
  const ui = await api.app.inject({ method: 'GET', url: '/docs/' });
  expect(ui.statusCode).toBe(200);
  expect(ui.body).toContain('swagger');
});

test('the OpenAPI document gives every route its error answers, and each complaint and credential route its answer', async () => {
  // given
  type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
  const { paths } = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );
  // then every operation under /api says its 4XX and 5XX answers are problem+json
  for (const { route, operation } of operations.filter(({ route }) => route.includes(' /api/'))) {
    for (const range of ['4XX', '5XX']) {
      expect({
        route,
        range,
        schema: operation.responses[range]?.content?.['application/problem+json']?.schema,
      }).toEqual({
        route,
        range,
        schema: expect.objectContaining({ required: expect.arrayContaining(['status', 'code', 'detail']) }),
      });
    }
  }
  // and each complaint route its success answer, field by field
  const answerOf = (route: string, status: string) =>
    operations.find((operation) => operation.route === route)?.operation.responses[status]?.content?.[
      'application/json'
    ]?.schema as { properties: Record<string, unknown> } | undefined;
  expect(Object.keys(answerOf('POST /api/complaints', '201')?.properties ?? {})).toEqual([
    'number',
    'state',
    'process',
    'receivedAt',
    'links',
  ]);
  expect(Object.keys(answerOf('GET /api/complaints/{number}', '200')?.properties ?? {})).toEqual(
    expect.arrayContaining([
      'number',
      'state',
      'complainant',
      'evidence',
      'currentSteps',
      'breaches',
      'timeline',
    ]),
  );
  for (const [route, status] of [
    ['GET /api/complaints', '200'],
    ['POST /api/complaints/{number}/responses', '202'],
    ['POST /api/complaints/{number}/evidence', '201'],
    ['POST /api/complaints/{number}/withdrawal', '202'],
    ['DELETE /api/complaints/{number}/personal-data', '200'],
    ['POST /api/admin/api-keys', '201'],
    ['GET /api/admin/api-keys', '200'],
    ['POST /api/auth/tokens', '201'],
  ]) {
    expect({ route, documented: answerOf(route, status) !== undefined }).toEqual({ route, documented: true });
  }
});
