import type { LoadResult } from './load-job';
import type { Scenario } from './scenarios';

export interface Measured {
  readonly scenario: Scenario;
  /** How long the machine took to become quiet before the maximum-rate run (what earlier routes left). */
  readonly quiet: { readonly seconds: number; readonly quiet: boolean };
  readonly max: LoadResult;
  readonly rate: number;
  readonly fixed: LoadResult;
  /** How long the system took to work off the maximum-rate run before the fixed-rate run began. */
  readonly settled: { readonly seconds: number; readonly quiet: boolean };
  /** WAL files PostgreSQL created during the fixed-rate run (wal.ts); null where it does not say. */
  readonly walFiles: number | null;
}

/** The table (one row per route) and a line per goal; says so loudly when any answer was not 2xx. */
export function report(measured: readonly Measured[]): void {
  const bare = measured[0].fixed;
  const rows = measured.map(({ scenario, quiet, max, rate, fixed, settled, walFiles }) => ({
    route: scenario.name,
    'quiet s': waited(quiet),
    'max req/s': Math.round(max.okPerSecond),
    'settled s': waited(settled),
    'fixed req/s': `${rate} (got ${Math.round(fixed.okPerSecond)})`,
    'p50 ms': ms(fixed.p50),
    'p99 ms': ms(fixed.p99),
    'p50 ÷ bare': ratio(fixed.p50, bare.p50),
    'p99 ÷ bare': ratio(fixed.p99, bare.p99),
    'not 2xx': `${max.non2xx + max.errors} / ${fixed.non2xx + fixed.errors}`,
    'new WAL files': walFiles ?? 'n/a',
    goal: goal(scenario, fixed),
  }));
  console.table(rows);
  console.log(
    '(quiet: time the machine took, before the maximum-rate run, to work off what earlier routes left;' +
      " settled: time the system took, after the maximum-rate run, to work off what it had queued (the complaints' lifecycles)" +
      ' before the fixed-rate run began; p50/p99: 2xx answers at the fixed rate;' +
      ' not 2xx: non-2xx answers and errors during the max / fixed-rate runs;' +
      ' new WAL files: 16 MB files PostgreSQL had to create during the fixed-rate run, each a stall of every commit;' +
      ' each run starts right after a checkpoint, so files are reused as in a running system)',
  );
  for (const { scenario, rate, fixed } of measured) {
    if (fixed.okPerSecond >= 0.95 * rate) continue;
    console.log(
      `RATE NOT REACHED on ${scenario.name}: ${Math.round(fixed.okPerSecond)} of ${rate} req/s (server or load generator saturated)`,
    );
  }
  for (const { scenario, max, fixed } of measured) {
    if (max.non2xx + max.errors + fixed.non2xx + fixed.errors === 0) continue;
    console.log(
      `ERRORS on ${scenario.name}: max run ${describe(max)}; fixed-rate run ${describe(fixed)} — its figures are not valid`,
    );
  }
  for (const { scenario, fixed } of measured) {
    if (scenario.goalP99Ms === undefined) continue;
    console.log(
      `goal: ${scenario.name} p99 < ${scenario.goalP99Ms} ms at half its max rate: ${goal(scenario, fixed)}`,
    );
  }
}

function goal(scenario: Scenario, fixed: LoadResult): string {
  if (scenario.goalP99Ms === undefined) return '';
  const clean = fixed.non2xx + fixed.errors === 0;
  return fixed.p99 < scenario.goalP99Ms && clean ? 'met' : 'NOT met';
}

function describe(result: LoadResult): string {
  const codes = Object.entries(result.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${n}×${code}`);
  return `${result.non2xx} non-2xx of ${result.answers} (${codes.join(', ') || 'none'}), ${result.errors} errors/timeouts`;
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a';
}

function ratio(value: number, bare: number): string {
  return Number.isFinite(value) && bare > 0 ? `${(value / bare).toFixed(1)}×` : 'n/a';
}

function waited(wait: { readonly seconds: number; readonly quiet: boolean }): string {
  return `${wait.seconds.toFixed(1)}${wait.quiet ? '' : ' (busy)'}`;
}
