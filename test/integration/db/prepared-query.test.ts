import { type DataSource, QueryFailedError } from 'typeorm';
import { createDataSource } from '../../../db/data-source';
import { preparedQuery, statementName } from '../../../db/prepared-query';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_prepared_query');
  // one connection: every query below meets the statements the ones before it prepared
  dataSource = createDataSource(db.url, { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.query(`CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`);
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const INSERT = `INSERT INTO note (id, body) VALUES ($1, $2) RETURNING id, body`;
const PREPARED = `SELECT name, statement FROM pg_prepared_statements`;

test('runs the statement and returns its rows', async () => {
  // when
  const rows = await preparedQuery<{ id: number; body: string }>(dataSource, INSERT, [1, 'first']);
  // then
  expect(rows).toEqual([{ id: 1, body: 'first' }]);
});

test('prepares a text once per connection and runs it again by name', async () => {
  // when the same text runs twice more with other values
  await preparedQuery(dataSource, INSERT, [2, 'second']);
  await preparedQuery(dataSource, INSERT, [3, 'third']);
  // then the connection holds that one statement, under the text's name
  const prepared: { name: string; statement: string }[] = await dataSource.query(PREPARED);
  expect(prepared).toEqual([{ name: statementName(INSERT), statement: INSERT }]);
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM note`);
  expect(count).toBe(3);
});

test('runs on the connection of the transaction it is given', async () => {
  // when a transaction inserts through it, then fails
  const attempt = dataSource.transaction(async (manager) => {
    await preparedQuery(manager, INSERT, [10, 'inside']);
    const seen = await manager.query(`SELECT body FROM note WHERE id = 10`);
    expect(seen).toEqual([{ body: 'inside' }]);
    throw new Error('roll back');
  });
  // then the row was the transaction's: gone with it
  await expect(attempt).rejects.toThrow('roll back');
  expect(await dataSource.query(`SELECT body FROM note WHERE id = 10`)).toEqual([]);
});

test("fails as TypeORM's QueryFailedError, with the database's error as driverError", async () => {
  // when an insert breaks the primary key
  const attempt = preparedQuery(dataSource, INSERT, [1, 'again']);
  // then
  await expect(attempt).rejects.toBeInstanceOf(QueryFailedError);
  await expect(attempt).rejects.toMatchObject({
    driverError: { code: '23505', table: 'note' },
    query: INSERT,
    parameters: [1, 'again'],
  });
});

test('names differ by text, and fit in a PostgreSQL identifier', () => {
  // when
  const one = statementName('SELECT 1');
  const two = statementName('SELECT 2');
  // then
  expect(one).not.toBe(two);
  expect(statementName('SELECT 1')).toBe(one);
  expect(one.length).toBeLessThanOrEqual(63);
});
