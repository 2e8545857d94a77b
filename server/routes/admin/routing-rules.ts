import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { RoutingRuleRecord } from '../../../db/entities/routing-rule.entity';
import { DepartmentsRepository } from '../../../db/repositories/departments.repository';
import { RoutingRulesRepository } from '../../../db/repositories/routing-rules.repository';
import { checkRoutingRules, type RoutingRule } from '../../../domain/routing';
import { CATEGORIES, type Category } from '../../../domain/vocabulary';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { requireRole } from '../../plugins/authentication';
import {
  checkWithDomain,
  closed,
  Nullable,
  PROCESS_EDITORS,
  READERS,
  refuseDuplicate,
  TAGS,
} from './support';

export const CreateRoutingRuleBody = closed({
  category: Type.Enum(CATEGORIES),
  /** Omitted or null: the rule covers the whole category. */
  subType: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  departmentCode: Type.String({ minLength: 1 }),
});
export type CreateRoutingRuleBody = Static<typeof CreateRoutingRuleBody>;

export const UpdateRoutingRuleBody = closed({
  departmentCode: Type.Optional(Type.String({ minLength: 1 })),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateRoutingRuleBody = Static<typeof UpdateRoutingRuleBody>;

const RuleId = closed({ id: Type.Integer({ minimum: 1 }) });

/**
 * The routing table category/sub-type → department (DOMAIN §3.4). Every change is checked with the
 * domain's `checkRoutingRules` against the active departments before it is stored.
 */
export async function routingRuleRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const rules = () => new RoutingRulesRepository(deps.db.manager);

  api.get(
    '/admin/routing-rules',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => ({
      items: (await rules().listRoutingRuleRecords()).map(toView),
    }),
  );

  api.post(
    '/admin/routing-rules',
    { schema: { tags: TAGS, body: CreateRoutingRuleBody }, preHandler: requireRole(...PROCESS_EDITORS) },
    async (request, reply) => {
      const rule = { ...request.body, subType: request.body.subType ?? null };
      const target = `${rule.category}/${rule.subType ?? '*'}`;
      const existing = await rules().findRoutingRuleFor(rule.category, rule.subType);
      if (existing) {
        throw new ConflictError(
          `Routing rule ${existing.id} covers ${target} already; change it instead.`,
          'ROUTING_RULE_EXISTS',
        );
      }
      await checkTable(deps, [...(await activeRules(deps)), toDomain(rule)]);
      const added = await refuseDuplicate(
        () => rules().addRoutingRule(rule, deps.now()),
        `A routing rule covers ${target} already.`,
        'ROUTING_RULE_EXISTS',
      );
      return reply.code(201).send(toView(added));
    },
  );

  api.patch(
    '/admin/routing-rules/:id',
    {
      schema: { tags: TAGS, params: RuleId, body: UpdateRoutingRuleBody },
      preHandler: requireRole(...PROCESS_EDITORS),
    },
    async (request) => {
      const { id } = request.params;
      const current = found(await rules().findRoutingRuleRecord(id), id);
      const changed = { ...current, ...request.body };
      const others = (await rules().listRoutingRuleRecords()).filter((r) => r.active && r.id !== id);
      await checkTable(deps, [...others, ...(changed.active ? [changed] : [])].map(toDomain));
      return toView(found(await rules().updateRoutingRule(id, request.body, deps.now()), id));
    },
  );

  api.delete(
    '/admin/routing-rules/:id',
    { schema: { tags: TAGS, params: RuleId }, preHandler: requireRole(...PROCESS_EDITORS) },
    async (request, reply) => {
      if (!(await rules().removeRoutingRule(request.params.id))) found(null, request.params.id);
      return reply.code(204).send();
    },
  );
}

async function activeRules(deps: ApiDeps): Promise<RoutingRule[]> {
  return new RoutingRulesRepository(deps.db.manager).loadActiveRoutingRules();
}

/** The table as it would be, checked by the domain against the active departments (422 with every problem). */
async function checkTable(deps: ApiDeps, table: readonly RoutingRule[]): Promise<void> {
  const departments = await new DepartmentsRepository(deps.db.manager).listActiveDepartments();
  checkWithDomain(() => checkRoutingRules(table, departments));
}

function toDomain(rule: Pick<RoutingRuleRecord, 'category' | 'subType' | 'departmentCode'>): RoutingRule {
  return {
    category: rule.category as Category,
    ...(rule.subType ? { subType: rule.subType } : {}),
    department: rule.departmentCode,
  };
}

function found(rule: RoutingRuleRecord | null, id: number): RoutingRuleRecord {
  if (!rule) throw new NotFoundError(`There is no routing rule ${id}.`, 'ROUTING_RULE_NOT_FOUND');
  return rule;
}

function toView(rule: RoutingRuleRecord) {
  return {
    id: rule.id,
    category: rule.category,
    subType: rule.subType,
    departmentCode: rule.departmentCode,
    active: rule.active,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
  };
}
