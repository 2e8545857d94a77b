import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { DataSource } from 'typeorm';
import { ApiKeysRepository } from '../../db/repositories/api-keys.repository';
import { StaffRepository } from '../../db/repositories/staff.repository';
import { ForbiddenError, UnauthenticatedError } from '../../lib/errors';
import { apiKeyMatches, parseApiKey } from '../auth/api-keys';
import { hasRole, type Principal, type Role } from '../auth/principal';
import { isScope, SCOPES, type Scope, scopeOf } from '../auth/scopes';
import { looksLikeToken, verifyStaffToken } from '../auth/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by `authenticate` (routes under /api). */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** No credential asked (a route under /api that anyone may call). */
    public?: boolean;
    /** The scope a key needs for this route: set from scopes.ts when the route is registered. */
    scope?: Scope;
  }
}

export interface AuthenticationOptions {
  readonly db: DataSource;
  /** Signs and checks staff tokens. */
  readonly tokenSecret: string;
  readonly now: () => Date;
}

const CHALLENGE = 'Bearer realm="complaints", charset="UTF-8"';

/**
 * Who is calling: `Authorization: Bearer <API key or staff token>` or `X-Api-Key: <API key>`, on
 * every route under /api except those marked `config: { public: true }`. A bad or
 * missing credential is 401 with a `WWW-Authenticate` challenge; the key's hash is compared in
 * constant time, and a revoked key is unknown; a staff token is refused once revoked or its holder
 * deactivated. Each route under /api needs the scope
 * scopes.ts names for it (a route it names none for is refused at start-up); a key without that
 * scope is 403 before its request is read further.
 */
export const authentication = fp<AuthenticationOptions>(
  async (app: FastifyInstance, options: AuthenticationOptions) => {
    app.decorateRequest('principal', null);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.config?.public) return;
      const scope = routeScope(route.method, route.url);
      route.config = { ...route.config, scope };
      // shown in the OpenAPI document; a copy, as routes may share one schema object
      const note = `API-key scope: \`${scope}\`.`;
      const description = route.schema?.description ? `${route.schema.description}\n\n${note}` : note;
      route.schema = { ...route.schema, description };
    });
    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (!url?.startsWith('/api/')) return; // probes, /docs, and 404s answer without asking who calls
      const access = request.routeOptions.config;
      if (access.public) return;
      let principal: Principal;
      try {
        principal = await authenticate(request, options);
      } catch (error) {
        void reply.header('WWW-Authenticate', CHALLENGE);
        throw error;
      }
      request.principal = principal;
      request.log = request.log.child({ principal: principal.id });
      const scope = access.scope;
      if (!scope || !principal.scopes.includes(scope)) {
        throw new ForbiddenError(
          `This API key may not be used for ${request.method} ${url}: that needs the scope "${scope}", and the key has ${principal.scopes.join(', ') || 'none'}. Ask an administrator for a key with that scope.`,
          'SCOPE_REQUIRED',
        );
      }
    });
  },
  { name: 'authentication' },
);

/** The one scope a route (of one or more methods) needs; throws at start-up when scopes.ts names none. */
function routeScope(method: string | string[], url: string): Scope {
  const scopes = new Set((Array.isArray(method) ? method : [method]).map((one) => scopeOf(one, url)));
  const [scope] = scopes;
  if (scopes.size !== 1 || scope === undefined) {
    throw new Error(
      `The route ${String(method)} ${url} has no API-key scope: name its scope in server/auth/scopes.ts.`,
    );
  }
  return scope;
}

async function authenticate(request: FastifyRequest, options: AuthenticationOptions): Promise<Principal> {
  const credential = credentialOf(request);
  if (!credential) {
    throw new UnauthenticatedError(
      'Send an API key as "Authorization: Bearer <key>" or "X-Api-Key: <key>", or a staff token as "Authorization: Bearer <token>".',
      'CREDENTIALS_MISSING',
    );
  }
  if (looksLikeToken(credential)) {
    const verified = verifyStaffToken(
      credential,
      options.tokenSecret,
      Math.floor(options.now().getTime() / 1000),
    );
    if ('problem' in verified) {
      const why = verified.problem === 'expired' ? 'has expired; ask for a new one' : 'is not valid';
      throw new UnauthenticatedError(`The staff token ${why}.`, 'TOKEN_INVALID');
    }
    const { sub, roles, iat } = verified.claims;
    await refuseIfWithdrawn(new StaffRepository(options.db.manager), sub, iat);
    return {
      id: `staff:${sub}`,
      roles,
      clientId: null,
      staffId: sub,
      complaintsPerMinute: null,
      scopes: SCOPES,
    };
  }
  const parsed = parseApiKey(credential);
  const keys = new ApiKeysRepository(options.db.manager);
  const record = parsed && (await keys.findActiveByPrefix(parsed.prefix));
  if (!parsed || !record || !apiKeyMatches(parsed.key, record.keyHash)) {
    throw new UnauthenticatedError(
      'The API key is not valid (unknown, mistyped or revoked).',
      'API_KEY_INVALID',
    );
  }
  await noteKeyUse(keys, record.id, options.now());
  return {
    id: `key:${record.keyPrefix}`,
    roles: record.roles as Role[],
    clientId: record.clientId,
    staffId: null,
    complaintsPerMinute: record.complaintsPerMinute,
    // a scope this version no longer knows opens nothing
    scopes: record.scopes.filter(isScope),
  };
}

/**
 * A staff token is taken only while its holder is an active member of staff and it was issued after
 * their tokens were last revoked (to the second: a token keeps its issue time in seconds, so one
 * issued in the second of a revocation is refused too).
 */
async function refuseIfWithdrawn(staff: StaffRepository, staffId: string, issuedAt: number): Promise<void> {
  const standing = await staff.findTokenStanding(staffId);
  if (!standing?.active) {
    throw new UnauthenticatedError(
      'The staff token is no longer valid: its holder is not an active member of staff.',
      'TOKEN_REVOKED',
    );
  }
  if (standing.tokensRevokedAt && issuedAt <= Math.floor(standing.tokensRevokedAt.getTime() / 1000)) {
    throw new UnauthenticatedError('The staff token was revoked; ask for a new one.', 'TOKEN_REVOKED');
  }
}

/** When this process last noted each key's use: the database is written at most once a minute per key. */
const lastNoted = new Map<string, number>();

async function noteKeyUse(keys: ApiKeysRepository, keyId: string, at: Date): Promise<void> {
  const noted = lastNoted.get(keyId);
  if (noted !== undefined && at.getTime() - noted < 60_000) return;
  lastNoted.set(keyId, at.getTime());
  await keys.touchApiKey(keyId, at);
}

function credentialOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw new UnauthenticatedError(
        'The Authorization header must be "Bearer <credential>".',
        'CREDENTIALS_MALFORMED',
      );
    }
    return match[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey.trim() : undefined;
}

/** The principal of an authenticated request (routes behind `authentication` only). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError('Not authenticated.', 'CREDENTIALS_MISSING');
  return request.principal;
}

/** A preHandler that lets through only callers holding one of `roles` (administrators always). */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const principal = principalOf(request);
    if (!hasRole(principal, roles)) {
      throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}.`, 'ROLE_REQUIRED');
    }
  };
}
