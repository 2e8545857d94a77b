import { type EntityManager, In } from 'typeorm';
import { Staff, type StaffRole } from '../entities/staff.entity';

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
}
