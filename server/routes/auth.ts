import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { StaffRepository } from '../../db/repositories/staff.repository';
import { NotFoundError } from '../../lib/errors';
import type { ApiDeps } from '../app';
import { issueStaffToken } from '../auth/issue-credentials';
import { STAFF_ROLES } from '../auth/principal';
import { requireRole } from '../plugins/authentication';
import { DateTime, OneOf } from '../schemas/kinds';

/** Longest a staff token may live: a week (the default is a working day). */
const MAX_TTL_MINUTES = 7 * 24 * 60;

export const IssueTokenBody = Type.Object(
  {
    staffId: Type.String({ minLength: 1 }),
    roles: Type.Array(Type.Union(STAFF_ROLES.map((role) => Type.Literal(role))), {
      minItems: 1,
      uniqueItems: true,
    }),
    ttlMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TTL_MINUTES })),
  },
  { additionalProperties: false },
);
export type IssueTokenBody = Static<typeof IssueTokenBody>;

const IssuedToken = Type.Object({
  token: Type.String({ description: 'send as "Authorization: Bearer <token>"; it is not stored' }),
  tokenType: Type.Literal('Bearer'),
  staffId: Type.String(),
  roles: Type.Array(OneOf(STAFF_ROLES)),
  expiresAt: DateTime,
});

/**
 * Staff tokens (administrators only): a signed token carrying the roles given, for an active member
 * of staff. Whoever holds it acts as that person until it expires, the person is deactivated or their
 * tokens are revoked (`POST /api/admin/staff/{id}/token-revocation`); it is not stored.
 */
export async function authRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/auth/tokens',
    {
      schema: { tags: ['auth'], body: IssueTokenBody, response: { 201: IssuedToken } },
      preHandler: requireRole('administrator'),
    },
    async (request, reply) => {
      const { staffId, roles, ttlMinutes } = request.body;
      const person = await new StaffRepository(deps.db.manager).findStaffById(staffId);
      if (!person?.active) {
        throw new NotFoundError(`There is no active member of staff "${staffId}".`, 'STAFF_NOT_FOUND');
      }
      const ttlSeconds = ttlMinutes === undefined ? undefined : ttlMinutes * 60;
      const { token, expiresAt } = issueStaffToken(deps.tokenSecret, staffId, roles, deps.now(), ttlSeconds);
      return reply
        .code(201)
        .send({ token, tokenType: 'Bearer', staffId, roles, expiresAt: expiresAt.toISOString() });
    },
  );
}
