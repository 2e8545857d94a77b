import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { migrations } from '../../../db/migrations';
import { FingerprintsByTime1795410000000 } from '../../../db/migrations/1795410000000-FingerprintsByTime';
import { KeyScopes1795420000000 } from '../../../db/migrations/1795420000000-KeyScopes';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_migrations');
  dataSource = await openDatabase(db.url, { poolSize: 2 });
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

test('the migrations build the whole schema from an empty database', async () => {
  // given an empty database, opened (beforeAll)
  // when
  const tables = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  // then
  expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(
    expect.arrayContaining(['complaint', 'complainant', 'complaint_event', 'evidence', 'penalty', 'staff']),
  );
});

test('running the migrations again changes nothing', async () => {
  // given the schema is up to date
  // when
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  // then
  expect(applied).toEqual([]);
});

test('every column of every registered entity exists in the hand-written schema', async () => {
  // given the migrated schema
  const rows: { table_name: string; column_name: string }[] = await dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const present = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
  // when
  const missing = dataSource.entityMetadatas.flatMap((entity) =>
    entity.columns
      .map((column) => `${entity.tableName}.${column.databaseName}`)
      .filter((name) => !present.has(name)),
  );
  // then
  expect(missing).toEqual([]);
});

test('every migration can be undone, down to an empty schema, and applied again', async () => {
  // given a second database, migrated
  const other = await createTestDatabase('db_migrations_down');
  const scratch = await openDatabase(other.url, { poolSize: 1 });
  try {
    // when
    for (let i = 0; i < migrations.length; i++) await scratch.undoLastMigration({ transaction: 'each' });
    const left = await scratch.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    const again = await scratch.runMigrations({ transaction: 'each' });
    // then
    expect(left).toEqual([]);
    expect(again).toHaveLength(migrations.length);
  } finally {
    await scratch.destroy();
    await other.drop();
  }
});

test('FingerprintsByTime gives the fingerprints already stored their complaint’s reception time', async () => {
  // given a complaint registered under the schema before FingerprintsByTime
  const other = await createTestDatabase('db_migrations_fingerprints');
  const scratch = await openDatabase(other.url, { poolSize: 1 });
  try {
    const undone = migrations.length - migrations.indexOf(FingerprintsByTime1795410000000);
    for (let i = 0; i < undone; i++) await scratch.undoLastMigration({ transaction: 'each' });
    const [{ id }] = await scratch.query(
      `INSERT INTO complaint (number, channel, source, subject, description, language, created_by_client_id,
                              state, received_at)
       VALUES ('26110001', 'web', 'external', 's', 'd', 'zh-CN', 'portal', 'registered', '2026-11-20T08:00:00Z')
       RETURNING id`,
    );
    await scratch.query(`INSERT INTO contact_fingerprint (complaint_id, hash) VALUES ($1, $2)`, [
      id,
      'a'.repeat(64),
    ]);
    // when
    await scratch.runMigrations({ transaction: 'each' });
    // then
    const rows: { received_at: Date }[] = await scratch.query(`SELECT received_at FROM contact_fingerprint`);
    expect(rows).toEqual([{ received_at: new Date('2026-11-20T08:00:00Z') }]);
  } finally {
    await scratch.destroy();
    await other.drop();
  }
});

test('KeyScopes gives the API keys already stored every scope, as they could do everything before', async () => {
  // given a key stored under the schema before KeyScopes (its scopes empty and unread)
  const other = await createTestDatabase('db_migrations_key_scopes');
  const scratch = await openDatabase(other.url, { poolSize: 1 });
  try {
    const undone = migrations.length - migrations.indexOf(KeyScopes1795420000000);
    for (let i = 0; i < undone; i++) await scratch.undoLastMigration({ transaction: 'each' });
    await scratch.query(
      `INSERT INTO api_key (name, key_prefix, key_hash, client_id, roles, created_by)
       VALUES ('CRM', 'Crm00001', 'h', 'crm', '{integrator}', 'test')`,
    );
    // when
    await scratch.runMigrations({ transaction: 'each' });
    // then every scope there was when it was written (a scope added later is not given to old keys)
    const rows: { scopes: string[] }[] = await scratch.query(`SELECT scopes FROM api_key`);
    expect(rows).toEqual([
      {
        scopes: [
          'complaints:create',
          'complaints:read',
          'complaints:respond',
          'personal-data:erase',
          'webhooks:manage',
          'tasks:work',
          'knowledge:read',
          'analysis:read',
          'administration',
        ],
      },
    ]);
  } finally {
    await scratch.destroy();
    await other.drop();
  }
});
