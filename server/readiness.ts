import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { CamundaClients } from '../lib/camunda';
import type { Logger } from '../lib/logger';

/** One dependency the application needs to serve requests, and how to tell that it answers. */
export interface ReadinessCheck {
  /** Named in the 503 answer: `database`, `engine-grpc`, `engine-rest`. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or outlives the deadline) when it does not. */
  probe(): Promise<unknown>;
}

export type CheckStatus = 'up' | 'down';

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckStatus>>;
  /** The names of the checks that are down, in order. */
  readonly down: readonly string[];
}

/** Each probe's deadline: a probe must answer fast, a hanging dependency counts as down. */
export const PROBE_TIMEOUT_MS = 3000;

/** Runs every check at once; why a check failed is logged, the answer only names it. */
export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  log: Pick<Logger, 'warn'> | FastifyBaseLogger,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, CheckStatus]> => {
      try {
        await withDeadline(check.probe(), timeoutMs, check.name);
        return [check.name, 'up'];
      } catch (error) {
        log.warn({ check: check.name, err: error }, `readiness: ${check.name} is down`);
        return [check.name, 'down'];
      }
    }),
  );
  const down = results.filter(([, status]) => status === 'down').map(([name]) => name);
  return { ready: down.length === 0, checks: Object.fromEntries(results), down };
}

/** The database answers a query. */
export function databaseCheck(pool: Pick<pg.Pool, 'query'>): ReadinessCheck {
  return { name: 'database', probe: () => pool.query('SELECT 1') };
}

/** Both gateways of the engine (or cluster) answer a topology request with at least one broker. */
export function engineChecks(clients: Pick<CamundaClients, 'probe' | 'rest'>): ReadinessCheck[] {
  return [
    { name: 'engine-grpc', probe: async () => hasBroker(await clients.probe.topology()) },
    { name: 'engine-rest', probe: async () => hasBroker(await clients.rest.getTopology()) },
  ];
}

function hasBroker(topology: { brokers?: readonly unknown[] }): void {
  if (!topology.brokers?.length) throw new Error('the topology lists no broker yet');
}

async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
