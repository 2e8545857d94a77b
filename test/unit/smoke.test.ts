import pg from 'pg';
import { createTestDatabase } from '../helpers/database';

test('a test database is reachable', async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query('SELECT 1 + 1 AS two');
  await client.end();
  await db.drop();
  expect(rows[0].two).toBe(2);
});
