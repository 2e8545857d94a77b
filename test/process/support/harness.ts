import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { seedReferenceData } from '../../../db/seed-reference-data';
import { deployResources } from '../../../lib/deploy-resources';
import { createLogger, type Logger } from '../../../lib/logger';
import { processesDir } from '../../../lib/paths';
import { type RunningWorkers, startWorkers, type WorkerDeps } from '../../../workers';
import { workerRegistry } from '../../../workers/registry';
import { type JobWorkerDefinition } from '../../../workers/runtime/define-worker';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { FIRST_MONDAY } from './calendar';

export interface HarnessOptions {
  /** Job types whose real worker is not started with the others (a test starts it itself). */
  readonly withoutWorkers?: readonly string[];
}

/** A job a worker took and will never report back on: ignored by `settled` until its deadline. */
export interface AbandonedJob {
  readonly elementInstanceKey: string;
  /** Engine time (ms) at which the engine hands the job out again. */
  readonly deadline: number;
}

/**
 * One embedded engine and one application database for a test file, with the complaint diagram and
 * its forms deployed, the reference data and demo staff seeded, the engine clock pinned on a working
 * Monday morning, and the real job workers polling with the engine clock as their `now`.
 */
export interface Harness {
  readonly t: TestEngine;
  readonly db: DataSource;
  readonly deps: WorkerDeps;
  /** The engine clock, as the workers read it. */
  now(): Date;
  /** Process instances started by this harness (those `settled` watches). */
  readonly instances: Set<string>;
  /** Jobs held by workers that died (see `AbandonedJob`). */
  readonly abandoned: AbandonedJob[];
  /** Starts more real workers (e.g. one left out by `withoutWorkers`); stopped with the harness. */
  startWorkers(definitions: readonly JobWorkerDefinition[]): void;
  stop(): Promise<void>;
}

/** `PROCESS_TEST_LOG=debug npx jest --selectProjects process` shows what the workers do. */
function testLogger(): Logger {
  const level = (process.env.PROCESS_TEST_LOG ?? 'silent') as Parameters<typeof createLogger>[0]['level'];
  return createLogger({ level, pretty: false });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const t = await startTestEngine();
  const db = await openDatabase(t.db.url);
  await seedReferenceData(db, { demoStaff: true });
  const log = testLogger();
  await deployResources(t.zeebe, processesDir(), log);
  await t.rest.pinInternalClock(FIRST_MONDAY.getTime());
  const deps: WorkerDeps = { db, rest: t.rest, now: () => new Date(t.engine.clock.now()), log };
  const skipped = new Set(options.withoutWorkers ?? []);
  const running: RunningWorkers[] = [];
  const start = (definitions: readonly JobWorkerDefinition[]) => {
    running.push(startWorkers(t.zeebe, deps, definitions));
  };
  start(workerRegistry.filter((worker) => !skipped.has(worker.jobType)));
  return {
    t,
    db,
    deps,
    now: deps.now,
    instances: new Set(),
    abandoned: [],
    startWorkers: start,
    async stop() {
      await Promise.all(running.map((workers) => workers.close()));
      await db.destroy();
      await t.stop();
    },
  };
}
