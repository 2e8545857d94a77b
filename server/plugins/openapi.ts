import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SCOPE_ROUTES, SCOPES } from '../auth/scopes';
import { PROBLEM_RESPONSES } from '../schemas/problem';

/** The scopes an API key may be narrowed to, and what each opens (markdown, for /docs). */
const SCOPES_TOLD =
  'An API key does what both its roles and its scopes allow (a key made without `scopes` has them ' +
  'all; a staff token is not scoped). Used outside its scopes it is 403 `SCOPE_REQUIRED`. Scopes:\n' +
  SCOPES.map((scope) => `- \`${scope}\`: ${SCOPE_ROUTES[scope]}`).join('\n');

/**
 * The OpenAPI 3 document of every route (from their TypeBox schemas) at `/docs/json`, and Swagger UI
 * at `/docs`. Registered before the routes, so it sees them all; each route under /api is given its
 * error answers (problem+json) there.
 */
export const openapi = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      // a copy: routes may share one schema object
      route.schema = {
        ...route.schema,
        response: { ...PROBLEM_RESPONSES, ...(route.schema?.response ?? {}) },
      };
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Complaint handling API',
          version: '1.0.0',
          description:
            'Start and follow customer complaints (integrators), work their tasks (agents and departments), ' +
            'analyse them (managers) and administer the rules (administrators). Errors are RFC 9457 ' +
            'application/problem+json with a stable `code`.\n\n' +
            SCOPES_TOLD,
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'An API key (ck_…) or a staff token' },
            apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          },
        },
        security: [{ bearer: [] }, { apiKey: [] }],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  },
  { name: 'openapi' },
);
