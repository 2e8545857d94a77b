/**
 * `npm start`: the whole system on one machine. PostgreSQL (embedded unless DATABASE_URL), then the
 * background process (bin/background.ts: the embedded engine unless ZEEBE_GRPC_ADDRESS names a
 * cluster, the diagrams and forms of processes/ deployed, the job workers, the notification
 * dispatcher), supervised and at a lower priority (BACKGROUND_PRIORITY), then the HTTP server in this
 * process. SIGINT/SIGTERM stop them in reverse order.
 */
import path from 'node:path';
import pg from 'pg';
import { createCamundaClients } from '../lib/camunda';
import type { Config } from '../lib/config';
import { removeIdleCpuGroup } from '../lib/cpu-group';
import { type ForegroundMessage } from '../lib/foreground-gate';
import { ForegroundLoad } from '../lib/foreground-load';
import { loadConfigOrExit, runUntilSignal } from '../lib/lifecycle';
import { createLogger } from '../lib/logger';
import { startPostgres } from '../lib/postgres';
import { SupervisedProcess } from '../lib/supervised-process';
import { buildApp } from '../server/app';
import { prepareApiAccess } from '../server/auth/bootstrap';
import { databaseCheck, engineChecks } from '../server/readiness';
import { startServer } from '../server/server';
import { openDatabase } from '../db/data-source';
import { seedReferenceData } from '../db/seed-reference-data';
import type { BackgroundReady } from './background';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel });

void runUntilSignal(log, async (lifecycle) => {
  // last of all, once the background and the database are gone: the group they idled in (if any)
  lifecycle.add('idle CPU group', () => removeIdleCpuGroup());
  const postgres = await startPostgres(config, log);
  if (postgres.embedded) lifecycle.add('postgres', () => postgres.stop());
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4, connectionTimeoutMillis: 3000 });
  pool.on('error', (error) => log.warn({ err: error }, 'postgres: idle connection failed'));
  lifecycle.add('database pool', () => pool.end());

  // the API's own connection pool: requests never queue behind the workers' transactions
  const db = await openDatabase(postgres.url);
  lifecycle.add('database', () => db.destroy());
  const seeded = await seedReferenceData(db, { demoStaff: true });
  log.info({ seeded }, 'database: migrated, reference data present');

  const background = new SupervisedProcess<BackgroundReady>({
    name: 'background process',
    modulePath: path.join(__dirname, `background${path.extname(__filename)}`),
    env: { ...process.env, DATABASE_URL: postgres.url },
    restartEnv: (first) => enginePortsOf(config, first),
    priority: config.background.priority,
    log,
  });
  const target = await background.start();
  lifecycle.add('background process', () => background.stop());
  const clients = createCamundaClients(target, log);
  lifecycle.add('camunda clients', () => clients.close());

  const access = await prepareApiAccess(db, config.api, log);
  if (access.createdAdministratorKey) announceAdministratorKey(access.createdAdministratorKey);
  const app = buildApp({
    log,
    readiness: [databaseCheck(pool), ...engineChecks(clients)],
    api: {
      db,
      zeebe: clients.zeebe,
      rest: clients.rest,
      config: config.api,
      tokenSecret: access.tokenSecret,
      now: () => new Date(),
      log,
    },
  });
  const server = await startServer(app, config.http);
  lifecycle.add('http server', () => server.close());
  const busyAbove = config.background.yieldAbove;
  if (busyAbove !== null) {
    // while the server is busy, the background takes no new work (lib/foreground-gate.ts)
    const load = new ForegroundLoad({
      busyAbove,
      onChange: (busy) => background.tell({ type: 'foreground', busy } satisfies ForegroundMessage),
    });
    load.start();
    lifecycle.add('foreground load', async () => load.stop());
  }

  log.info(
    {
      http: server.url,
      database: postgres.location,
      zeebeGrpc: target.grpcAddress,
      zeebeRest: target.restAddress,
      engine: target.embedded ? 'embedded' : 'cluster',
      background: background.pid,
    },
    `started: ${server.url} (health ${server.url}/health, readiness ${server.url}/ready); Ctrl-C to stop`,
  );
});

/**
 * A restarted embedded engine listens where the first one did, even when the configured ports were
 * 0 (any free port): the clients of this process keep their address.
 */
function enginePortsOf(config: Config, first: BackgroundReady): NodeJS.ProcessEnv {
  if (!first.embedded) return {};
  return {
    ENGINE_GRPC_PORT: new URL(first.grpcAddress.replace(/^grpc/, 'http')).port,
    ENGINE_REST_PORT: new URL(first.restAddress).port,
    ENGINE_HOST: config.engine.host,
  };
}

/**
 * The first start's administrator key, printed once on stdout (not into the structured log, which
 * may be shipped elsewhere): only its hash is kept, it cannot be shown again.
 */
function announceAdministratorKey(key: string): void {
  process.stdout.write(
    `\n  An administrator API key was created (shown once, keep it safe):\n\n    ${key}\n\n` +
      `  Use it as "Authorization: Bearer <key>"; set BOOTSTRAP_API_KEY to choose your own.\n\n`,
  );
}
