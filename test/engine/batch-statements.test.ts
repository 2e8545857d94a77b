import pg from 'pg';
import { commitBatch } from '../../engine/store/persistence';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// store/persistence.ts: a batch's statements run prepared, each text parsed once per connection.
let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase('engine_batch_statements');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TABLE item (key bigint PRIMARY KEY, label text NOT NULL)`);
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const UPSERT = `INSERT INTO item (key, label) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET label = EXCLUDED.label`;
const REMOVE = `DELETE FROM item WHERE key = $1`;

test('a batch commits its statements together, each prepared once on the connection', async () => {
  // when two batches with the same texts commit on one connection
  await commitBatch(client as unknown as pg.PoolClient, [
    { text: UPSERT, values: [1, 'one'] },
    { text: UPSERT, values: [2, 'two'] },
  ]);
  await commitBatch(client as unknown as pg.PoolClient, [
    { text: UPSERT, values: [2, 'zwei'] },
    { text: REMOVE, values: [1] },
  ]);
  // then both took effect, and the connection holds each text once
  const { rows } = await client.query(`SELECT key::int, label FROM item ORDER BY key`);
  expect(rows).toEqual([{ key: 2, label: 'zwei' }]);
  const prepared = await client.query(`SELECT statement FROM pg_prepared_statements ORDER BY statement`);
  expect(prepared.rows.map((row: { statement: string }) => row.statement)).toEqual([REMOVE, UPSERT]);
});

test('a batch that fails commits none of its statements', async () => {
  // when the second statement of a batch fails
  const attempt = commitBatch(client as unknown as pg.PoolClient, [
    { text: UPSERT, values: [3, 'three'] },
    { text: UPSERT, values: [4, null] },
  ]);
  // then
  await expect(attempt).rejects.toMatchObject({ code: '23502' });
  const { rows } = await client.query(`SELECT key::int FROM item ORDER BY key`);
  expect(rows).toEqual([{ key: 2 }]);
});
