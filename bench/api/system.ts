import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { openDatabase } from '../../db/data-source';
import { seedReferenceData } from '../../db/seed-reference-data';
import { startEngine } from '../../engine';
import { createCamundaClients, embeddedEngine } from '../../lib/camunda';
import type { ApiConfig, LogLevel } from '../../lib/config';
import { deployResources } from '../../lib/deploy-resources';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres';
import { createLogger } from '../../lib/logger';
import { processesDir } from '../../lib/paths';
import { buildApp } from '../../server/app';
import { issueApiKey } from '../../server/auth/issue-credentials';
import { startServer } from '../../server/server';
import { startWorkers } from '../../workers';
import { startEngineProcess } from './engine-process';
import type { Teardown } from './teardown';

/** What the benchmark runs against: the real API (engine, workers, database) and a bare Fastify. */
export interface BenchSystem {
  readonly apiUrl: string;
  readonly bareUrl: string;
  /** An integrator's API key (it may file complaints and read its own). */
  readonly apiKey: string;
}

/** Far above any rate the benchmark reaches: it measures the API, not its limits. */
const UNLIMITED_PER_MINUTE = 100_000_000;

/**
 * Starts, as bin/start.ts does, an embedded PostgreSQL (durable, in a temporary directory), the
 * embedded engine, the diagrams of processes/ deployed, the job workers and the HTTP server on
 * 127.0.0.1, plus a bare Fastify with one trivial route. Everything is registered on `teardown`.
 */
export async function startSystem(
  teardown: Teardown,
  options: {
    readonly logLevel: LogLevel;
    readonly progress: (message: string) => void;
    /** `inline` (as npm start runs it) or `process` (the engine in a process of its own). */
    readonly engine: 'inline' | 'process';
  },
): Promise<BenchSystem> {
  const { progress } = options;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-api-'));
  teardown.add('temporary directory', async () => rmSync(dir, { recursive: true, force: true }));
  progress(`starting an embedded PostgreSQL in ${dir} ...`);
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'complaints',
    persistent: false,
  });
  teardown.add('postgres', () => postgres.stop());

  const log = createLogger({ level: options.logLevel, pretty: false, destination: pino.destination(2) });
  progress('starting the engine, deploying processes/, starting the workers ...');
  let target;
  if (options.engine === 'process') {
    target = await startEngineProcess(teardown, {
      databaseUrl: postgres.url,
      grpcPort: await freePort(),
      restPort: await freePort(),
    });
  } else {
    const engine = await startEngine({ databaseUrl: postgres.url, grpcPort: 0, restPort: 0 });
    teardown.add('engine', () => engine.stop());
    target = embeddedEngine(engine);
  }
  const clients = createCamundaClients(target, log);
  teardown.add('camunda clients', () => clients.close());
  const db = await openDatabase(postgres.url);
  teardown.add('database', () => db.destroy());
  await seedReferenceData(db, { demoStaff: true });
  await deployResources(clients.zeebe, processesDir(), log);
  const workers = startWorkers(clients.zeebe, { db, rest: clients.rest, now: () => new Date(), log });
  teardown.add('workers', () => workers.close());

  const config: ApiConfig = {
    bootstrapApiKey: undefined,
    tokenSecret: undefined,
    corsOrigins: [],
    rateLimitPerMinute: UNLIMITED_PER_MINUTE,
    complaintsPerMinute: UNLIMITED_PER_MINUTE,
    requestTimeoutMs: 30_000,
    processStartWaitMs: 20,
    evidence: { maxBytes: 1024 * 1024, dir: path.join(dir, 'evidence') },
  };
  // the API has a connection pool of its own, as in bin/start.ts: requests never queue behind jobs
  const apiDb = await openDatabase(postgres.url);
  teardown.add('api database', () => apiDb.destroy());
  const api = { db: apiDb, zeebe: clients.zeebe, rest: clients.rest, config, now: () => new Date(), log };
  const app = buildApp({
    log,
    readiness: [],
    api: { ...api, tokenSecret: randomBytes(32).toString('base64url') },
  });
  const handling = countHandling(app);
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  teardown.add('http server', async () => {
    await handling.done(5_000); // autocannon leaves with requests in flight; their handlers still use the database
    await server.close();
  });

  const bare = Fastify();
  bare.get('/', async () => ({ ok: true }));
  const bareServer = await startServer(bare, { host: '127.0.0.1', port: 0 });
  teardown.add('bare server', () => bareServer.close());

  const { key } = await issueApiKey(db, {
    name: 'bench integrator',
    clientId: 'bench',
    roles: ['integrator'],
    createdBy: 'bench',
  });
  return { apiUrl: server.url, bareUrl: bareServer.url, apiKey: key };
}

/** Requests whose handling has not finished yet (an answer is being sent: the handler is done). */
function countHandling(app: FastifyInstance): { done(timeoutMs: number): Promise<void> } {
  let handling = 0;
  app.addHook('onRequest', async () => {
    handling++;
  });
  app.addHook('onSend', async () => {
    handling--;
  });
  return {
    async done(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (handling > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
