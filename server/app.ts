import type { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { DataSource } from 'typeorm';
import type { ApiConfig } from '../lib/config';
import type { Logger } from '../lib/logger';
import { authentication } from './plugins/authentication';
import { useProblemErrors } from './plugins/error-handler';
import { openapi } from './plugins/openapi';
import { security } from './plugins/security';
import type { ReadinessCheck } from './readiness';
import { apiRoutes } from './routes';
import { healthRoutes, PROBE_PATHS } from './routes/health';

/** What the HTTP application needs from the process that runs it. */
export interface AppDeps {
  readonly log: Logger;
  /** The dependencies `GET /ready` asks (see readiness.ts). */
  readonly readiness: readonly ReadinessCheck[];
  /** The API under /api; without it only the probes are served (tests of the HTTP foundations). */
  readonly api?: ApiDeps;
}

/** What the routes under /api use: the database, the engine (through the SDK only), settings, the clock. */
export interface ApiDeps {
  readonly db: DataSource;
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  readonly rest: CamundaRestClient;
  readonly config: ApiConfig;
  /** Signs and checks staff tokens (server/auth/bootstrap.ts). */
  readonly tokenSecret: string;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Largest JSON request body accepted (1 MiB): complaints are text; attachments come as multipart. */
export const BODY_LIMIT = 1024 * 1024;

/** Paths whose values must never reach a log line (personal data and credentials). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.complainant.name',
  '*.complainant.phone',
  '*.complainant.email',
  '*.complainant.wechat',
  '*.complainant.address',
];

/**
 * The Fastify application, built without listening (tests use `app.inject`, server.ts listens).
 * Routes are registered explicitly, each file under routes/ a plugin.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  // typed as Fastify's own logger interface, so plugins and routes take a plain FastifyInstance
  const logger: FastifyBaseLogger = deps.log.child(
    { component: 'http' },
    { serializers: { req: serializeRequest }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
  );
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: (request) => PROBE_PATHS.has(request.url) }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: deps.api?.config.requestTimeoutMs ?? 30_000,
    connectionTimeout: 60_000,
    // every bad field in one answer, not only the first; unknown fields refused, never dropped
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  });
  useProblemErrors(app);
  void app.register(healthRoutes, { readiness: deps.readiness });
  const api = deps.api;
  if (api) {
    void app.register(security, {
      corsOrigins: api.config.corsOrigins,
      rateLimitPerMinute: api.config.rateLimitPerMinute,
      overload: api.config.overload,
    });
    void app.register(openapi);
    void app.register(authentication, { db: api.db, tokenSecret: api.tokenSecret, now: api.now });
    void app.register(apiRoutes, { prefix: '/api', deps: api });
  }
  return app;
}

/** A request as logged: no query string (it may carry personal data, e.g. a phone number searched for). */
function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}
