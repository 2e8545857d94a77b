import { realpath } from 'node:fs/promises';
import os from 'node:os';
import type { Logger } from './logger';
import type { CpuGroupOutcome } from './cpu-group';
import { type CpuPriority, lowerPriority } from './process-priority';
import { messageOf } from './errors';

/** The part of a pg client the hook uses. */
export interface QueryableClient {
  query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/** What became of one connection's server process. */
export type BackendPriorityOutcome =
  | { readonly lowered: CpuPriority; readonly pid: number; readonly cpuGroup?: CpuGroupOutcome }
  | { readonly lowered: null; readonly reason: string };

/**
 * A pg-pool `onConnect` hook that runs each new connection's PostgreSQL server process (its
 * backend) at `priority` (process-priority.ts), so that the queries a low-priority process sends
 * are served at its priority and not ahead of the HTTP server's. Done only where it is safe: the backend must run on this
 * machine, which is checked by its working directory being the server's data directory (readable
 * only by a superuser, as the embedded PostgreSQL's user is); otherwise, or when the operating
 * system refuses, the connection is used as it is. The hook never fails a connection.
 */
export function lowerBackendPriority(
  priority: CpuPriority,
  log: Logger,
): (client: QueryableClient) => Promise<BackendPriorityOutcome> {
  let told = false;
  return async (client) => {
    const outcome = await lower(client, priority);
    if (outcome.lowered === null && !told) {
      told = true;
      log.info({ reason: outcome.reason }, 'database: connections served at normal priority');
    }
    return outcome;
  };
}

async function lower(client: QueryableClient, priority: CpuPriority): Promise<BackendPriorityOutcome> {
  if (priority === 0) return { lowered: null, reason: 'no lower priority asked for' };
  if (os.platform() !== 'linux') return { lowered: null, reason: 'only done on Linux' };
  try {
    // pg_settings hides data_directory from roles that may not read it: then no row
    const { rows } = await client.query(
      "SELECT pg_backend_pid() AS pid, setting AS dir FROM pg_settings WHERE name = 'data_directory'",
    );
    const row = rows[0];
    if (!row) return { lowered: null, reason: 'the data directory is not readable by this role' };
    const pid = Number(row.pid);
    const [cwd, dir] = await Promise.all([realpath(`/proc/${pid}/cwd`), realpath(String(row.dir))]);
    if (cwd !== dir) return { lowered: null, reason: 'the database server runs on another machine' };
    const outcome = await lowerPriority(pid, priority);
    return outcome.applied === null
      ? { lowered: null, reason: outcome.reason }
      : { lowered: outcome.applied, pid, ...(outcome.cpuGroup && { cpuGroup: outcome.cpuGroup }) };
  } catch (error) {
    return { lowered: null, reason: messageOf(error) };
  }
}
