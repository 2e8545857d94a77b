import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { type Staff, STAFF_ROLES } from '../../../db/entities/staff.entity';
import { DepartmentsRepository } from '../../../db/repositories/departments.repository';
import { StaffRepository } from '../../../db/repositories/staff.repository';
import { ConflictError, NotFoundError, UnprocessableError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { requireRole } from '../../plugins/authentication';
import { ADMINISTRATORS, closed, Nullable, READERS, TAGS, Text } from './support';

const StaffFields = {
  name: Text(),
  email: Nullable(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 })),
  /** The role in the organisation (who approves what), not an API role. */
  role: Type.Union(STAFF_ROLES.map((role) => Type.Literal(role))),
  departmentCode: Nullable(Type.String({ minLength: 1 })),
  supervisorId: Nullable(Type.String({ minLength: 1 })),
  /** The base of penalties (001 第十条), CNY. */
  monthlyPerformancePay: Type.Number({ minimum: 0, maximum: 10_000_000 }),
  /** Candidate groups of user tasks the person works (replaces the memberships when changed). */
  groups: Type.Array(Text(100), { maxItems: 50 }),
};

export const CreateStaffBody = closed({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$' }),
  name: StaffFields.name,
  email: Type.Optional(StaffFields.email),
  role: StaffFields.role,
  departmentCode: Type.Optional(StaffFields.departmentCode),
  supervisorId: Type.Optional(StaffFields.supervisorId),
  monthlyPerformancePay: StaffFields.monthlyPerformancePay,
  groups: Type.Optional(StaffFields.groups),
});
export type CreateStaffBody = Static<typeof CreateStaffBody>;

export const UpdateStaffBody = closed({
  name: Type.Optional(StaffFields.name),
  email: Type.Optional(StaffFields.email),
  role: Type.Optional(StaffFields.role),
  departmentCode: Type.Optional(StaffFields.departmentCode),
  supervisorId: Type.Optional(StaffFields.supervisorId),
  monthlyPerformancePay: Type.Optional(StaffFields.monthlyPerformancePay),
  groups: Type.Optional(StaffFields.groups),
  /** Deactivate rather than delete: penalties and tasks refer to the person. */
  active: Type.Optional(Type.Boolean()),
});
export type UpdateStaffBody = Static<typeof UpdateStaffBody>;

const StaffId = closed({ id: Type.String() });

/**
 * Staff with their groups, supervisor and monthly performance pay; deactivated, never deleted.
 * Deactivating someone, or revoking their tokens, makes every staff token issued to them so far 401.
 */
export async function staffRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = () => new StaffRepository(deps.db.manager);

  api.get('/admin/staff', { schema: { tags: TAGS }, preHandler: requireRole(...READERS) }, async () => {
    const all = await staff().listAllStaff();
    const groups = await staff().listGroupsOfStaff(all.map((s) => s.id));
    return { items: all.map((s) => toView(s, groups.get(s.id) ?? [])) };
  });

  api.get(
    '/admin/staff/:id',
    { schema: { tags: TAGS, params: StaffId }, preHandler: requireRole(...READERS) },
    async (request) => view(deps, found(await staff().findStaffById(request.params.id), request.params.id)),
  );

  api.post(
    '/admin/staff',
    { schema: { tags: TAGS, body: CreateStaffBody }, preHandler: requireRole(...ADMINISTRATORS) },
    async (request, reply) => {
      const body = request.body;
      const person = {
        ...body,
        email: body.email ?? null,
        departmentCode: body.departmentCode ?? null,
        supervisorId: body.supervisorId ?? null,
        groups: body.groups ?? [],
      };
      await checkReferences(deps, person.id, person);
      if (!(await staff().addStaff(person, deps.now()))) {
        throw new ConflictError(`A member of staff "${person.id}" exists already.`, 'STAFF_EXISTS');
      }
      return reply.code(201).send(await view(deps, found(await staff().findStaffById(person.id), person.id)));
    },
  );

  api.post(
    '/admin/staff/:id/token-revocation',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke every staff token issued to this person so far',
        params: StaffId,
      },
      preHandler: requireRole(...ADMINISTRATORS),
    },
    async (request) => {
      const { id } = request.params;
      return view(deps, found(await staff().revokeTokens(id, deps.now()), id));
    },
  );

  api.patch(
    '/admin/staff/:id',
    {
      schema: { tags: TAGS, params: StaffId, body: UpdateStaffBody },
      preHandler: requireRole(...ADMINISTRATORS),
    },
    async (request) => {
      const { id } = request.params;
      await checkReferences(deps, id, request.body);
      return view(deps, found(await staff().updateStaff(id, request.body, deps.now()), id));
    },
  );
}

/** The department and the supervisor named must exist; nobody supervises themselves. */
async function checkReferences(
  deps: ApiDeps,
  id: string,
  person: { departmentCode?: string | null; supervisorId?: string | null },
): Promise<void> {
  const { departmentCode, supervisorId } = person;
  if (
    departmentCode &&
    !(await new DepartmentsRepository(deps.db.manager).findDepartmentRecord(departmentCode))
  ) {
    throw new UnprocessableError(`There is no department "${departmentCode}".`, 'DEPARTMENT_UNKNOWN');
  }
  if (supervisorId === id)
    throw new UnprocessableError('Nobody supervises themselves.', 'SUPERVISOR_INVALID');
  if (supervisorId && !(await new StaffRepository(deps.db.manager).findStaffById(supervisorId))) {
    throw new UnprocessableError(
      `There is no member of staff "${supervisorId}" to supervise.`,
      'SUPERVISOR_UNKNOWN',
    );
  }
}

function found(person: Staff | null, id: string): Staff {
  if (!person) throw new NotFoundError(`There is no member of staff "${id}".`, 'STAFF_NOT_FOUND');
  return person;
}

async function view(deps: ApiDeps, person: Staff) {
  return toView(person, await new StaffRepository(deps.db.manager).listGroupsOf(person.id));
}

function toView(person: Staff, groups: string[]) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    departmentCode: person.departmentCode,
    supervisorId: person.supervisorId,
    monthlyPerformancePay: person.monthlyPerformancePay,
    groups,
    active: person.active,
    /** Tokens issued up to this time (to the second) are refused. */
    tokensRevokedAt: person.tokensRevokedAt,
    demo: person.demo,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}
