import { startTestApi, type TestApi } from '../../helpers/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
});
afterAll(() => api.stop());

const asAdmin = (options: Parameters<TestApi['call']>[1]) => api.call(api.keys.admin, options);

const damagedGoods = {
  title: '货物破损的理赔流程',
  body: '收货时发现货物破损，请当场拍照并拒签，24小时内提交理赔申请。',
  tags: ['理赔'],
  category: 'transport',
};

describe('knowledge articles', () => {
  test('an administrator writes an article, every member of staff finds it in Chinese', async () => {
    // given
    const created = await asAdmin({
      method: 'POST',
      url: '/api/admin/knowledge-articles',
      payload: damagedGoods,
    });
    await asAdmin({
      method: 'POST',
      url: '/api/admin/knowledge-articles',
      payload: { title: '发票重开', body: '开票信息有误时，财务部重开发票。', category: 'finance' },
    });
    // when
    const results = await Promise.all(
      (['agent', 'department_staff', 'manager', 'process_owner'] as const).map((role) =>
        api.call(api.tokenFor('demo.centre.agent1', [role]), {
          method: 'GET',
          url: `/api/knowledge-articles?q=${encodeURIComponent('破损')}`,
        }),
      ),
    );
    // then
    expect(created.statusCode).toBe(201);
    for (const response of results) {
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((a: { title: string }) => a.title)).toEqual([damagedGoods.title]);
    }
  });

  test('an article is edited, hidden from search, and deleted', async () => {
    // given
    const { id } = (
      await asAdmin({
        method: 'POST',
        url: '/api/admin/knowledge-articles',
        payload: { title: '延误赔偿标准', body: '物流延误超过三天按运费的10%赔偿。', tags: [] },
      })
    ).json();
    const search = () =>
      asAdmin({ method: 'GET', url: `/api/knowledge-articles?q=${encodeURIComponent('延误')}` });
    // when
    const edited = await asAdmin({
      method: 'PATCH',
      url: `/api/admin/knowledge-articles/${id}`,
      payload: { tags: ['延误'], category: 'logistics' },
    });
    const found = await search();
    await asAdmin({
      method: 'PATCH',
      url: `/api/admin/knowledge-articles/${id}`,
      payload: { active: false },
    });
    const hidden = await search();
    const deleted = await asAdmin({ method: 'DELETE', url: `/api/admin/knowledge-articles/${id}` });
    const gone = await asAdmin({ method: 'GET', url: `/api/admin/knowledge-articles/${id}` });
    // then
    expect(edited.json()).toMatchObject({ id, tags: ['延误'], category: 'logistics' });
    expect(found.json().items).toHaveLength(1);
    expect(hidden.json().items).toHaveLength(0);
    expect(deleted.statusCode).toBe(204);
    expect(gone.statusCode).toBe(404);
  });

  test('an agent may search but not write; an integrator may not search; a query is required', async () => {
    // given
    const agent = api.tokenFor('demo.centre.agent1', ['agent']);
    // when
    const write = await api.call(agent, {
      method: 'POST',
      url: '/api/admin/knowledge-articles',
      payload: damagedGoods,
    });
    const byIntegrator = await api.call(api.keys.shop, { method: 'GET', url: '/api/knowledge-articles?q=x' });
    const noQuery = await api.call(agent, { method: 'GET', url: '/api/knowledge-articles' });
    const badField = await asAdmin({
      method: 'POST',
      url: '/api/admin/knowledge-articles',
      payload: { ...damagedGoods, author: 'me' },
    });
    // then
    expect(write.statusCode).toBe(403);
    expect(byIntegrator.statusCode).toBe(403);
    expect(noQuery.statusCode).toBe(400);
    expect(noQuery.json().errors).toContainEqual({ field: 'querystring.q', problem: 'is required' });
    expect(badField.json().errors).toContainEqual({ field: 'body.author', problem: 'is not allowed' });
  });
});
