/**
 * `npm start`: the whole system on one machine. PostgreSQL (embedded unless DATABASE_URL), the
 * embedded engine (unless ZEEBE_GRPC_ADDRESS names a cluster), the diagrams and forms of processes/
 * deployed, the job workers, the HTTP server. SIGINT/SIGTERM stop them in reverse order.
 */
import pg from 'pg';
import { type CamundaTarget, configuredCluster, createCamundaClients, embeddedEngine } from '../lib/camunda';
import type { Config } from '../lib/config';
import { deployResources } from '../lib/deploy-resources';
import { type Lifecycle, loadConfigOrExit, runUntilSignal } from '../lib/lifecycle';
import { createLogger, type Logger } from '../lib/logger';
import { processesDir } from '../lib/paths';
import { startPostgres } from '../lib/postgres';
import { buildApp } from '../server/app';
import { prepareApiAccess } from '../server/auth/bootstrap';
import { ProcessStartRetrier } from '../server/complaints/process-start-retrier';
import { IdempotencyRecordsSweeper } from '../server/complaints/idempotency-sweeper';
import { databaseCheck, engineChecks } from '../server/readiness';
import { startServer } from '../server/server';
import { openDatabase } from '../db/data-source';
import { seedReferenceData } from '../db/seed-reference-data';
import { NotificationDispatcher } from '../notifications/dispatcher';
import { closeTransports, createTransports } from '../notifications/transports';
import { startWorkers } from '../workers';
import { clientEnvironment, startEmbeddedEngine } from './embedded-engine';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel });

void runUntilSignal(log, async (lifecycle) => {
  const postgres = await startPostgres(config, log);
  if (postgres.embedded) lifecycle.add('postgres', () => postgres.stop());
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4, connectionTimeoutMillis: 3000 });
  pool.on('error', (error) => log.warn({ err: error }, 'postgres: idle connection failed'));
  lifecycle.add('database pool', () => pool.end());

  const target = await zeebeTarget(config, postgres.url, lifecycle, log);
  const clients = createCamundaClients(target, log);
  lifecycle.add('camunda clients', () => clients.close());

  const db = await openDatabase(postgres.url);
  lifecycle.add('database', () => db.destroy());
  const seeded = await seedReferenceData(db, { demoStaff: true });
  log.info({ seeded }, 'database: migrated, reference data present');

  const transports = createTransports(config.notifications);
  const dispatcher = new NotificationDispatcher({
    dataSource: db,
    transports,
    log: log.child({ component: 'notifications' }),
    maxAttempts: config.notifications.maxAttempts,
    intervalMs: config.notifications.dispatchIntervalMs,
  });
  dispatcher.start();
  lifecycle.add('notification dispatcher', async () => {
    await dispatcher.stop();
    await closeTransports(transports);
  });

  await deployResources(clients.zeebe, processesDir(), log.child({ component: 'deploy' }));
  const workers = startWorkers(clients.zeebe, {
    db,
    rest: clients.rest,
    now: () => new Date(),
    log: log.child({ component: 'workers' }),
    notifyTransports: config.notifications.transports,
  });
  lifecycle.add('workers', () => workers.close());

  const access = await prepareApiAccess(db, config.api, log);
  if (access.createdAdministratorKey) announceAdministratorKey(access.createdAdministratorKey);
  const retrier = new ProcessStartRetrier({
    db,
    zeebe: clients.zeebe,
    log: log.child({ component: 'intake' }),
    now: () => new Date(),
  });
  retrier.start();
  lifecycle.add('process start retrier', () => retrier.stop());
  const sweeper = new IdempotencyRecordsSweeper(db, () => new Date());
  sweeper.start();
  lifecycle.add('idempotency sweeper', () => sweeper.stop());

  // the API has a connection pool of its own: requests never queue behind the workers' transactions
  const apiDb = await openDatabase(postgres.url);
  lifecycle.add('api database', () => apiDb.destroy());
  const app = buildApp({
    log,
    readiness: [databaseCheck(pool), ...engineChecks(clients)],
    api: {
      db: apiDb,
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

  log.info(
    {
      http: server.url,
      database: postgres.location,
      zeebeGrpc: target.grpcAddress,
      zeebeRest: target.restAddress,
      engine: target.embedded ? 'embedded' : 'cluster',
      workers: workers.jobTypes.length,
    },
    `started: ${server.url} (health ${server.url}/health, readiness ${server.url}/ready); Ctrl-C to stop`,
  );
});

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

/** The configured cluster, or the embedded engine started here (and registered for shutdown). */
async function zeebeTarget(
  config: Config,
  databaseUrl: string,
  lifecycle: Lifecycle,
  log: Logger,
): Promise<CamundaTarget> {
  const cluster = configuredCluster(config);
  if (cluster) {
    log.info({ grpc: cluster.grpcAddress, rest: cluster.restAddress }, 'zeebe: using the configured cluster');
    return cluster;
  }
  const engine = await startEmbeddedEngine(config, databaseUrl, log);
  lifecycle.add('engine', () => engine.stop());
  log.info({ client: clientEnvironment(engine) }, 'zeebe: embedded engine started');
  return embeddedEngine(engine);
}
