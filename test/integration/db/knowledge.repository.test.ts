import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { KnowledgeRepository } from '../../../db/repositories/knowledge.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
let knowledge: KnowledgeRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_knowledge');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
  knowledge = new KnowledgeRepository(dataSource.manager);
  const at = new Date('2026-11-01T00:00:00Z');
  await knowledge.addArticle({
    title: '快递包裹破损如何理赔',
    body: '收货时发现外包装破损，请当场拍照并拒签，24小时内提交理赔申请。',
    tags: ['理赔', '破损'],
    category: 'transport',
    at,
  });
  await knowledge.addArticle({
    title: '发票信息错误的处理',
    body: '开票信息有误时，财务部在三个工作日内重开发票。包裹无关。',
    tags: ['发票'],
    category: 'finance',
    at,
  });
  await knowledge.addArticle({
    title: 'Damaged parcel on delivery',
    body: 'Photograph the damaged packaging and refuse the delivery; claims within 24 hours.',
    tags: ['claims'],
    category: 'transport',
    at,
  });
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

test('a Chinese query finds the articles containing it, without word breaks', async () => {
  // given the three articles
  // when
  const found = await knowledge.searchArticles('包裹破损');
  // then
  expect(found.map((a) => a.title)).toEqual(['快递包裹破损如何理赔']);
});

test('every word of the query must match; title matches rank first', async () => {
  // given both Chinese articles mention 包裹, only one in its title
  // when
  const found = await knowledge.searchArticles('包裹');
  // then
  expect(found.map((a) => a.title)).toEqual(['快递包裹破损如何理赔', '发票信息错误的处理']);
});

test('English search ignores case; a category narrows the search', async () => {
  // given
  // when
  const all = await knowledge.searchArticles('DAMAGED 24');
  const finance = await knowledge.searchArticles('24', { category: 'finance' });
  // then
  expect(all.map((a) => a.title)).toEqual(['Damaged parcel on delivery']);
  expect(finance).toEqual([]);
});

test('a tag matches as a whole word', async () => {
  // given
  // when
  const found = await knowledge.searchArticles('claims');
  // then
  expect(found.map((a) => a.title)).toEqual(['Damaged parcel on delivery']);
});

test('LIKE wildcards in a query are searched for literally', async () => {
  // given
  // when
  const found = await knowledge.searchArticles('%');
  // then
  expect(found).toEqual([]);
});

test('the embedded PostgreSQL has pg_trgm: the knowledge text has a trigram index that serves Chinese', async () => {
  // given the migrated schema
  // when
  const index = await dataSource.query(
    `SELECT indexdef FROM pg_indexes WHERE indexname = 'knowledge_article_text_trgm_idx'`,
  );
  const trigrams = await dataSource.query(`SELECT array_length(show_trgm('包裹破损'), 1) AS n`);
  // then
  expect(index[0].indexdef).toMatch(/gin_trgm_ops/);
  expect(trigrams[0].n).toBeGreaterThan(0);
});
