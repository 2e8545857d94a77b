import path from 'node:path';
import { type Zeebe } from '@camunda8/sdk';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { eventually } from '../../helpers/engine';
import {
  connectClients,
  type EngineClients,
  type EngineProcess,
  startEngineProcess,
} from '../../helpers/engine-process';

/** An engine in a child process on its own database, with SDK clients that follow it across restarts. */
export interface RestartableEngine {
  readonly process: EngineProcess;
  readonly db: TestDatabase;
  /** The current clients (new ones after each restart, as a worker that reconnects). */
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  readonly rest: EngineClients['rest'];
  /** kill -9 now, wherever the engine is; calls in flight fail. */
  kill(): Promise<void>;
  /** Starts the killed engine again on the same database and ports, with fresh clients. */
  restart(): Promise<void>;
  /** kill -9 followed by a restart. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRestartableEngine(): Promise<RestartableEngine> {
  const db = await createTestDatabase('restart');
  const engine = await startEngineProcess({ databaseUrl: db.url });
  let clients = connectClients(engine);
  const reconnect = async () => {
    await clients.close();
    clients = connectClients(engine);
    // grpc-js shares a connection between clients of one address: while another client (a worker)
    // waits out its reconnect back-off, calls fail fast with UNAVAILABLE. Topology is safe to repeat.
    await eventually(() => clients.zeebe.topology(), 30_000, 'the restarted engine to answer');
  };
  return {
    process: engine,
    db,
    get zeebe() {
      return clients.zeebe;
    },
    get rest() {
      return clients.rest;
    },
    kill: () => engine.kill(),
    async restart() {
      await engine.restart();
      await reconnect();
    },
    async crashAndRestart() {
      await engine.kill();
      await engine.restart();
      await reconnect();
    },
    async stop() {
      await clients.close();
      await engine.stop();
      await db.drop();
    },
  };
}

/** Deploys fixtures of this folder by file name. */
export async function deployFixtures(zeebe: Zeebe.ZeebeGrpcClient, ...names: string[]) {
  const deployment = await zeebe.deployResource({
    processFilename: path.join(__dirname, 'fixtures', names[0]),
  });
  for (const name of names.slice(1)) {
    await zeebe.deployResource({ processFilename: path.join(__dirname, 'fixtures', name) });
  }
  return deployment;
}

/** Activates every job of `type` that is activatable now (no waiting), for `timeoutMs` by the engine clock. */
export function activateAll(zeebe: Zeebe.ZeebeGrpcClient, type: string, timeoutMs = 3_600_000) {
  return zeebe.activateJobs({
    type,
    worker: 'restart-test',
    maxJobsToActivate: 10_000,
    timeout: timeoutMs,
    requestTimeout: -1,
  });
}

/** Activates jobs of `type` until `count` were handed out (waiting on the engine, with a deadline). */
export async function activateCount(
  zeebe: Zeebe.ZeebeGrpcClient,
  type: string,
  count: number,
  timeoutMs = 3_600_000,
) {
  const jobs: Awaited<ReturnType<typeof activateAll>> = [];
  const deadline = Date.now() + 30_000;
  while (jobs.length < count) {
    if (Date.now() > deadline) {
      throw new Error(`only ${jobs.length} of ${count} '${type}' jobs were handed out within 30 s`);
    }
    jobs.push(
      ...(await zeebe.activateJobs({
        type,
        worker: 'restart-test',
        maxJobsToActivate: count - jobs.length,
        timeout: timeoutMs,
        requestTimeout: 2_000,
      })),
    );
  }
  return jobs;
}

/**
 * Calls `call(0)` … `call(count - 1)` keeping `concurrency` calls in flight; once a call fails no new
 * one starts. `onAcknowledged` sees each result as it arrives (e.g. to kill the engine mid-burst).
 */
export async function burst<T>(
  count: number,
  concurrency: number,
  call: (i: number) => Promise<T>,
  onAcknowledged: (result: T, acknowledgedSoFar: number) => void,
): Promise<{ acknowledged: T[]; failed: number }> {
  const acknowledged: T[] = [];
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < count && failed === 0) {
      try {
        const result = await call(next++);
        acknowledged.push(result);
        onAcknowledged(result, acknowledged.length);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all([...Array(concurrency)].map(lane));
  return { acknowledged, failed };
}
