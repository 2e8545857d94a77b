import { type EntityManager, In } from 'typeorm';
import { Staff, type StaffRole } from '../entities/staff.entity';
import { preparedQuery } from '../prepared-query';

/** A member of staff as an administrator adds them, with their candidate groups. */
export interface NewStaff {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: StaffRole;
  readonly departmentCode: string | null;
  readonly supervisorId: string | null;
  readonly monthlyPerformancePay: number;
  readonly groups: readonly string[];
}

/** What an administrator may change of a member of staff; `groups` replaces the memberships. */
export type StaffChanges = Partial<Omit<NewStaff, 'id'> & { readonly active: boolean }>;

/** Whether a member of staff's tokens are taken: they must be active, the token issued after any revocation. */
export interface TokenStanding {
  readonly active: boolean;
  readonly tokensRevokedAt: Date | null;
}

const TOKEN_STANDING = `SELECT active, tokens_revoked_at AS "tokensRevokedAt" FROM staff WHERE id = $1`;

/** Staff, their candidate groups and supervisors (who is penalised with whom, 001 第十条). */
export class StaffRepository {
  constructor(private readonly manager: EntityManager) {}

  async findStaffById(staffId: string): Promise<Staff | null> {
    return this.manager.findOneBy(Staff, { id: staffId });
  }

  /** The staff of these ids that exist, in the order of the ids. */
  async findStaffByIds(staffIds: readonly string[]): Promise<Staff[]> {
    if (staffIds.length === 0) return [];
    const found = await this.manager.findBy(Staff, { id: In([...staffIds]) });
    const byId = new Map(found.map((s) => [s.id, s]));
    return staffIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Active members of a candidate group (e.g. to notify them), by name. */
  async findActiveStaffInGroup(groupId: string): Promise<Staff[]> {
    return this.manager
      .createQueryBuilder(Staff, 's')
      .innerJoin('staff_group', 'g', 'g.staff_id = s.id')
      .where('g.group_id = :groupId AND s.active', { groupId })
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** The candidate groups a member of staff belongs to. */
  async listGroupsOf(staffId: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.manager.query(
      `SELECT group_id FROM staff_group WHERE staff_id = $1 ORDER BY group_id`,
      [staffId],
    );
    return rows.map((row) => row.group_id);
  }

  /** The direct supervisor, or null at the top (or for someone unknown). */
  async findSupervisorOf(staffId: string): Promise<Staff | null> {
    return this.manager
      .createQueryBuilder(Staff, 'supervisor')
      .innerJoin(Staff, 's', 's.supervisor_id = supervisor.id')
      .where('s.id = :staffId', { staffId })
      .getOne();
  }

  /** Active staff of a role, in a department or (departmentCode null) outside any department. */
  async findActiveStaffByRole(role: StaffRole, departmentCode: string | null): Promise<Staff[]> {
    const query = this.manager
      .createQueryBuilder(Staff, 's')
      .where('s.role = :role AND s.active', { role })
      .orderBy('s.id', 'ASC');
    if (departmentCode === null) query.andWhere('s.department_code IS NULL');
    else query.andWhere('s.department_code = :departmentCode', { departmentCode });
    return query.getMany();
  }

  /** Every member of staff, inactive ones too, by id (the administration list). */
  async listAllStaff(): Promise<Staff[]> {
    return this.manager.find(Staff, { order: { id: 'ASC' } });
  }

  /** The candidate groups of each of these members of staff (none: an empty list). */
  async listGroupsOfStaff(staffIds: readonly string[]): Promise<Map<string, string[]>> {
    const groups = new Map(staffIds.map((id) => [id, [] as string[]]));
    if (staffIds.length === 0) return groups;
    const rows: { staff_id: string; group_id: string }[] = await this.manager.query(
      `SELECT staff_id, group_id FROM staff_group WHERE staff_id = ANY ($1) ORDER BY staff_id, group_id`,
      [[...staffIds]],
    );
    for (const row of rows) groups.get(row.staff_id)?.push(row.group_id);
    return groups;
  }

  /** Adds a member of staff with their groups; false when the id is taken (nothing is changed then). */
  async addStaff(staff: NewStaff, at: Date): Promise<boolean> {
    return this.manager.transaction(async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO staff (id, name, email, role, department_code, supervisor_id, monthly_performance_pay,
                            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          staff.id,
          staff.name,
          staff.email,
          staff.role,
          staff.departmentCode,
          staff.supervisorId,
          staff.monthlyPerformancePay,
          at,
        ],
      );
      if (rows.length === 0) return false;
      await replaceGroups(m, staff.id, staff.groups);
      return true;
    });
  }

  /** Whether their tokens are taken; null for an unknown id. Every request with a staff token asks this. */
  async findTokenStanding(staffId: string): Promise<TokenStanding | null> {
    const rows = await preparedQuery<TokenStanding>(this.manager, TOKEN_STANDING, [staffId]);
    return rows[0] ?? null;
  }

  /** Refuses every token of a member of staff issued up to `at`; null when unknown. */
  async revokeTokens(staffId: string, at: Date): Promise<Staff | null> {
    const result = await this.manager.update(Staff, { id: staffId }, { tokensRevokedAt: at, updatedAt: at });
    return result.affected ? this.findStaffById(staffId) : null;
  }

  /**
   * Changes a member of staff (deactivate rather than delete: penalties refer to them); null when
   * unknown. Deactivating revokes their tokens, so that reactivating them later does not revive those.
   */
  async updateStaff(staffId: string, changes: StaffChanges, at: Date): Promise<Staff | null> {
    const { groups, ...columns } = changes;
    const revoked = changes.active === false ? { tokensRevokedAt: at } : {};
    return this.manager.transaction(async (m) => {
      const result = await m.update(Staff, { id: staffId }, { ...columns, ...revoked, updatedAt: at });
      if (!result.affected) return null;
      if (groups) await replaceGroups(m, staffId, groups);
      return m.findOneBy(Staff, { id: staffId });
    });
  }
}

async function replaceGroups(m: EntityManager, staffId: string, groups: readonly string[]): Promise<void> {
  await m.query(`DELETE FROM staff_group WHERE staff_id = $1`, [staffId]);
  for (const group of new Set(groups)) {
    await m.query(`INSERT INTO staff_group (staff_id, group_id) VALUES ($1, $2)`, [staffId, group]);
  }
}
