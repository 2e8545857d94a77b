import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import { clientConfig } from './engine';
import { READY_PREFIX } from './engine-process-main';
import { freePort } from './ports';

const MAIN = path.join(__dirname, 'engine-process-main.ts');
const ROOT = path.join(__dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;

export interface EngineProcessOptions {
  readonly databaseUrl: string;
  /** Fixed ports, kept across restarts; free ones are picked when left out. */
  readonly grpcPort?: number;
  readonly restPort?: number;
}

/** The embedded engine running in a child process that a test can kill -9 and start again. */
export interface EngineProcess {
  readonly grpcAddress: string;
  readonly restAddress: string;
  /** SIGKILL: the engine dies wherever it is; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the engine again on the same database and ports (killing it first if it still runs). */
  restart(): Promise<void>;
  /** SIGTERM: a graceful stop; resolves once the process is gone. */
  stop(): Promise<void>;
}

/** SDK clients of an engine process, configured as an integrator would (see `clientConfig`). */
export interface EngineClients {
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  readonly rest: CamundaRestClient;
  close(): Promise<void>;
}

/** Starts the engine in a child process; rejects with its error output if it does not come up. */
export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const grpcPort = options.grpcPort ?? (await freePort());
  const restPort = options.restPort ?? (await freePort());
  const env = {
    ...process.env,
    ENGINE_DATABASE_URL: options.databaseUrl,
    ENGINE_GRPC_PORT: String(grpcPort),
    ENGINE_REST_PORT: String(restPort),
  };
  let child: ChildProcess | undefined = await spawnEngine(env);
  const end = async (signal: NodeJS.Signals) => {
    const current = child;
    child = undefined;
    if (current) await exitOf(current, signal);
  };
  return {
    grpcAddress: `grpc://127.0.0.1:${grpcPort}`,
    restAddress: `http://127.0.0.1:${restPort}`,
    kill: () => end('SIGKILL'),
    async restart() {
      await end('SIGKILL');
      child = await spawnEngine(env);
    },
    stop: () => end('SIGTERM'),
  };
}

/**
 * SDK clients for the engine process. They reconnect within a second after a restart: by default
 * gRPC backs off up to 10 s between reconnection attempts and a worker backs off up to 15 s.
 */
export function connectClients(engine: Pick<EngineProcess, 'grpcAddress' | 'restAddress'>): EngineClients {
  const base = clientConfig(engine);
  const config = {
    ...base,
    CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS: 1000,
    zeebeGrpcSettings: {
      ...base.zeebeGrpcSettings,
      // typed as strings: the SDK reads them from the environment
      GRPC_INITIAL_RECONNECT_BACKOFF_MS: '200',
      GRPC_MIN_RECONNECT_BACKOFF_MS: '200',
      GRPC_MAX_RECONNECT_BACKOFF_MS: '1000',
    },
  };
  const zeebe = new Zeebe.ZeebeGrpcClient({ config });
  const rest = new CamundaRestClient({ config });
  return {
    zeebe,
    rest,
    async close() {
      await zeebe.close().catch(() => undefined);
    },
  };
}

function spawnEngine(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env,
    // the IPC channel closes when this process dies: the engine then exits too (no orphans)
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.channel?.unref();
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.ENGINE_PROCESS_LOG) appendFileSync(process.env.ENGINE_PROCESS_LOG, chunk);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine process did not start within ${START_TIMEOUT_MS} ms: ${errors}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`engine process exited (${signal ?? code}) before it was ready: ${errors.trim()}`));
    });
  });
}

function exitOf(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
