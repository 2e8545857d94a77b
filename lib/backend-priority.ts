import { realpath } from 'node:fs/promises';
import os from 'node:os';
import type { Logger } from './logger';

/** The part of a pg client the hook uses. */
export interface QueryableClient {
  query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/** What became of one connection's server process. */
export type BackendPriorityOutcome =
  { readonly reniced: true; readonly pid: number } | { readonly reniced: false; readonly reason: string };

/**
 * A pg-pool `onConnect` hook that runs each new connection's PostgreSQL server process (its
 * backend) at `nice`, so that the queries a low-priority process sends are served at its priority
 * and not ahead of the HTTP server's. Done only where it is safe: the backend must run on this
 * machine, which is checked by its working directory being the server's data directory (readable
 * only by a superuser, as the embedded PostgreSQL's user is); otherwise, or when the operating
 * system refuses, the connection is used as it is. The hook never fails a connection.
 */
export function lowerBackendPriority(
  nice: number,
  log: Logger,
): (client: QueryableClient) => Promise<BackendPriorityOutcome> {
  let told = false;
  return async (client) => {
    const outcome = await renice(client, nice);
    if (!outcome.reniced && !told) {
      told = true;
      log.info({ reason: outcome.reason }, 'database: connections served at normal priority');
    }
    return outcome;
  };
}

async function renice(client: QueryableClient, nice: number): Promise<BackendPriorityOutcome> {
  if (nice <= 0) return { reniced: false, reason: 'no lower priority asked for' };
  if (os.platform() !== 'linux') return { reniced: false, reason: 'only done on Linux' };
  try {
    // pg_settings hides data_directory from roles that may not read it: then no row
    const { rows } = await client.query(
      "SELECT pg_backend_pid() AS pid, setting AS dir FROM pg_settings WHERE name = 'data_directory'",
    );
    const row = rows[0];
    if (!row) return { reniced: false, reason: 'the data directory is not readable by this role' };
    const pid = Number(row.pid);
    const [cwd, dir] = await Promise.all([realpath(`/proc/${pid}/cwd`), realpath(String(row.dir))]);
    if (cwd !== dir) return { reniced: false, reason: 'the database server runs on another machine' };
    os.setPriority(pid, nice);
    return { reniced: true, pid };
  } catch (error) {
    return { reniced: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
