import classificationRules from '../../../domain/defaults/classification-rules.json';
import { startTestApi, type TestApi } from '../../helpers/api';
import { eventually, fileComplaint, problemOf } from './support';

// The classification rules are data a process owner changes through the API (issue 3: "rules are
// data an administrator can change"): a new version classifies the complaints registered after it.
let api: TestApi;
let owner: string;
beforeAll(async () => {
  api = await startTestApi();
  owner = api.tokenFor('demo.centre.director', ['process_owner']);
}, 60_000);
afterAll(() => api.stop());

const { version: _version, ...rules } = classificationRules;
const LEMON = { channel: 'web', subject: '柠檬车', description: '柠檬车。', complainant: { name: '王五' } };

async function categoryOf(number: string): Promise<string> {
  return eventually(`complaint ${number} to be classified`, async () => {
    const body = (await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` })).json();
    return body.category ?? undefined;
  });
}

test('a new keyword published by the process owner classifies the complaints that come after it', async () => {
  // given a complaint in words no rule knows
  const before = await categoryOf(await fileComplaint(api, api.keys.crm, LEMON));
  expect(before).not.toBe('quality');
  // when the process owner adds 柠檬车 (a lemon: a defective car) to the quality keywords
  const quality = rules.categories.quality;
  const response = await api.call(owner, {
    method: 'POST',
    url: '/api/admin/classification-rules',
    payload: {
      ...rules,
      categories: {
        ...rules.categories,
        quality: {
          ...quality,
          keywords: { ...quality.keywords, zh: { ...quality.keywords.zh, 柠檬车: 10 } },
        },
      },
    },
  });
  // then a new version is in force, and the next complaint in those words is a quality complaint
  expect(response.statusCode).toBe(201);
  expect(response.json().version).toBe(2);
  const current = await api.call(owner, { method: 'GET', url: '/api/admin/classification-rules' });
  expect(current.json().version).toBe(2);
  expect(await categoryOf(await fileComplaint(api, api.keys.crm, LEMON))).toBe('quality');
});

test('rules that leave out a category are refused with what is missing; bad shapes name the field', async () => {
  const { logistics: _logistics, ...categories } = rules.categories;
  const missing = await api.call(owner, {
    method: 'POST',
    url: '/api/admin/classification-rules',
    payload: { ...rules, categories },
  });
  expect(missing.statusCode).toBe(422);
  expect(problemOf(missing)).toMatchObject({ code: 'INVALID_CLASSIFICATION_RULES' });
  expect(problemOf(missing).detail).toContain('category logistics: missing');
  const badShape = await api.call(owner, {
    method: 'POST',
    url: '/api/admin/classification-rules',
    payload: { ...rules, minimumScore: 'high', colour: 'red' },
  });
  expect(badShape.statusCode).toBe(400);
  expect(problemOf(badShape).errors?.map((e) => e.field)).toEqual(
    expect.arrayContaining(['body.minimumScore', 'body.colour']),
  );
});

test('only process owners and administrators publish rules; agents and integrators may not', async () => {
  const agent = api.tokenFor('demo.centre.agent1', ['agent']);
  for (const credential of [agent, api.keys.crm]) {
    const response = await api.call(credential, {
      method: 'POST',
      url: '/api/admin/classification-rules',
      payload: rules,
    });
    expect(response.statusCode).toBe(403);
  }
});
