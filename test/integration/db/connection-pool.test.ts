import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../db/data-source';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_connection_pool');
  dataSource = createDataSource(db.url, { poolSize: 3 });
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const backends = async (): Promise<number> => {
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return count;
};

test('connections once opened stay open through a quiet spell (pg-pool would close them after 10 s)', async () => {
  // given three connections opened by three queries at once
  await Promise.all([1, 2, 3].map(() => dataSource.query(`SELECT pg_sleep(0.1)`)));
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  expect(pool.totalCount).toBe(3);
  // when nothing happens for longer than pg-pool's idle timeout
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  // then the same three are still there
  expect(pool.totalCount).toBe(3);
  expect(await backends()).toBe(2); // the other two, besides the one asking
}, 20_000);
