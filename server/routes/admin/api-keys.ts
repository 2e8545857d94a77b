import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { type ApiKeyRecord, ApiKeysRepository } from '../../../db/repositories/api-keys.repository';
import { NotFoundError, ValidationError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { issueApiKey } from '../../auth/issue-credentials';
import { STAFF_ROLES } from '../../auth/principal';
import { SCOPES } from '../../auth/scopes';
import { principalOf, requireRole } from '../../plugins/authentication';
import { DateTime } from '../../schemas/kinds';
import { ADMINISTRATORS, closed, Nullable, TAGS, Text, Uuid } from './support';

export const CreateApiKeyBody = closed({
  name: Text(),
  /** An integrator's client id: the key then acts as that integrator (role `integrator`). */
  clientId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' })),
  /** A staff or administrator key's roles (not with `clientId`). */
  roles: Type.Optional(
    Type.Array(Type.Union(STAFF_ROLES.map((role) => Type.Literal(role))), { minItems: 1, uniqueItems: true }),
  ),
  /** What the key may be used for, whatever its roles allow (server/auth/scopes.ts); every scope when left out. */
  scopes: Type.Optional(
    Type.Array(Type.Union(SCOPES.map((scope) => Type.Literal(scope))), { minItems: 1, uniqueItems: true }),
  ),
  complaintsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

const KeyId = closed({ id: Uuid });

/** A key as listed: never its hash (nor the key, which is not stored). */
const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'the 8 letters or digits after ck_, to recognise the key by' }),
  clientId: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  complaintsPerMinute: Nullable(Type.Integer()),
  createdAt: DateTime,
  createdBy: Type.String(),
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});

const CreatedApiKey = Type.Object({
  ...ApiKeyView.properties,
  key: Type.String({ description: 'shown this once: only a hash is kept' }),
});

/**
 * API keys (administrators only). A key is shown once, in the answer that creates it; only its
 * prefix and a hash are kept. Revoking is for good: the key is then unknown (401). A key does what both
 * its roles and its scopes allow (server/auth/scopes.ts).
 */
export async function apiKeyRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const keys = () => new ApiKeysRepository(deps.db.manager);
  const onlyAdministrators = requireRole(...ADMINISTRATORS);

  api.post(
    '/admin/api-keys',
    {
      schema: { tags: TAGS, body: CreateApiKeyBody, response: { 201: CreatedApiKey } },
      preHandler: onlyAdministrators,
    },
    async (request, reply) => {
      const { name, clientId, roles, scopes, complaintsPerMinute } = request.body;
      if (clientId && roles) {
        throw new ValidationError([{ field: 'body.roles', problem: 'is not allowed with clientId' }]);
      }
      if (!clientId && !roles) {
        throw new ValidationError([
          { field: 'body.clientId', problem: 'or body.roles is required (an integrator or a staff key)' },
        ]);
      }
      const { key, record } = await issueApiKey(deps.db, {
        name,
        clientId: clientId ?? null,
        roles: roles ?? ['integrator'],
        ...(scopes && { scopes }),
        complaintsPerMinute: complaintsPerMinute ?? null,
        createdBy: principalOf(request).id,
      });
      return reply.code(201).send({ ...toView(record), key });
    },
  );

  const listing = { tags: TAGS, response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }) } };
  api.get('/admin/api-keys', { schema: listing, preHandler: onlyAdministrators }, async () => ({
    items: (await keys().listApiKeys()).map(toView),
  }));

  api.delete(
    '/admin/api-keys/:id',
    { schema: { tags: TAGS, params: KeyId }, preHandler: onlyAdministrators },
    async (request, reply) => {
      if (!(await keys().revokeApiKey(request.params.id, deps.now()))) {
        throw new NotFoundError(`There is no live API key ${request.params.id}.`, 'API_KEY_NOT_FOUND');
      }
      return reply.code(204).send();
    },
  );
}

/** A key as listed (ApiKeyView). */
function toView(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    prefix: record.keyPrefix,
    clientId: record.clientId,
    roles: record.roles,
    scopes: record.scopes,
    complaintsPerMinute: record.complaintsPerMinute,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
