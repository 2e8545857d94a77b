import { startTestApi, type TestApi } from '../../helpers/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
});
afterAll(() => api.stop());

const asAdmin = (options: Parameters<TestApi['call']>[1]) => api.call(api.keys.admin, options);

describe('who may use the administration', () => {
  test('without a credential it is 401 with a challenge', async () => {
    // when
    const response = await api.call(null, { method: 'GET', url: '/api/admin/departments' });
    // then
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('an agent and an integrator are refused (403); a manager may read but not change', async () => {
    // given
    const agent = api.tokenFor('demo.centre.agent1', ['agent']);
    const manager = api.tokenFor('demo.centre.manager', ['manager']);
    // when
    const byAgent = await api.call(agent, { method: 'GET', url: '/api/admin/staff' });
    const byIntegrator = await api.call(api.keys.crm, { method: 'GET', url: '/api/admin/departments' });
    const read = await api.call(manager, { method: 'GET', url: '/api/admin/departments' });
    const write = await api.call(manager, {
      method: 'PATCH',
      url: '/api/admin/departments/quality_management',
      payload: { active: false },
    });
    // then
    expect(byAgent.statusCode).toBe(403);
    expect(byIntegrator.statusCode).toBe(403);
    expect(byIntegrator.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(read.statusCode).toBe(200);
    expect(write.statusCode).toBe(403);
  });
});

describe('API keys', () => {
  test('an integrator key is shown once, listed without its secret, and unknown (401) once revoked', async () => {
    // given
    const created = await asAdmin({
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'WeChat mini program', clientId: 'wechat', complaintsPerMinute: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { id, key, prefix } = created.json();
    expect(key).toMatch(/^ck_/);
    expect(created.json()).toMatchObject({
      clientId: 'wechat',
      roles: ['integrator'],
      complaintsPerMinute: 30,
    });
    // when
    const listed = await asAdmin({ method: 'GET', url: '/api/admin/api-keys' });
    const before = await api.call(key, { method: 'GET', url: '/api/admin/departments' });
    const revoked = await asAdmin({ method: 'DELETE', url: `/api/admin/api-keys/${id}` });
    const after = await api.call(key, { method: 'GET', url: '/api/admin/departments' });
    // then
    const entry = listed.json().items.find((k: { id: string }) => k.id === id);
    expect(entry).toMatchObject({ name: 'WeChat mini program', prefix, clientId: 'wechat', revokedAt: null });
    expect(entry).not.toHaveProperty('key');
    expect(JSON.stringify(listed.json())).not.toMatch(/hash/i);
    expect(before.statusCode).toBe(403); // known, but an integrator
    expect(revoked.statusCode).toBe(204);
    expect(after.statusCode).toBe(401);
    const again = await asAdmin({ method: 'DELETE', url: `/api/admin/api-keys/${id}` });
    expect(again.statusCode).toBe(404);
  });

  test('a staff key carries its roles and works on the routes those roles open', async () => {
    // given
    const created = await asAdmin({
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'reporting job', roles: ['manager'] },
    });
    // when
    const read = await api.call(created.json().key, { method: 'GET', url: '/api/admin/penalty-policies' });
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ clientId: null, roles: ['manager'] });
    expect(read.statusCode).toBe(200);
  });

  test('a key needs either a client id or roles, not both, and no unknown field', async () => {
    // when
    const neither = await asAdmin({ method: 'POST', url: '/api/admin/api-keys', payload: { name: 'x' } });
    const both = await asAdmin({
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'x', clientId: 'crm2', roles: ['agent'] },
    });
    const unknown = await asAdmin({
      method: 'POST',
      url: '/api/admin/api-keys',
      payload: { name: 'x', roles: ['agent'], owner: 'all' },
    });
    // then
    expect(neither.statusCode).toBe(400);
    expect(both.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'body.owner', problem: 'is not allowed' });
  });

  test('only an administrator manages keys, not a process owner', async () => {
    // given
    const owner = api.tokenFor('demo.centre.director', ['process_owner']);
    // when
    const response = await api.call(owner, { method: 'GET', url: '/api/admin/api-keys' });
    // then
    expect(response.statusCode).toBe(403);
  });
});

describe('departments', () => {
  const lab = {
    code: 'lab',
    name: { zh: '检测中心', en: 'Test Laboratory' },
    candidateGroup: 'dept-lab',
    teamManagerGroup: 'dept-lab-managers',
    directorGroup: 'dept-lab-head',
  };

  test('an administrator adds, reads, renames and deactivates a department', async () => {
    // when
    const created = await asAdmin({ method: 'POST', url: '/api/admin/departments', payload: lab });
    const changed = await asAdmin({
      method: 'PATCH',
      url: '/api/admin/departments/lab',
      payload: { name: { zh: '检测实验室', en: 'Laboratory' }, active: false },
    });
    const read = await asAdmin({ method: 'GET', url: '/api/admin/departments/lab' });
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...lab, active: true });
    expect(changed.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      code: 'lab',
      name: { zh: '检测实验室', en: 'Laboratory' },
      active: false,
    });
  });

  test('a taken code is 409, so is deactivating a department rules route to; unknown 404; missing field 400', async () => {
    // when
    const duplicate = await asAdmin({
      method: 'POST',
      url: '/api/admin/departments',
      payload: { ...lab, code: 'quality_management' },
    });
    const unknown = await asAdmin({
      method: 'PATCH',
      url: '/api/admin/departments/nope',
      payload: { active: true },
    });
    const routedTo = await asAdmin({
      method: 'PATCH',
      url: '/api/admin/departments/quality_management',
      payload: { active: false },
    });
    const { directorGroup: _, ...incomplete } = lab;
    const missing = await asAdmin({
      method: 'POST',
      url: '/api/admin/departments',
      payload: { ...incomplete, code: 'lab2' },
    });
    // then
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'DEPARTMENT_EXISTS' });
    expect(unknown.statusCode).toBe(404);
    expect(routedTo.statusCode).toBe(409);
    expect(routedTo.json()).toMatchObject({ code: 'DEPARTMENT_IN_USE' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({ field: 'body.directorGroup', problem: 'is required' });
  });
});

describe('staff', () => {
  const person = {
    id: 'li.na',
    name: '李娜',
    email: 'li.na@example.com',
    role: 'department_staff',
    departmentCode: 'quality_management',
    supervisorId: 'demo.quality_management.manager',
    monthlyPerformancePay: 4200,
    groups: ['dept-quality'],
  };

  test('an administrator adds a member of staff with groups, supervisor and performance pay', async () => {
    // when
    const created = await asAdmin({ method: 'POST', url: '/api/admin/staff', payload: person });
    const listed = await asAdmin({ method: 'GET', url: '/api/admin/staff' });
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...person, active: true, demo: false });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toContain('li.na');
  });

  test('a member of staff is deactivated, not deleted, and groups are replaced', async () => {
    // given li.na exists
    // when
    const changed = await asAdmin({
      method: 'PATCH',
      url: '/api/admin/staff/li.na',
      payload: {
        active: false,
        groups: ['dept-quality', 'dept-quality-managers'],
        monthlyPerformancePay: 4500,
        supervisorId: null,
      },
    });
    const read = await asAdmin({ method: 'GET', url: '/api/admin/staff/li.na' });
    // then
    expect(changed.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      active: false,
      monthlyPerformancePay: 4500,
      supervisorId: null,
      groups: ['dept-quality', 'dept-quality-managers'],
    });
  });

  test('a duplicate id is 409; an unknown department or supervisor 422; an unknown id 404', async () => {
    // when
    const duplicate = await asAdmin({ method: 'POST', url: '/api/admin/staff', payload: person });
    const badDepartment = await asAdmin({
      method: 'POST',
      url: '/api/admin/staff',
      payload: { ...person, id: 'wang.wei', departmentCode: 'nowhere' },
    });
    const badSupervisor = await asAdmin({
      method: 'PATCH',
      url: '/api/admin/staff/li.na',
      payload: { supervisorId: 'nobody' },
    });
    const unknown = await asAdmin({ method: 'GET', url: '/api/admin/staff/nobody' });
    // then
    expect(duplicate.statusCode).toBe(409);
    expect(badDepartment.statusCode).toBe(422);
    expect(badDepartment.json()).toMatchObject({ code: 'DEPARTMENT_UNKNOWN' });
    expect(badSupervisor.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(404);
  });
});

test('the administration routes are documented under the tag admin', async () => {
  // when
  const response = await api.app.inject({ method: 'GET', url: '/docs/json' });
  // then
  expect(response.statusCode).toBe(200);
  const paths = response.json().paths;
  expect(paths['/api/admin/staff'].post.tags).toEqual(['admin']);
  expect(paths['/api/admin/penalty-policies'].post.requestBody).toBeDefined();
  expect(paths['/api/knowledge-articles'].get).toBeDefined();
});
