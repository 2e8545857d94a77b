import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { ClassificationRulesRepository } from '../../../db/repositories/classification-rules.repository';
import { checkClassificationRules } from '../../../domain/classify/check-rules';
import type { ClassificationRules } from '../../../domain/classify/classification-rules';
import type { ApiDeps } from '../../app';
import { principalOf, requireRole } from '../../plugins/authentication';
import { checkWithDomain, closed, PROCESS_EDITORS, READERS, TAGS } from './support';

const Terms = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Number());
const Lexicon = closed({ zh: Type.Optional(Terms), en: Type.Optional(Terms) });
const BySeverity = <T extends Parameters<typeof Type.Object>[0][string]>(schema: T) =>
  closed({ '1': schema, '2': schema, '3': schema });
const Severity = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

/**
 * The whole rules document of domain/defaults/classification-rules.json without its version (the
 * server numbers versions). The shape is checked here; what it says (every category and sub-type of
 * the vocabulary, known fallbacks, rising thresholds) by the domain's `checkClassificationRules`.
 */
export const NewClassificationRulesBody = closed({
  categories: Type.Record(
    Type.String(),
    closed({
      keywords: Lexicon,
      subTypes: Type.Record(Type.String(), Lexicon),
      fallbackSubType: Type.String(),
    }),
  ),
  declaredCategoryWeight: Type.Number(),
  minimumScore: Type.Number(),
  fallback: closed({ category: Type.String(), subType: Type.String() }),
  severity: closed({
    default: Severity,
    minimumScore: Type.Number(),
    cues: BySeverity(Lexicon),
    lossAmount: Type.Array(closed({ from: Type.Number(), severity: Severity, weight: Type.Number() })),
  }),
  priority: closed({
    severityPoints: BySeverity(Type.Number()),
    lossAmountPoints: Type.Array(closed({ from: Type.Number(), points: Type.Number() })),
    recentComplaints: closed({ perComplaint: Type.Number(), max: Type.Number() }),
    mediaExposurePoints: Type.Number(),
    channelPoints: Type.Record(Type.String(), Type.Number()),
    urgencyCues: closed({ zh: Type.Optional(Terms), en: Type.Optional(Terms), max: Type.Number() }),
    thresholds: closed({ normal: Type.Number(), high: Type.Number(), urgent: Type.Number() }),
  }),
});
export type NewClassificationRulesBody = Static<typeof NewClassificationRulesBody>;

/**
 * The classification rules (keywords and weights, DOMAIN §2), versioned: a change is a new version
 * that classifies the complaints registered from then on; earlier complaints keep theirs.
 */
export async function classificationRuleRoutes(
  app: FastifyInstance,
  { deps }: { deps: ApiDeps },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const rules = () => new ClassificationRulesRepository(deps.db.manager);

  api.get(
    '/admin/classification-rules',
    {
      schema: { tags: TAGS, summary: 'The classification rules in force' },
      preHandler: requireRole(...READERS),
    },
    async () => rules().findActiveClassificationRules(),
  );

  api.post(
    '/admin/classification-rules',
    {
      schema: {
        tags: TAGS,
        summary: 'Publish a new version of the classification rules',
        body: NewClassificationRulesBody,
      },
      preHandler: requireRole(...PROCESS_EDITORS),
    },
    async (request, reply) => {
      const document = { ...request.body, version: 0 } as unknown as ClassificationRules;
      checkWithDomain(() => checkClassificationRules(document));
      const version = await rules().publishClassificationRules(document, principalOf(request).id);
      return reply.code(201).send({ version });
    },
  );
}
