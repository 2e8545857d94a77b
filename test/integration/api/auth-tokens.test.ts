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

describe('a token stops working when its holder leaves or it is revoked', () => {
  const read = (token: string) => api.call(token, { method: 'GET', url: '/api/complaints' });
  const revoke = (staffId: string) =>
    api.call(api.keys.admin, { method: 'POST', url: `/api/admin/staff/${staffId}/token-revocation` });
  /** A token issued at `at` (by the server's own secret). */
  const tokenIssuedAt = (staffId: string, at: Date) =>
    issueStaffToken(api.deps.tokenSecret, staffId, ['agent'], at).token;

  test('revoking refuses every token issued so far (401), and tokens issued later work', async () => {
    // given a stolen token of an agent, working
    const stolen = (await issue(api.keys.admin, { staffId: 'demo.centre.agent1', roles: ['agent'] })).json()
      .token;
    expect((await read(stolen)).statusCode).toBe(200);
    // when
    const revoked = await revoke('demo.centre.agent1');
    // then
    expect(revoked.statusCode).toBe(200);
    const revokedAt = new Date(revoked.json().tokensRevokedAt).getTime();
    expect(revokedAt).toBeGreaterThan(Date.now() - 60_000);
    const refused = await read(stolen);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(refused.json()).toMatchObject({
      code: 'TOKEN_REVOKED',
      detail: 'The staff token was revoked; ask for a new one.',
    });
    // a token of the same second is refused too (a token keeps its issue time in seconds), a later one works
    const lastOfThatSecond = new Date(Math.floor(revokedAt / 1000) * 1000 + 999);
    const nextSecond = new Date(Math.floor(revokedAt / 1000) * 1000 + 1000);
    expect((await read(tokenIssuedAt('demo.centre.agent1', lastOfThatSecond))).statusCode).toBe(401);
    expect((await read(tokenIssuedAt('demo.centre.agent1', nextSecond))).statusCode).toBe(200);
  });

  test('deactivating someone refuses their tokens, and reactivating them does not revive those', async () => {
    // given
    const token = api.tokenFor('demo.storage_transport.staff1', ['department_staff']);
    const setActive = (active: boolean) =>
      api.call(api.keys.admin, {
        method: 'PATCH',
        url: '/api/admin/staff/demo.storage_transport.staff1',
        payload: { active },
      });
    expect((await read(token)).statusCode).toBe(200);
    // when
    await setActive(false);
    const whileInactive = await read(token);
    await setActive(true);
    const afterReturn = await read(token);
    // then
    expect(whileInactive.statusCode).toBe(401);
    expect(whileInactive.json().detail).toBe(
      'The staff token is no longer valid: its holder is not an active member of staff.',
    );
    expect(afterReturn.statusCode).toBe(401);
    expect(afterReturn.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  test('a token for someone who is not on the staff is refused', async () => {
    // given a token signed with the server's secret for an id nobody has
    const token = issueStaffToken(api.deps.tokenSecret, 'nobody', ['agent'], new Date()).token;
    // when
    const response = await read(token);
    // then
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  test('only an administrator revokes tokens; an unknown person is 404', async () => {
    // given
    const manager = api.tokenFor('demo.centre.manager', ['manager']);
    // when
    const byManager = await api.call(manager, {
      method: 'POST',
      url: '/api/admin/staff/demo.centre.agent1/token-revocation',
    });
    const unknown = await revoke('nobody');
    // then
    expect(byManager.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'STAFF_NOT_FOUND' });
  });
});
