import type { FastifyInstance } from 'fastify';
import { UnavailableError } from '../../lib/errors';
import { checkReadiness, type ReadinessCheck } from '../readiness';

export interface HealthRoutesOptions {
  readonly readiness: readonly ReadinessCheck[];
}

/** Probes come every few seconds: app.ts does not log their requests, only what goes wrong. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/ready']);

/**
 * `GET /health`: liveness, the process serves HTTP (no dependency is asked: a database outage must
 * not get the process restarted). `GET /ready`: the database and the engine answer; else 503
 * problem+json naming what is down.
 */
export async function healthRoutes(app: FastifyInstance, options: HealthRoutesOptions): Promise<void> {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (request) => {
    const readiness = await checkReadiness(options.readiness, request.log);
    if (!readiness.ready) {
      const down = readiness.down.join(', ');
      throw new UnavailableError(
        `Not ready: ${down} ${readiness.down.length === 1 ? 'is' : 'are'} down`,
        'NOT_READY',
        {
          extensions: { checks: readiness.checks },
        },
      );
    }
    return { status: 'ready', checks: readiness.checks };
  });
}
