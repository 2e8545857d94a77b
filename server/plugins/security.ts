import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiConfig } from '../../lib/config';
import { AppError } from '../../lib/errors';
import { problem, PROBLEM_CONTENT_TYPE } from '../problem';

export interface SecurityOptions {
  readonly corsOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  /** Mean event-loop delay and heap in use (sampled each second) above which requests get 503. */
  readonly overload: ApiConfig['overload'];
}

/**
 * The defences every route gets: security headers (helmet; the Swagger UI page needs its own inline
 * assets), CORS for the allowlisted origins only, a request rate per caller (API key prefix or
 * token subject, else the address), and 503 when the event loop or memory is overloaded.
 */
export const security = fp<SecurityOptions>(
  async (app: FastifyInstance, options: SecurityOptions) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    });
    await app.register(cors, {
      origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'X-Api-Key', 'Content-Type', 'Idempotency-Key'],
      exposedHeaders: ['Location', 'Idempotency-Replayed', 'Retry-After'],
      maxAge: 600,
    });
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: '1 minute',
      keyGenerator: callerKey,
      allowList: (request) => request.url === '/health' || request.url === '/ready',
      // thrown by the plugin, so it must be an error the problem handler knows (a plain object is a 500)
      errorResponseBuilder: (_request, context) => new RateLimitError(context.max, context.ttl),
    });
    await app.register(underPressure, {
      maxEventLoopDelay: options.overload.eventLoopDelayMs,
      maxHeapUsedBytes: options.overload.heapUsedBytes,
      retryAfter: 5,
      exposeStatusRoute: false,
      pressureHandler: (request, reply, type, value) => {
        void reply
          .code(503)
          .header('Retry-After', '5')
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            problem(
              503,
              'OVERLOADED',
              `The server is overloaded (${type} ${String(value)}); retry in 5 s.`,
              request.url,
            ),
          );
      },
    });
  },
  { name: 'security' },
);

/** Who a request counts against: its credential's public part, else its address. */
export function callerKey(request: FastifyRequest): string {
  const credential =
    request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? request.headers['x-api-key'];
  if (typeof credential === 'string' && credential !== '') {
    const key = /^ck_([A-Za-z0-9]{8})_/.exec(credential);
    if (key) return `key:${key[1]}`;
    const payload = credential.split('.')[1];
    if (payload) return `token:${payload.slice(0, 64)}`;
  }
  return `ip:${request.ip}`;
}

/** Too many requests from one caller in the current minute (429; `Retry-After` is set by the plugin). */
export class RateLimitError extends AppError {
  constructor(max: number, ttlMs: number) {
    const retryAfter = Math.ceil(ttlMs / 1000);
    super('RATE_LIMITED', `Too many requests: at most ${max} per minute; retry in ${retryAfter} s.`, 429, {
      extensions: { retryAfter },
    });
  }
}
