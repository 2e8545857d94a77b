import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { LogLevel } from '../../lib/config';
import { embeddedPostgresUrl } from '../../lib/embedded-postgres';
import { EMBEDDED_DATABASE } from '../../lib/postgres';
import { startServer } from '../../server/server';
import { freePort } from '../support';
import type { Teardown } from './teardown';

/** What the benchmark runs against: the real system (`npm start`) and a bare Fastify. */
export interface BenchSystem {
  readonly apiUrl: string;
  readonly bareUrl: string;
  /** An integrator's API key (it may file complaints and read its own). */
  readonly apiKey: string;
  /** The system's PostgreSQL: its embedded one, or DATABASE_URL when the environment gives one. */
  readonly databaseUrl: string;
}

/** Far above any rate the benchmark reaches: it measures the API, not its limits. */
const UNLIMITED_PER_MINUTE = '100000000';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs the system exactly as `npm start` does (the build, dist/bin/start.js, which `npm run bench:api`
 * makes first: an embedded PostgreSQL,
 * durable, in a temporary directory; the background process with the embedded engine, the diagrams,
 * the workers; the HTTP server on 127.0.0.1), with the request limits lifted, plus a bare Fastify
 * with one trivial route in this process. Everything is registered on `teardown`.
 */
export async function startSystem(
  teardown: Teardown,
  options: {
    readonly logLevel: LogLevel;
    readonly progress: (message: string) => void;
    /** BACKGROUND_PRIORITY of the system under test (undefined: its default). */
    readonly backgroundPriority: string | undefined;
  },
): Promise<BenchSystem> {
  const { progress } = options;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-api-'));
  teardown.add('temporary directory', async () => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const databasePort = await freePort();
  const admin = `ck_BenchAdm_${randomBytes(24).toString('base64url')}`;
  progress(`starting the system (dist/bin/start.js) with its data in ${dir} ...`);
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bin', 'start.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(databasePort),
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      LOG_LEVEL: options.logLevel,
      // the SDK's own channel and worker logs bypass the pino logger (they would bury the figures)
      ZEEBE_CLIENT_LOG_LEVEL: process.env.ZEEBE_CLIENT_LOG_LEVEL ?? 'NONE',
      CAMUNDA_LOG_LEVEL: process.env.CAMUNDA_LOG_LEVEL ?? 'none',
      BOOTSTRAP_API_KEY: admin,
      RATE_LIMIT_PER_MINUTE: UNLIMITED_PER_MINUTE,
      COMPLAINTS_PER_MINUTE: UNLIMITED_PER_MINUTE,
      ...(options.backgroundPriority === undefined
        ? {}
        : { BACKGROUND_PRIORITY: options.backgroundPriority }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    // its own process group: Ctrl-C reaches the benchmark only, whose teardown stops it in order
    detached: true,
  });
  teardown.add('system', () => stopChild(child));
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, apiUrl);

  const bare = Fastify();
  bare.get('/', async () => ({ ok: true }));
  const bareServer = await startServer(bare, { host: '127.0.0.1', port: 0 });
  teardown.add('bare server', () => bareServer.close());

  const issued = await fetch(`${apiUrl}/api/admin/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench integrator', clientId: 'bench' }),
  });
  if (issued.status !== 201)
    throw new Error(`issuing an API key failed: ${issued.status} ${await issued.text()}`);
  const { key } = (await issued.json()) as { key: string };
  return {
    apiUrl,
    bareUrl: bareServer.url,
    apiKey: key,
    databaseUrl: process.env.DATABASE_URL || embeddedPostgresUrl(databasePort, EMBEDDED_DATABASE),
  };
}

/** Polls /ready until it answers 200; fails if the system exits first or takes over two minutes. */
async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the system exited (${child.exitCode}) before it was ready`);
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the system was not ready within two minutes');
}

/** SIGTERM (the system shuts down in order, PostgreSQL last), SIGKILL after 30 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}
