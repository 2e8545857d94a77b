import { createRequire } from 'node:module';
import type { Config } from './config';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { Logger } from './logger';

/** The database the application (and the embedded engine, in its own schema) uses. */
export interface PostgresServer {
  /** Connection string (carries the password: never log it). */
  readonly url: string;
  /** True when this process started PostgreSQL itself (DATA_DIR/postgres). */
  readonly embedded: boolean;
  /** Where it listens, without credentials, for logs. */
  readonly location: string;
  /** Stops the embedded server (nothing to stop for DATABASE_URL). */
  stop(): Promise<void>;
}

/** The application database of the embedded PostgreSQL. */
export const EMBEDDED_DATABASE = 'complaints';

/** DATABASE_URL when set; otherwise starts (and on first use creates) the embedded PostgreSQL. */
export async function startPostgres(config: Config, log: Logger): Promise<PostgresServer> {
  const pgLog = log.child({ component: 'postgres' });
  leaveSignalsToTheProcess(pgLog);
  if (config.database.url) {
    return {
      url: config.database.url,
      embedded: false,
      location: withoutCredentials(config.database.url),
      stop: async () => undefined,
    };
  }
  const { dataDir, port } = config.database.embedded;
  log.info({ dataDir, port }, 'postgres: starting the embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    database: EMBEDDED_DATABASE,
    persistent: true,
    onLog: (line) => pgLog.debug(line),
  });
  return {
    url: server.url,
    embedded: true,
    location: withoutCredentials(server.url),
    stop: () => server.stop(),
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/**
 * Once loaded, embedded-postgres (through async-exit-hook) answers the first SIGINT/SIGTERM by
 * stopping every server it started and exiting the process, even when it started none (DATABASE_URL): PostgreSQL would go while the engine still commits, and the
 * process would exit before the HTTP server has drained. The process's own shutdown
 * (lib/lifecycle.ts) stops PostgreSQL last, so the signals are taken from the hook; its 'exit'
 * hook stays, so a crash still stops the server.
 */
function leaveSignalsToTheProcess(log: Logger): void {
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    const hook = fromEmbeddedPostgres('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of hook.hookedEvents()) if (SIGNALS.includes(event)) hook.unhookEvent(event);
  } catch (error) {
    log.warn({ err: error }, 'postgres: could not take the signals from embedded-postgres');
  }
}

/** postgres://user:secret@host:5432/db → postgres://host:5432/db */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
