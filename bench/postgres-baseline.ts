import pg from 'pg';

/** How fast this PostgreSQL commits: single-row INSERTs, one transaction each (autocommit), one client. */
export async function measureInserts(databaseUrl: string, schema: string, seconds: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.insert_probe (id bigserial PRIMARY KEY, at bigint NOT NULL, note text)`,
    );
    const insert = {
      name: 'insert-probe',
      text: `INSERT INTO ${schema}.insert_probe (at, note) VALUES ($1, $2)`,
    };
    const started = performance.now();
    const until = started + seconds * 1000;
    let inserts = 0;
    while (performance.now() < until) {
      await client.query({ ...insert, values: [Date.now(), 'probe'] });
      inserts++;
    }
    return inserts / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/** Transactions committed in the database so far (`pg_stat_database.xact_commit`). */
export async function committedTransactions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].xact_commit);
  } finally {
    await client.end();
  }
}

/** The settings that decide what a commit costs. */
export async function durabilitySettings(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'server_version')`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

/** Removes what the benchmark created (its schemas), so that a shared database is left as found. */
export async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
