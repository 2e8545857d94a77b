/**
 * HTTP API latency against a bare Fastify route (`npm run bench:api -- [--duration 45]
 * [--connections 10] [--pacer even|autocannon] [--log-level warn] [--background-priority idle|0-19]`). Runs the
 * whole system as `npm start` does (the build, dist/bin/start.js: embedded PostgreSQL in a temporary directory, the
 * background process with the embedded engine, processes/ deployed and the workers, the HTTP server
 * on 127.0.0.1) plus a bare Fastify here; for each route, once the machine is quiet, measures the
 * maximum rate (autocannon, closed loop), waits until the work that run queued behind its answers
 * (the complaints' lifecycles) is done, then measures p50/p99 at half of it. `--duration` is the total
 * time under load (a third of each route's share at the maximum, two thirds at the fixed rate).
 * The fixed rate is paced evenly by default (paced.ts); `--pacer autocannon` uses autocannon's
 * `overallRate`, which sends each second's quota in a burst at its start (and counts whole ms).
 * The load generator runs in a child process. Prints figures and the goals; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { LogLevel } from '../lib/config';
import { LoadGenerator } from './api/load';
import type { Pacer } from './api/load-job';
import { type Measured, report } from './api/report';
import { scenarios } from './api/scenarios';
import { settle } from './api/settle';
import { startSystem } from './api/system';
import { Teardown } from './api/teardown';
import { WriteAheadLog } from './api/wal';
import { log, positive } from './support';

async function main(teardown: Teardown): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '45' },
      connections: { type: 'string', default: '10' },
      pacer: { type: 'string', default: 'even' },
      'log-level': { type: 'string', default: 'warn' },
      'background-priority': { type: 'string' },
    },
  });
  const duration = positive(values.duration, 'duration');
  const connections = positive(values.connections, 'connections');
  const pacer = values.pacer as Pacer;
  if (pacer !== 'even' && pacer !== 'autocannon')
    throw new Error(`--pacer must be even or autocannon, not '${pacer}'`);
  const backgroundPriority = values['background-priority'];
  if (backgroundPriority !== undefined && !/^(idle|[0-9]|1[0-9])$/.test(backgroundPriority))
    throw new Error(`--background-priority must be idle or an integer 0-19, not '${backgroundPriority}'`);
  const system = await startSystem(teardown, {
    logLevel: values['log-level'] as LogLevel,
    progress: log,
    backgroundPriority,
  });
  const routes = await scenarios(system);
  const wal = await WriteAheadLog.connect(system.databaseUrl);
  teardown.add('database connection', () => wal.close());
  const load = new LoadGenerator();
  teardown.add('load generator', async () => load.stop());
  const share = duration / routes.length;
  const maxSeconds = Math.max(1, Math.round(share / 3));
  const fixedSeconds = Math.max(1, Math.round(share - maxSeconds));
  const measured: Measured[] = [];
  for (const scenario of routes) {
    const quiet = await settle();
    const checkpointedBeforeMax = await wal.checkpoint();
    log(
      `${scenario.name}: quiet after ${took(quiet)}; checkpointed in ${ms(checkpointedBeforeMax)}; ` +
        `maximum rate for ${maxSeconds} s (${connections} connections) ...`,
    );
    const max = await load.run({ target: scenario.target, connections, seconds: maxSeconds, pacer });
    const rate = Math.max(1, Math.round(max.okPerSecond / 2));
    const settled = await settle();
    const checkpointedBeforeFixed = await wal.checkpoint();
    log(
      `${scenario.name}: settled in ${took(settled)}; checkpointed in ${ms(checkpointedBeforeFixed)}; ` +
        `${rate} req/s (${pacer} pacing) for ${fixedSeconds} s ...`,
    );
    const walFilesBefore = await wal.filesCreated();
    const fixed = await load.run({
      target: scenario.target,
      connections,
      seconds: fixedSeconds,
      rate,
      pacer,
    });
    const walFilesAfter = await wal.filesCreated();
    const walFiles =
      walFilesBefore === null || walFilesAfter === null ? null : walFilesAfter - walFilesBefore;
    measured.push({ scenario, quiet, max, rate, fixed, settled, walFiles });
  }
  const cores = cpus();
  console.log(
    `${cores.length} cores (${cores[0]?.model ?? 'unknown'}), Node ${process.version}, pacer ${pacer}` +
      `, ${autogroups()}`,
  );
  report(measured);
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** How long a wait for quiet took, and whether it gave up with the machine still busy. */
function took(wait: { readonly seconds: number; readonly quiet: boolean }): string {
  return `${wait.seconds.toFixed(1)} s${wait.quiet ? '' : ' (still busy)'}`;
}

/**
 * Whether Linux shares the CPU between sessions first (autogroups): the background's priority then
 * holds less well (README, Architecture), which the figures show.
 */
function autogroups(): string {
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1'
      ? 'autogroups on'
      : 'autogroups off';
  } catch {
    return 'no autogroups';
  }
}

/** Ctrl-C or SIGTERM: the teardown stops the system in order and removes the temporary directory. */
function takeSignals(teardown: Teardown): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping ...`);
      void teardown.run(log).finally(() => process.exit(130));
    });
  }
}

const teardown = new Teardown();
takeSignals(teardown);
main(teardown)
  .finally(() => teardown.run(log))
  .then(
    () => process.exit(0), // SDK channels may linger; the figures are out
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
