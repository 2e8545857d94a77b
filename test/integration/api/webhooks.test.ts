import { startTestApi, type TestApi } from '../../helpers/api';
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../../../server/routes/webhooks';
import { problemOf } from './support';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
});
afterAll(() => api.stop());
afterEach(async () => {
  await api.db.query(`DELETE FROM webhook_subscription`);
});

const subscribe = (credential: string, payload: Record<string, unknown>) =>
  api.call(credential, { method: 'POST', url: '/api/webhooks', payload });
const list = (credential: string) => api.call(credential, { method: 'GET', url: '/api/webhooks' });
const remove = (credential: string, id: string) =>
  api.call(credential, { method: 'DELETE', url: `/api/webhooks/${id}` });

const CRM_HOOK = { url: 'https://crm.example.com/hooks/complaints', events: ['closed', 'withdrawn'] };

describe('an integrator’s webhook subscriptions', () => {
  test('are created (201 with an id), listed and deleted (204), then gone', async () => {
    // given
    const created = await subscribe(api.keys.crm, CRM_HOOK);
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    // when
    const listed = await list(api.keys.crm);
    const deleted = await remove(api.keys.crm, id);
    const afterwards = await list(api.keys.crm);
    // then
    expect(created.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientId: 'crm',
      url: CRM_HOOK.url,
      events: ['closed', 'withdrawn'],
      createdAt: expect.any(String),
    });
    expect(listed.json()).toEqual({ items: [created.json()] });
    expect(deleted.statusCode).toBe(204);
    expect(afterwards.json()).toEqual({ items: [] });
    expect((await remove(api.keys.crm, id)).statusCode).toBe(404);
  });

  test('accept ["*"] for every state, and plain http://', async () => {
    // when
    const response = await subscribe(api.keys.crm, { url: 'http://10.0.0.7:8080/cb?x=1', events: ['*'] });
    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ events: ['*'] });
  });

  test('are the client’s own: another integrator neither sees nor deletes them (404)', async () => {
    // given
    const crm = (await subscribe(api.keys.crm, CRM_HOOK)).json<{ id: string }>();
    const shop = (
      await subscribe(api.keys.shop, { url: 'https://shop.example.com/cb', events: ['*'] })
    ).json<{
      id: string;
    }>();
    // when
    const seenByShop = await list(api.keys.shop);
    const deletedByShop = await remove(api.keys.shop, crm.id);
    // then
    expect(seenByShop.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([shop.id]);
    expect(deletedByShop.statusCode).toBe(404);
    expect(problemOf(deletedByShop).code).toBe('WEBHOOK_NOT_FOUND');
    expect((await list(api.keys.crm)).json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([
      crm.id,
    ]);
  });

  test(`are at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} per client (409), counting only live ones`, async () => {
    // given
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i++) {
      expect((await subscribe(api.keys.crm, { ...CRM_HOOK, url: `${CRM_HOOK.url}/${i}` })).statusCode).toBe(
        201,
      );
    }
    // when
    const oneTooMany = await subscribe(api.keys.crm, CRM_HOOK);
    const forAnotherClient = await subscribe(api.keys.shop, CRM_HOOK);
    // then
    expect(oneTooMany.statusCode).toBe(409);
    expect(problemOf(oneTooMany).code).toBe('WEBHOOK_LIMIT_REACHED');
    expect(forAnotherClient.statusCode).toBe(201);
    // and when one is deleted, there is room again
    const first = (await list(api.keys.crm)).json<{ items: { id: string }[] }>().items[0];
    await remove(api.keys.crm, first.id);
    expect((await subscribe(api.keys.crm, CRM_HOOK)).statusCode).toBe(201);
  });
});

describe('what a subscription must be', () => {
  test.each([
    ['ftp://crm.example.com/hooks', 'a URL that is not http(s)'],
    ['javascript:alert(1)', 'a script URL'],
    ['crm.example.com/hooks', 'a URL without a scheme'],
  ])('%s (%s) is refused: 400 naming body.url', async (url) => {
    // when
    const response = await subscribe(api.keys.crm, { url, events: ['closed'] });
    // then
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([expect.objectContaining({ field: 'body.url' })]);
  });

  test('a URL with credentials is refused: 400 naming body.url', async () => {
    // when
    const response = await subscribe(api.keys.crm, {
      url: 'https://user:secret@crm.example.com/h',
      events: ['*'],
    });
    // then
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'body.url', problem: expect.stringMatching(/credentials/) }]);
  });

  test('an unknown event, no event, or "*" mixed with states is refused: 400 naming body.events', async () => {
    // when
    const unknown = await subscribe(api.keys.crm, { url: CRM_HOOK.url, events: ['closed', 'shipped'] });
    const none = await subscribe(api.keys.crm, { url: CRM_HOOK.url, events: [] });
    const mixed = await subscribe(api.keys.crm, { url: CRM_HOOK.url, events: ['*', 'closed'] });
    // then
    expect(problemOf(unknown).errors).toEqual([expect.objectContaining({ field: 'body.events.1' })]);
    expect(problemOf(none).errors).toEqual([expect.objectContaining({ field: 'body.events' })]);
    expect(problemOf(mixed).errors).toEqual([expect.objectContaining({ field: 'body.events' })]);
    expect([unknown, none, mixed].map((r) => r.statusCode)).toEqual([400, 400, 400]);
  });

  test('unknown fields and missing fields are refused, each named', async () => {
    // when
    const response = await subscribe(api.keys.crm, { url: CRM_HOOK.url, secret: 'x' });
    // then
    expect(response.statusCode).toBe(400);
    expect(
      problemOf(response)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['body.events', 'body.secret']);
  });
});

describe('who may use webhooks', () => {
  test('staff without the administrator role are refused (403), and so is no credential (401)', async () => {
    // given
    const agent = api.tokenFor('demo.centre.agent1', ['agent']);
    // when
    const byAgent = await subscribe(agent, CRM_HOOK);
    const listedByAgent = await list(agent);
    const anonymous = await api.call(null, { method: 'GET', url: '/api/webhooks' });
    // then
    expect(byAgent.statusCode).toBe(403);
    expect(problemOf(byAgent).code).toBe('ROLE_REQUIRED');
    expect(listedByAgent.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
  });

  test('an administrator lists every client’s, may delete any, but does not subscribe (no client id)', async () => {
    // given
    const crm = (await subscribe(api.keys.crm, CRM_HOOK)).json<{ id: string }>();
    await subscribe(api.keys.shop, { url: 'https://shop.example.com/cb', events: ['*'] });
    // when
    const listed = await list(api.keys.admin);
    const created = await subscribe(api.keys.admin, CRM_HOOK);
    const deleted = await remove(api.keys.admin, crm.id);
    // then
    expect(
      listed
        .json<{ items: { clientId: string }[] }>()
        .items.map((s) => s.clientId)
        .sort(),
    ).toEqual(['crm', 'shop']);
    expect(created.statusCode).toBe(403);
    expect(problemOf(created).code).toBe('CLIENT_REQUIRED');
    expect(deleted.statusCode).toBe(204);
  });

  test('a malformed id is a 400, not a database error', async () => {
    // when
    const response = await remove(api.keys.crm, 'not-a-uuid');
    // then
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
  });
});
