/**
 * Engine throughput against the PostgreSQL it runs on (`node -r @swc-node/register bench/engine.ts
 * [--instances 500] [--seconds 120] [--jobs-per-activation 32] [--rate <instances/s>]`). Starts an embedded PostgreSQL with
 * normal durability in a temporary directory (or uses DATABASE_URL, in schemas of its own that it
 * drops afterwards), measures single-row INSERT commits/s, then runs ten-task instances through the
 * in-process engine with SDK workers: all at once (throughput), or paced with --rate (latency at a
 * given load). Prints figures and the goal; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEngine } from '../engine';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import {
  activationLatencies,
  benchClient,
  deployTenTasks,
  runWorkload,
  TASKS,
  type WorkloadResult,
} from './engine-workload';
import { committedTransactions, dropSchemas, durabilitySettings, measureInserts } from './postgres-baseline';
import { freePort, log, positive } from './support';

const GOAL = { instancesPerSecond: 25, commitsPerJob: 3 };
const INSERT_SECONDS = 3;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '500' },
      seconds: { type: 'string', default: '120' },
      'jobs-per-activation': { type: 'string', default: '32' },
      rate: { type: 'string' },
    },
  });
  const instances = positive(values.instances, 'instances');
  const capSeconds = positive(values.seconds, 'seconds');
  const jobsPerActivation = positive(values['jobs-per-activation'], 'jobs-per-activation');
  const rate = values.rate === undefined ? undefined : positive(values.rate, 'rate');
  const postgres = await database();
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const engineSchema = `bench_engine_${suffix}`;
  const probeSchema = `bench_probe_${suffix}`;
  try {
    const settings = await durabilitySettings(postgres.url);
    log(
      `PostgreSQL ${settings.server_version}: fsync=${settings.fsync} synchronous_commit=${settings.synchronous_commit}`,
    );
    log(`measuring single-row INSERT commits for ${INSERT_SECONDS} s ...`);
    const insertsPerSecond = await measureInserts(postgres.url, probeSchema, INSERT_SECONDS);
    const engine = await startEngine({
      databaseUrl: postgres.url,
      schema: engineSchema,
      grpcPort: 0,
      restPort: 0,
    });
    const zeebe = benchClient(engine);
    await deployTenTasks(zeebe);
    const pace = rate ? `${rate} started per second` : 'all at once';
    log(`running ${instances} instances of ${TASKS} service tasks, ${pace} (cap ${capSeconds} s) ...`);
    const commitsBefore = await committedTransactions(postgres.url);
    const statsBefore = engine.stats();
    const result = await runWorkload(zeebe, {
      instances,
      capMs: capSeconds * 1000,
      jobsPerActivation,
      ...(rate ? { rate } : {}),
    });
    const stats = engine.stats();
    await zeebe.close();
    const latencies = await activationLatencies(engine, result);
    await engine.stop(); // its connections close and flush their statistics
    // not the engine's: the reading of xact_commit before, and one history query per instance
    const ownReads = 1 + result.instanceKeys.length;
    const commits = (await committedTransactions(postgres.url)) - commitsBefore - ownReads;
    report(
      result,
      latencies,
      insertsPerSecond,
      commits,
      {
        batches: stats.batches - statsBefore.batches,
        commands: stats.commands - statsBefore.commands,
        commits: stats.commits - statsBefore.commits,
      },
      rate !== undefined,
    );
  } finally {
    await dropSchemas(postgres.url, [engineSchema, probeSchema]).catch(() => undefined);
    await postgres.stop();
  }
}

function report(
  result: WorkloadResult,
  activationLatenciesMs: number[],
  insertsPerSecond: number,
  databaseCommits: number,
  engine: { batches: number; commands: number; commits: number },
  paced: boolean,
): void {
  const seconds = result.elapsedMs / 1000;
  const instancesPerSecond = result.completedInstances / seconds;
  const jobsPerSecond = result.completedJobs / seconds;
  const jobs = Math.max(1, result.completedJobs);
  const latencies = [...activationLatenciesMs].sort((a, b) => a - b);
  const commitsPerJob = databaseCommits / jobs;
  const rows: Record<string, string> = {
    'instances completed': `${result.completedInstances}${result.cappedOut ? ' (cap reached)' : ''}`,
    'jobs completed': String(result.completedJobs),
    'elapsed s': seconds.toFixed(1),
    'instances/s': instancesPerSecond.toFixed(1),
    'jobs/s': jobsPerSecond.toFixed(1),
    'activation latency p50 ms': percentile(latencies, 0.5),
    'activation latency p99 ms': percentile(latencies, 0.99),
    'PostgreSQL INSERT commits/s': insertsPerSecond.toFixed(0),
    'jobs/s ÷ INSERT commits/s': (jobsPerSecond / insertsPerSecond).toFixed(2),
    'PostgreSQL commits per job (xact_commit)': commitsPerJob.toFixed(2),
    'engine commits per job (stats)': (engine.commits / jobs).toFixed(2),
    'engine commands per batch': (engine.commands / Math.max(1, engine.batches)).toFixed(1),
  };
  console.table(rows);
  const met = instancesPerSecond >= GOAL.instancesPerSecond && commitsPerJob <= GOAL.commitsPerJob;
  const goal = `goal: >= ${GOAL.instancesPerSecond} ten-task instances/s on 2 cores with <= ${GOAL.commitsPerJob} commits per job`;
  const measured = `${instancesPerSecond.toFixed(1)} instances/s, ${commitsPerJob.toFixed(2)} commits/job`;
  console.log(
    paced
      ? `${goal}: not checked, --rate sets the throughput here (${measured})`
      : `${goal}: ${met ? 'met' : 'NOT met'} (${measured})`,
  );
}

function percentile(sorted: number[], p: number): string {
  if (sorted.length === 0) return 'n/a';
  return String(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
}

/** DATABASE_URL, or an embedded PostgreSQL with its default (durable) settings in a temporary directory. */
async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-engine-pg-'));
  log(`starting an embedded PostgreSQL in ${dir} ...`);
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'bench',
    persistent: false,
  });
  return {
    url: postgres.url,
    async stop() {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

main().then(
  () => process.exit(0), // SDK channels may linger; the figures are out
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
