/**
 * The background process `npm start` runs beside the HTTP server (bin/start.ts starts, supervises
 * and stops it): the embedded engine (unless ZEEBE_GRPC_ADDRESS names a cluster), the diagrams of
 * processes/ deployed, the job workers, the notification dispatcher, the process starter and the
 * idempotency sweeper. It runs at a lower priority, so the lifecycle work a burst of complaints
 * queues never slows the answers of the API; everything it does is durable in PostgreSQL, so after a
 * crash its restart takes the work up again. Needs DATABASE_URL (the parent passes its database).
 */
import { lowerBackendPriority } from '../lib/backend-priority';
import { type CamundaTarget, configuredCluster, createCamundaClients, embeddedEngine } from '../lib/camunda';
import { deployResources } from '../lib/deploy-resources';
import { ForegroundGate, isForegroundMessage } from '../lib/foreground-gate';
import { loadConfigOrExit, runUntilSignal } from '../lib/lifecycle';
import { createLogger } from '../lib/logger';
import { processesDir } from '../lib/paths';
import { reportReady } from '../lib/supervised-process';
import { openDatabase } from '../db/data-source';
import { NotificationDispatcher } from '../notifications/dispatcher';
import { closeTransports, createTransports } from '../notifications/transports';
import { IdempotencyRecordsSweeper } from '../server/complaints/idempotency-sweeper';
import { ProcessStarter } from '../server/complaints/process-starter';
import { startWorkers } from '../workers';
import { clientEnvironment, startEmbeddedEngine } from './embedded-engine';

/** What the background process reports when it is up: where the engine is. */
export type BackgroundReady = CamundaTarget;

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel }).child({ process: 'background' });

// the parent went away (even by SIGKILL): shut down rather than run on unsupervised
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

// while the parent says the HTTP server is busy, the workers and the starter take no new work
const gate = new ForegroundGate(config.background.maxYieldMs);
process.on('message', (message: unknown) => {
  if (!isForegroundMessage(message)) return;
  gate.setBusy(message.busy);
  log.debug(
    { busy: message.busy },
    message.busy ? 'background: yields to the HTTP server' : 'background: resumes',
  );
});

void runUntilSignal(log, async (lifecycle) => {
  const databaseUrl = config.database.url;
  if (!databaseUrl) throw new Error('the background process needs DATABASE_URL (bin/start.ts passes it)');

  // the database serves its connections at the same lowered priority as this process
  const onConnect = lowerBackendPriority(config.background.priority, log);
  let target = configuredCluster(config);
  if (!target) {
    const engine = await startEmbeddedEngine(config, databaseUrl, log, onConnect);
    lifecycle.add('engine', () => engine.stop());
    log.info({ client: clientEnvironment(engine) }, 'zeebe: embedded engine started');
    target = embeddedEngine(engine);
  }
  const clients = createCamundaClients(target, log);
  lifecycle.add('camunda clients', () => clients.close());

  const db = await openDatabase(databaseUrl, { onConnect });
  lifecycle.add('database', () => db.destroy());

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
    gate,
  });
  lifecycle.add('workers', () => workers.close());

  const starter = new ProcessStarter({
    db,
    databaseUrl,
    zeebe: clients.zeebe,
    log: log.child({ component: 'intake' }),
    now: () => new Date(),
    gate,
  });
  await starter.start();
  lifecycle.add('process starter', () => starter.stop());
  // stopped first: the work waiting at it must go through for the workers and the starter to finish
  lifecycle.add('foreground gate', async () => gate.close());
  const sweeper = new IdempotencyRecordsSweeper(db, () => new Date());
  sweeper.start();
  lifecycle.add('idempotency sweeper', () => sweeper.stop());

  log.info(
    { workers: workers.jobTypes.length, engine: target.embedded ? 'embedded' : 'cluster' },
    'background: ready',
  );
  const ready: BackgroundReady = target;
  reportReady(ready);
});
