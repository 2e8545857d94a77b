import { issueStaffToken } from '../../../server/auth/issue-credentials';
import { startTestApi, type TestApi } from '../../helpers/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
});
afterAll(() => api.stop());

const issue = (credential: string | null, payload: Record<string, unknown>) =>
  api.call(credential, { method: 'POST', url: '/api/auth/tokens', payload });

test('an administrator issues a token that works on the routes its roles open', async () => {
  // given
  const issued = await issue(api.keys.admin, {
    staffId: 'demo.centre.manager',
    roles: ['manager'],
    ttlMinutes: 60,
  });
  const { token, expiresAt } = issued.json();
  // when
  const read = await api.call(token, { method: 'GET', url: '/api/admin/departments' });
  const write = await api.call(token, { method: 'POST', url: '/api/admin/api-keys', payload: { name: 'x' } });
  // then
  expect(issued.statusCode).toBe(201);
  expect(issued.json()).toMatchObject({
    tokenType: 'Bearer',
    staffId: 'demo.centre.manager',
    roles: ['manager'],
  });
  const lifetime = new Date(expiresAt).getTime() - Date.now();
  expect(lifetime).toBeGreaterThan(58 * 60_000);
  expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
  expect(read.statusCode).toBe(200);
  expect(write.statusCode).toBe(403);
});

test('an expired or tampered token is 401', async () => {
  // given
  const expired = issueStaffToken(
    api.deps.tokenSecret,
    'demo.centre.agent1',
    ['administrator'],
    new Date(Date.now() - 3600_000),
    60,
  ).token;
  const { token } = (await issue(api.keys.admin, { staffId: 'demo.centre.agent1', roles: ['agent'] })).json();
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['administrator'] })).toString('base64url');
  const tampered = `${header}.${forged}.${signature}`;
  // when
  const withExpired = await api.call(expired, { method: 'GET', url: '/api/admin/departments' });
  const withTampered = await api.call(tampered, { method: 'GET', url: '/api/admin/departments' });
  // then
  expect(withExpired.statusCode).toBe(401);
  expect(withExpired.json().detail).toMatch(/expired/);
  expect(withTampered.statusCode).toBe(401);
  expect(withTampered.json()).toMatchObject({ code: 'TOKEN_INVALID' });
});

test('a token is only for an existing, active member of staff (404 otherwise)', async () => {
  // given
  await api.call(api.keys.admin, {
    method: 'PATCH',
    url: '/api/admin/staff/demo.centre.agent2',
    payload: { active: false },
  });
  // when
  const unknown = await issue(api.keys.admin, { staffId: 'nobody', roles: ['agent'] });
  const inactive = await issue(api.keys.admin, { staffId: 'demo.centre.agent2', roles: ['agent'] });
  // then
  expect(unknown.statusCode).toBe(404);
  expect(inactive.statusCode).toBe(404);
  expect(inactive.json()).toMatchObject({ code: 'STAFF_NOT_FOUND' });
});

test('only administrators issue tokens, roles are staff roles, and the body is closed', async () => {
  // given
  const manager = api.tokenFor('demo.centre.manager', ['manager']);
  // when
  const byManager = await issue(manager, { staffId: 'demo.centre.manager', roles: ['administrator'] });
  const byIntegrator = await issue(api.keys.crm, { staffId: 'demo.centre.agent1', roles: ['agent'] });
  const anonymous = await issue(null, { staffId: 'demo.centre.agent1', roles: ['agent'] });
  const integratorRole = await issue(api.keys.admin, {
    staffId: 'demo.centre.agent1',
    roles: ['integrator'],
  });
  const unknownField = await issue(api.keys.admin, {
    staffId: 'demo.centre.agent1',
    roles: ['agent'],
    sub: 'x',
  });
  const missing = await issue(api.keys.admin, { roles: ['agent'] });
  // then
  expect(byManager.statusCode).toBe(403);
  expect(byIntegrator.statusCode).toBe(403);
  expect(anonymous.statusCode).toBe(401);
  expect(integratorRole.statusCode).toBe(400);
  expect(unknownField.json().errors).toContainEqual({ field: 'body.sub', problem: 'is not allowed' });
  expect(missing.json().errors).toContainEqual({ field: 'body.staffId', problem: 'is required' });
});
