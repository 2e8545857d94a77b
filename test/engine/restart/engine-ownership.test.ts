import { type TestDatabase, createTestDatabase } from '../../helpers/database';
import { connectClients, type EngineProcess, startEngineProcess } from '../../helpers/engine-process';

// One engine per database schema: its state lives in memory, so a second engine on the same schema
// would silently diverge. It refuses to start instead; a killed engine's claim ends with its process.

let db: TestDatabase;
let first: EngineProcess;
beforeEach(async () => {
  db = await createTestDatabase('restart');
  first = await startEngineProcess({ databaseUrl: db.url });
});
afterEach(async () => {
  await first.stop();
  await db.drop();
});

test('a second engine on the same database schema refuses to start with a clear error', async () => {
  // when
  const second = startEngineProcess({ databaseUrl: db.url });
  // then
  await expect(second).rejects.toThrow(
    "engine: another engine already runs on schema 'engine' of this database; stop it first.",
  );
  const clients = connectClients(first);
  await expect(clients.zeebe.topology()).resolves.toMatchObject({ clusterSize: 1 });
  await clients.close();
});

test('once the running engine is killed with kill -9, another engine can take over the database', async () => {
  // given
  await first.kill();
  // when
  const second = await startEngineProcess({ databaseUrl: db.url });
  // then
  const clients = connectClients(second);
  await expect(clients.zeebe.topology()).resolves.toMatchObject({ clusterSize: 1 });
  await clients.close();
  await second.stop();
});
