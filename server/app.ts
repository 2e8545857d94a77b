import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from '../lib/logger';
import { useProblemErrors } from './plugins/error-handler';
import type { ReadinessCheck } from './readiness';
import { healthRoutes, PROBE_PATHS } from './routes/health';

/** What the HTTP application needs from the process that runs it. Later: repositories, Camunda clients. */
export interface AppDeps {
  readonly log: Logger;
  /** The dependencies `GET /ready` asks (see readiness.ts). */
  readonly readiness: readonly ReadinessCheck[];
}

/** Largest request body accepted (1 MiB): complaints are text, attachments do not come through here. */
const BODY_LIMIT = 1024 * 1024;

/**
 * The Fastify application, built without listening (tests use `app.inject`, server.ts listens).
 * Routes are registered explicitly, each file under routes/ a plugin.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  // typed as Fastify's own logger interface, so plugins and routes take a plain FastifyInstance
  const logger: FastifyBaseLogger = deps.log.child(
    { component: 'http' },
    { serializers: { req: serializeRequest } },
  );
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: (request) => PROBE_PATHS.has(request.url) }),
    bodyLimit: BODY_LIMIT,
    // every bad field in one answer, not only the first
    ajv: { customOptions: { allErrors: true } },
  });
  useProblemErrors(app);
  void app.register(healthRoutes, { readiness: deps.readiness });
  return app;
}

/** A request as logged: no query string (it may carry personal data, e.g. a phone number searched for). */
function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}
