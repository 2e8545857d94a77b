import penaltyPolicy from '../../../domain/defaults/penalty-policy.json';
import { startTestApi, type TestApi } from '../../helpers/api';

let api: TestApi;
let owner: string;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
  owner = api.tokenFor('demo.centre.director', ['process_owner']);
});
afterAll(() => api.stop());

const asOwner = (options: Parameters<TestApi['call']>[1]) => api.call(owner, options);
const { version: _version, ...policy } = penaltyPolicy;

describe('routing rules', () => {
  test('a process owner adds a sub-type rule, moves it to another department and removes it', async () => {
    // when
    const created = await asOwner({
      method: 'POST',
      url: '/api/admin/routing-rules',
      payload: { category: 'service', subType: 'attitude', departmentCode: 'customer_service' },
    });
    const { id } = created.json();
    const moved = await asOwner({
      method: 'PATCH',
      url: `/api/admin/routing-rules/${id}`,
      payload: { departmentCode: 'quality_management' },
    });
    const removed = await asOwner({ method: 'DELETE', url: `/api/admin/routing-rules/${id}` });
    const listed = await asOwner({ method: 'GET', url: '/api/admin/routing-rules' });
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ category: 'service', subType: 'attitude', active: true });
    expect(moved.json()).toMatchObject({ id, departmentCode: 'quality_management' });
    expect(removed.statusCode).toBe(204);
    expect(listed.json().items.map((r: { id: number }) => r.id)).not.toContain(id);
  });

  test('a second rule for a target is 409; the domain refuses an unknown sub-type or department (422)', async () => {
    // when: the seeded rules cover every category already
    const duplicate = await asOwner({
      method: 'POST',
      url: '/api/admin/routing-rules',
      payload: { category: 'transport', departmentCode: 'customer_service' },
    });
    const badSubType = await asOwner({
      method: 'POST',
      url: '/api/admin/routing-rules',
      payload: { category: 'transport', subType: 'teleport', departmentCode: 'customer_service' },
    });
    const badDepartment = await asOwner({
      method: 'POST',
      url: '/api/admin/routing-rules',
      payload: { category: 'service', subType: 'skill', departmentCode: 'nowhere' },
    });
    const unknown = await asOwner({ method: 'PATCH', url: '/api/admin/routing-rules/99999', payload: {} });
    // then
    expect(duplicate.statusCode).toBe(409);
    expect(badSubType.statusCode).toBe(422);
    expect(badSubType.json()).toMatchObject({ code: 'INVALID_ROUTING_RULES' });
    expect(badSubType.json().detail).toMatch(/"teleport" is not a sub-type of transport/);
    expect(badDepartment.json().detail).toMatch(/unknown department "nowhere"/);
    expect(unknown.statusCode).toBe(404);
  });

  test('an agent may not change routing rules', async () => {
    // when
    const response = await api.call(api.tokenFor('demo.centre.agent1', ['agent']), {
      method: 'DELETE',
      url: '/api/admin/routing-rules/1',
    });
    // then
    expect(response.statusCode).toBe(403);
  });
});

describe('calendars', () => {
  const holidays2027 = [
    {
      name: { zh: '元旦', en: "New Year's Day" },
      from: '2027-01-01',
      to: '2027-01-03',
      makeUpWorkingDays: [],
    },
    {
      name: { zh: '春节', en: 'Spring Festival' },
      from: '2027-02-05',
      to: '2027-02-11',
      makeUpWorkingDays: ['2027-02-14'],
    },
  ];

  test("a process owner sets next year's holidays and make-up days; other years stay", async () => {
    // when
    const saved = await asOwner({
      method: 'PUT',
      url: '/api/admin/calendars/cn-2026/holidays/2027',
      payload: { holidays: holidays2027 },
    });
    const of2026 = await asOwner({ method: 'GET', url: '/api/admin/calendars/cn-2026/holidays?year=2026' });
    const calendars = await asOwner({ method: 'GET', url: '/api/admin/calendars' });
    // then
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ years: [2026, 2027], holidays: holidays2027 });
    expect(of2026.json().holidays.length).toBeGreaterThan(0);
    expect(calendars.json().items[0]).toMatchObject({
      code: 'cn-2026',
      years: [2026, 2027],
      isDefault: true,
    });
  });

  test('a day both off and a make-up day is refused by the domain; an unknown calendar is 404', async () => {
    // when
    const clash = await asOwner({
      method: 'PUT',
      url: '/api/admin/calendars/cn-2026/holidays/2027',
      payload: { holidays: [{ ...holidays2027[0], makeUpWorkingDays: ['2027-01-02'] }] },
    });
    const wrongYear = await asOwner({
      method: 'PUT',
      url: '/api/admin/calendars/cn-2026/holidays/2028',
      payload: { holidays: holidays2027 },
    });
    const unknown = await asOwner({ method: 'GET', url: '/api/admin/calendars/mars/holidays' });
    // then
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({ code: 'INVALID_CALENDAR' });
    expect(clash.json().detail).toMatch(/2027-01-02 is both a day off and a make-up working day/);
    expect(wrongYear.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('approval thresholds', () => {
  test('a process owner raises the team manager limit; the steps are checked by the domain', async () => {
    // given
    const current = (await asOwner({ method: 'GET', url: '/api/admin/approval-thresholds' })).json();
    const raised = { ...current, steps: [{ ...current.steps[0], upTo: 2000 }, ...current.steps.slice(1)] };
    const descending = {
      ...current,
      steps: [{ ...current.steps[0], upTo: 20000 }, ...current.steps.slice(1)],
    };
    // when
    const saved = await asOwner({ method: 'PUT', url: '/api/admin/approval-thresholds', payload: raised });
    const refused = await asOwner({
      method: 'PUT',
      url: '/api/admin/approval-thresholds',
      payload: descending,
    });
    // then
    expect(saved.statusCode).toBe(200);
    expect(saved.json().steps[0]).toMatchObject({ level: 'team_manager', upTo: 2000 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'INVALID_APPROVAL_THRESHOLDS' });
  });
});

describe('penalty policies', () => {
  test('a new version is published and becomes current; the earlier one is kept', async () => {
    // given
    const next = { ...policy, effectiveFrom: '2027-01-01', caps: { maxSharePerPerson: 0.3 } };
    // when
    const published = await asOwner({ method: 'POST', url: '/api/admin/penalty-policies', payload: next });
    const read = await api.call(api.tokenFor('demo.centre.manager', ['manager']), {
      method: 'GET',
      url: '/api/admin/penalty-policies',
    });
    // then
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      version: 2,
      active: true,
      createdBy: 'staff:demo.centre.director',
    });
    expect(read.json().current).toMatchObject({ version: 2, policy: { caps: { maxSharePerPerson: 0.3 } } });
    expect(read.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  test("an invalid policy is refused with the domain's message; an unknown field names it", async () => {
    // given
    const brackets = [{ lossUpTo: null, directShare: 0.1, supervisorShare: 0.5 }];
    // when
    const invalid = await asOwner({
      method: 'POST',
      url: '/api/admin/penalty-policies',
      payload: { ...policy, responsibility: { ...policy.responsibility, brackets } },
    });
    const unknown = await asOwner({
      method: 'POST',
      url: '/api/admin/penalty-policies',
      payload: { ...policy, version: 9 },
    });
    // then
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({ code: 'INVALID_PENALTY_POLICY' });
    expect(invalid.json().detail).toMatch(
      /bracket 1: the supervisor's share must not exceed the direct share/,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'body.version', problem: 'is not allowed' });
  });
});

describe('notification templates', () => {
  test('saving a template makes a new version; the built-in one is version 0', async () => {
    // given
    const before = await asOwner({ method: 'GET', url: '/api/admin/notification-templates/follow_up/en' });
    // when
    const saved = await asOwner({
      method: 'PUT',
      url: '/api/admin/notification-templates/follow_up/en',
      payload: { subject: 'How did we do on {{complaintNumber}}?', body: 'Dear customer, tell us.' },
    });
    const after = await asOwner({ method: 'GET', url: '/api/admin/notification-templates/follow_up/en' });
    const all = await asOwner({ method: 'GET', url: '/api/admin/notification-templates' });
    // then
    expect(before.json()).toMatchObject({ current: { version: 0 }, placeholders: ['complaintNumber'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, editedBy: 'staff:demo.centre.director' });
    expect(after.json().current).toMatchObject({
      version: 1,
      subject: 'How did we do on {{complaintNumber}}?',
    });
    expect(after.json().versions).toHaveLength(1);
    expect(all.json().items).toHaveLength(28);
  });

  test('a placeholder no notification supplies is refused (422); an unknown template is 404', async () => {
    // when
    const unknownPlaceholder = await asOwner({
      method: 'PUT',
      url: '/api/admin/notification-templates/follow_up/zh-CN',
      payload: { subject: '回访 {{complaintNumber}}', body: '{{customerName}} 您好' },
    });
    const unknownKey = await asOwner({
      method: 'PUT',
      url: '/api/admin/notification-templates/birthday/en',
      payload: { subject: 'x', body: 'y' },
    });
    // then
    expect(unknownPlaceholder.statusCode).toBe(422);
    expect(unknownPlaceholder.json()).toMatchObject({ code: 'TEMPLATE_PLACEHOLDER_UNKNOWN' });
    expect(unknownKey.statusCode).toBe(404);
  });
});
