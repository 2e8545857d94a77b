import { buildApp } from '../../../server/app';
import { SCOPES, scopeOf } from '../../../server/auth/scopes';
import { startTestApi, type TestApi } from '../../helpers/api';
import { DAMAGED_GOODS, fileComplaint, multipart, newKey, problemOf } from './support';

// A key does what both its roles and its scopes allow. The attacks it stops: a key handed to a
// read-only dashboard, or to a web form that only files complaints, leaks, and is used to file,
// erase, subscribe or mint more keys.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ workers: false, config: { complaintsPerMinute: 1000 } });
}, 60_000);
afterAll(() => api.stop());

/** A key made by the administrator through the API, with these settings. */
async function keyWith(
  payload: Record<string, unknown>,
): Promise<{ key: string; id: string; scopes: string[] }> {
  const created = await api.call(api.keys.admin, {
    method: 'POST',
    url: '/api/admin/api-keys',
    payload: { name: 'scoped key', ...payload },
  });
  expect(created.statusCode).toBe(201);
  return created.json();
}

const file = (key: string) =>
  api.call(key, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: DAMAGED_GOODS,
  });

describe('making scoped keys', () => {
  test('a key made without scopes has every scope; one made with some has those, listed with it', async () => {
    // when
    const full = await keyWith({ clientId: 'dashboard' });
    const narrow = await keyWith({ clientId: 'dashboard', scopes: ['complaints:read'] });
    const listed = await api.call(api.keys.admin, { method: 'GET', url: '/api/admin/api-keys' });
    // then
    expect(full.scopes).toEqual([...SCOPES]);
    expect(narrow.scopes).toEqual(['complaints:read']);
    const entry = listed.json().items.find((item: { id: string }) => item.id === narrow.id);
    expect(entry).toMatchObject({ scopes: ['complaints:read'] });
  });

  test('an unknown scope, a repeated one or an empty list is 400, naming the scopes there are', async () => {
    // when
    const unknown = await api.call(api.keys.admin, {
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'x', clientId: 'crm9', scopes: ['complaints:read', 'complaints:delete'] },
    });
    const repeated = await api.call(api.keys.admin, {
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'x', clientId: 'crm9', scopes: ['complaints:read', 'complaints:read'] },
    });
    const empty = await api.call(api.keys.admin, {
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'x', clientId: 'crm9', scopes: [] },
    });
    // then
    expect(problemOf(unknown).errors).toEqual([
      {
        field: 'body.scopes.1',
        problem: `must be one of: ${SCOPES.slice(0, -1).join(', ')} or administration`,
      },
    ]);
    expect(repeated.statusCode).toBe(400);
    expect(problemOf(repeated).errors?.[0].field).toBe('body.scopes');
    expect(empty.statusCode).toBe(400);
    expect(problemOf(empty).errors?.[0].field).toBe('body.scopes');
  });
});

describe('a key is refused (403) what its scopes do not name, before its request is read', () => {
  test('a read-only integrator key reads its own complaints but cannot file, act on or erase them', async () => {
    // given a complaint the dashboard's client filed with its full key
    const full = await keyWith({ clientId: 'dash' });
    const number = await fileComplaint(api, full.key);
    const readOnly = (await keyWith({ clientId: 'dash', scopes: ['complaints:read'] })).key;
    // when
    const list = await api.call(readOnly, { method: 'GET', url: '/api/complaints' });
    const detail = await api.call(readOnly, { method: 'GET', url: `/api/complaints/${number}` });
    const refused = await Promise.all([
      file(readOnly),
      api.call(readOnly, {
        method: 'POST',
        url: `/api/complaints/${number}/responses`,
        payload: { response: 'accept' },
      }),
      api.call(readOnly, {
        method: 'POST',
        url: `/api/complaints/${number}/evidence`,
        ...multipart([{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('x') }]),
      }),
      api.call(readOnly, {
        method: 'POST',
        url: `/api/complaints/${number}/withdrawal`,
        payload: { reason: 'settled by phone' },
      }),
      api.call(readOnly, { method: 'DELETE', url: `/api/complaints/${number}/personal-data` }),
      api.call(readOnly, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'https://crm.example.com/hook', events: ['closed'] },
      }),
    ]);
    // then
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { number: string }) => c.number)).toEqual([number]);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().complainant).toMatchObject({ phone: DAMAGED_GOODS.complainant.phone });
    expect(refused.map((r) => [r.statusCode, problemOf(r).code])).toEqual(
      Array(6).fill([403, 'SCOPE_REQUIRED']),
    );
    expect(problemOf(refused[4]).detail).toMatch(
      /needs the scope "personal-data:erase", and the key has complaints:read/,
    );
    // and nothing was done: one complaint, its contact details kept, no evidence, no subscription
    const after = await api.call(full.key, { method: 'GET', url: `/api/complaints/${number}` });
    expect(after.json()).toMatchObject({
      state: 'registered',
      complainant: { phone: '13812345678' },
      evidence: [],
    });
    const all = await api.call(full.key, { method: 'GET', url: '/api/complaints' });
    expect(all.json().items).toHaveLength(1);
    const hooks = await api.call(full.key, { method: 'GET', url: '/api/webhooks' });
    expect(hooks.json().items).toEqual([]);
  });

  test('a key that only files complaints cannot read them back, nor anyone else’s', async () => {
    // given
    const formOnly = (await keyWith({ clientId: 'form', scopes: ['complaints:create'] })).key;
    // when
    const filed = await file(formOnly);
    const detail = await api.call(formOnly, { method: 'GET', url: filed.json().links.self });
    const list = await api.call(formOnly, { method: 'GET', url: '/api/complaints' });
    // then
    expect(filed.statusCode).toBe(201);
    expect([detail.statusCode, list.statusCode]).toEqual([403, 403]);
    expect(problemOf(list).code).toBe('SCOPE_REQUIRED');
  });

  test('an administrator key for a reporting job reads analyses but cannot mint keys or tokens', async () => {
    // given
    const reporting = (await keyWith({ roles: ['administrator'], scopes: ['analysis:read'] })).key;
    // when
    const counts = await api.call(reporting, { method: 'GET', url: '/api/analysis/counts?by=channel' });
    const mintKey = await api.call(reporting, {
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'escalated', roles: ['administrator'] },
    });
    const mintToken = await api.call(reporting, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { staffId: 'demo.centre.manager', roles: ['administrator'] },
    });
    const tasks = await api.call(reporting, { method: 'GET', url: '/api/tasks' });
    // then
    expect(counts.statusCode).toBe(200);
    expect([mintKey, mintToken, tasks].map((r) => [r.statusCode, problemOf(r).code])).toEqual(
      Array(3).fill([403, 'SCOPE_REQUIRED']),
    );
    const keys = await api.call(api.keys.admin, { method: 'GET', url: '/api/admin/api-keys' });
    expect(keys.json().items.map((k: { name: string }) => k.name)).not.toContain('escalated');
  });

  test('a scope does not widen a key beyond its roles', async () => {
    // given an integrator key that names the administration scope
    const integrator = (await keyWith({ clientId: 'crm7', scopes: ['administration', 'complaints:read'] }))
      .key;
    // when
    const response = await api.call(integrator, { method: 'GET', url: '/api/admin/departments' });
    // then
    expect(response.statusCode).toBe(403);
    expect(problemOf(response).code).toBe('ROLE_REQUIRED');
  });

  test('a staff token is not limited by scopes: its roles decide', async () => {
    // given
    const agent = api.tokenFor('demo.centre.agent1', ['agent']);
    // when
    const filed = await file(agent);
    const read = await api.call(agent, { method: 'GET', url: filed.json().links.self });
    // then
    expect([filed.statusCode, read.statusCode]).toEqual([201, 200]);
  });
});

describe('every route under /api needs a scope', () => {
  test('each operation of the OpenAPI document names the scope the server checks for it', async () => {
    // given
    const document = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      info: { description: string };
      paths: Record<string, Record<string, { description?: string }>>;
    }>();
    // when
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          scope: scopeOf(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1')),
          description: operation.description ?? '',
        })),
      );
    // then
    expect(operations.length).toBeGreaterThan(40);
    for (const scope of SCOPES) expect(document.info.description).toContain(`- \`${scope}\`: `);
    for (const { route, scope, description } of operations) {
      expect({ route, scope }).toEqual({ route, scope: expect.any(String) });
      expect(description).toContain(`API-key scope: \`${scope}\`.`);
    }
  });

  test('a route under /api that no scope names is refused when the server starts', async () => {
    // given the application with one more route, unknown to scopes.ts
    const app = buildApp({ log: api.deps.log, readiness: [], api: api.deps });
    app.register(async (child) => child.get('/api/reports', async () => ({})));
    // when / then
    await expect(app.ready()).rejects.toThrow(
      'The route GET /api/reports has no API-key scope: name its scope in server/auth/scopes.ts.',
    );
    await app.close().catch(() => undefined);
  });
});
