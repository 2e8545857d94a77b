import type pg from 'pg';
import { initialSchema } from './migrations/001-initial-schema';
import { searchIndexes } from './migrations/002-search-indexes';

export interface Migration {
  /** Sortable and unique; never renamed once released. */
  readonly id: string;
  readonly sql: string;
}

/** Every migration of the engine schema, in order. Append only. */
export const migrations: readonly Migration[] = [initialSchema, searchIndexes];

const LOCK_ID = 0x7a6562; // "zeb": serialises concurrent migrators of one database

/**
 * Brings the engine schema up to date: creates it when missing and applies, each in its own
 * transaction, the migrations not yet recorded in `<schema>.schema_migration`.
 */
export async function migrate(pool: pg.Pool, schema: string): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${schema}.schema_migration`);
    const done = new Set(rows.map((row) => row.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL search_path TO ${schema}`);
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${schema}.schema_migration (id) VALUES ($1)`, [migration.id]);
        await client.query('COMMIT');
        applied.push(migration.id);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`engine migration ${migration.id} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    client.release();
  }
  return applied;
}
