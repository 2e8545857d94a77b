import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { ApprovalThresholdsRepository } from '../../../db/repositories/approval-thresholds.repository';
import { checkApprovalThresholds } from '../../../domain/approval';
import { APPROVAL_LEVELS, RESPONSIBILITIES, SEVERITIES } from '../../../domain/vocabulary';
import { UnprocessableError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { requireRole } from '../../plugins/authentication';
import { checkWithDomain, closed, Nullable, PROCESS_EDITORS, READERS, TAGS, Text } from './support';

const literals = <T extends string | number>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const ApprovalThresholdsBody = closed({
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  /** Ascending by `upTo` (inclusive), the last one unlimited (`upTo: null`). */
  steps: Type.Array(
    closed({
      level: literals(APPROVAL_LEVELS),
      upTo: Nullable(Type.Number({ minimum: 0 })),
      approverGroup: Text(100),
      departmentGroup: Type.Optional(literals(['teamManagerGroup', 'directorGroup'])),
    }),
    { minItems: 1, maxItems: APPROVAL_LEVELS.length },
  ),
  /** When an internal company problem is reported up to leadership (001 第九条.4). */
  reportToLeadership: closed({
    responsibilities: Type.Array(literals(RESPONSIBILITIES), { uniqueItems: true }),
    fromSeverity: literals(SEVERITIES),
    amountAbove: Type.Number({ minimum: 0 }),
  }),
});
export type ApprovalThresholdsBody = Static<typeof ApprovalThresholdsBody>;

/**
 * Approval authority (核决权限): up to which amount each level approves, and when to report to
 * leadership. Replaced as a whole, checked with the domain's `checkApprovalThresholds`; a resolution
 * already sent for approval keeps the level it was given.
 */
export async function approvalThresholdRoutes(
  app: FastifyInstance,
  { deps }: { deps: ApiDeps },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const thresholds = () => new ApprovalThresholdsRepository(deps.db.manager);

  api.get(
    '/admin/approval-thresholds',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => thresholds().loadApprovalThresholds(),
  );

  api.put(
    '/admin/approval-thresholds',
    { schema: { tags: TAGS, body: ApprovalThresholdsBody }, preHandler: requireRole(...PROCESS_EDITORS) },
    async (request) => {
      const body = request.body;
      const levels = body.steps.map((s) => s.level);
      if (new Set(levels).size !== levels.length) {
        throw new UnprocessableError('Each approval level may appear once.', 'INVALID_APPROVAL_THRESHOLDS');
      }
      checkWithDomain(() => checkApprovalThresholds(body));
      await thresholds().replaceApprovalThresholds(body, deps.now());
      return thresholds().loadApprovalThresholds();
    },
  );
}
