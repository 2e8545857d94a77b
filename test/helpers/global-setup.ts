import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../lib/embedded-postgres';
import { freePort } from './ports';

declare global {
  var __testPostgres: RunningPostgres | undefined;
}

/**
 * One PostgreSQL for the whole run: the one DATABASE_URL names, or a throwaway embedded one.
 * Each test file then creates its own database in it (see database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'complaints-test-pg-'));
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
    unsafeFast: true,
  });
  globalThis.__testPostgres = postgres;
  process.env.TEST_PG_ADMIN_URL = postgres.adminUrl;
}
