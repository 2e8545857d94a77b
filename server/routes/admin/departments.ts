import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { DepartmentRecord } from '../../../db/entities/department.entity';
import { DepartmentsRepository, toDepartment } from '../../../db/repositories/departments.repository';
import { RoutingRulesRepository } from '../../../db/repositories/routing-rules.repository';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { requireRole } from '../../plugins/authentication';
import { ADMINISTRATORS, closed, READERS, TAGS, Text } from './support';

const Group = Text(100);

export const CreateDepartmentBody = closed({
  code: Type.String({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 50 }),
  name: closed({ zh: Text(), en: Text() }),
  candidateGroup: Group,
  teamManagerGroup: Group,
  directorGroup: Group,
});
export type CreateDepartmentBody = Static<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = closed({
  name: Type.Optional(closed({ zh: Text(), en: Text() })),
  candidateGroup: Type.Optional(Group),
  teamManagerGroup: Type.Optional(Group),
  directorGroup: Type.Optional(Group),
  /** Deactivate rather than delete: complaints keep the department they were routed to. */
  active: Type.Optional(Type.Boolean()),
});
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBody>;

const DepartmentCode = closed({ code: Type.String() });

/** Departments complaints are routed to (DOMAIN §3.4): read by managers and process owners, changed by administrators. */
export async function departmentRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const departments = () => new DepartmentsRepository(deps.db.manager);

  api.get(
    '/admin/departments',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => ({
      items: (await departments().listAllDepartmentRecords()).map(toView),
    }),
  );

  api.get(
    '/admin/departments/:code',
    { schema: { tags: TAGS, params: DepartmentCode }, preHandler: requireRole(...READERS) },
    async (request) =>
      toView(found(await departments().findDepartmentRecord(request.params.code), request.params.code)),
  );

  api.post(
    '/admin/departments',
    { schema: { tags: TAGS, body: CreateDepartmentBody }, preHandler: requireRole(...ADMINISTRATORS) },
    async (request, reply) => {
      const { code, name, ...groups } = request.body;
      const repository = departments();
      const added = await repository.addDepartment(
        { code, nameZh: name.zh, nameEn: name.en, ...groups },
        deps.now(),
      );
      if (!added) throw new ConflictError(`A department "${code}" exists already.`, 'DEPARTMENT_EXISTS');
      return reply.code(201).send(toView(found(await repository.findDepartmentRecord(code), code)));
    },
  );

  api.patch(
    '/admin/departments/:code',
    {
      schema: { tags: TAGS, params: DepartmentCode, body: UpdateDepartmentBody },
      preHandler: requireRole(...ADMINISTRATORS),
    },
    async (request) => {
      const { name, ...rest } = request.body;
      const changes = { ...rest, ...(name ? { nameZh: name.zh, nameEn: name.en } : {}) };
      const { code } = request.params;
      if (rest.active === false) await refuseWhileRoutedTo(deps, code);
      return toView(found(await departments().updateDepartment(code, changes, deps.now()), code));
    },
  );
}

/** A department that routing rules still send complaints to stays active (change the rules first). */
async function refuseWhileRoutedTo(deps: ApiDeps, code: string): Promise<void> {
  const rules = await new RoutingRulesRepository(deps.db.manager).listRoutingRuleRecords();
  const routing = rules.filter((r) => r.active && r.departmentCode === code);
  if (routing.length > 0) {
    const ids = routing.map((r) => r.id).join(', ');
    throw new ConflictError(
      `Department "${code}" still receives complaints by routing rules ${ids}; change them first.`,
      'DEPARTMENT_IN_USE',
    );
  }
}

function found(record: DepartmentRecord | null, code: string): DepartmentRecord {
  if (!record) throw new NotFoundError(`There is no department "${code}".`, 'DEPARTMENT_NOT_FOUND');
  return record;
}

function toView(record: DepartmentRecord) {
  return { ...toDepartment(record), active: record.active, createdAt: record.createdAt };
}
