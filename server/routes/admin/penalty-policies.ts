import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { PenaltiesRepository } from '../../../db/repositories/penalties.repository';
import { checkPenaltyPolicy } from '../../../domain/penalties/penalty-policy';
import type { ApiDeps } from '../../app';
import { principalOf, requireRole } from '../../plugins/authentication';
import { checkWithDomain, closed, IsoDate, Nullable, PROCESS_EDITORS, READERS, TAGS } from './support';

/** The shares are checked by the domain (0…1, brackets in order, supervisor ≤ direct), not here. */
export const NewPenaltyPolicyBody = closed({
  effectiveFrom: IsoDate,
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  responsibility: closed({
    brackets: Type.Array(
      closed({
        lossUpTo: Nullable(Type.Number()),
        directShare: Type.Number(),
        supervisorShare: Type.Number(),
      }),
      { minItems: 1, maxItems: 20 },
    ),
    sharedFactor: Type.Number(),
  }),
  delay: closed({
    sharePerBreach: Type.Number(),
    maxShare: Type.Number(),
    evenWhenCustomerResponsible: Type.Boolean(),
  }),
  caps: closed({ maxSharePerPerson: Type.Number() }),
});
export type NewPenaltyPolicyBody = Static<typeof NewPenaltyPolicyBody>;

/**
 * The penalty policy (000 三.7; 001 第十条). Never edited in place: each change is a new version
 * (checked with the domain's `checkPenaltyPolicy`), so past complaints keep the version their
 * penalties were calculated under.
 */
export async function penaltyPolicyRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const penalties = () => new PenaltiesRepository(deps.db.manager);

  api.get(
    '/admin/penalty-policies',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => {
      const versions = await penalties().listPenaltyPolicyVersions();
      return { current: versions.find((v) => v.active) ?? null, versions };
    },
  );

  api.post(
    '/admin/penalty-policies',
    { schema: { tags: TAGS, body: NewPenaltyPolicyBody }, preHandler: requireRole(...PROCESS_EDITORS) },
    async (request, reply) => {
      const versions = await penalties().listPenaltyPolicyVersions();
      const policy = { ...request.body, version: (versions[0]?.version ?? 0) + 1 };
      checkWithDomain(() => checkPenaltyPolicy(policy));
      const version = await penalties().publishPenaltyPolicy(policy, principalOf(request).id);
      const published = (await penalties().listPenaltyPolicyVersions()).find((v) => v.version === version);
      return reply.code(201).send(published);
    },
  );
}
