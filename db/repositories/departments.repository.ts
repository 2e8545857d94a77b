import type { EntityManager } from 'typeorm';
import type { Department } from '../../domain/routing';
import { DepartmentRecord } from '../entities/department.entity';

/** The departments complaints are routed to (DOMAIN §3.4), in the domain's shape. */
export class DepartmentsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findDepartmentByCode(code: string): Promise<Department | null> {
    const record = await this.manager.findOneBy(DepartmentRecord, { code });
    return record ? toDepartment(record) : null;
  }

  /** Departments that can be chosen, e.g. when the complaint centre routes by hand. */
  async listActiveDepartments(): Promise<Department[]> {
    const records = await this.manager.find(DepartmentRecord, {
      where: { active: true },
      order: { code: 'ASC' },
    });
    return records.map(toDepartment);
  }
}

function toDepartment(record: DepartmentRecord): Department {
  return {
    code: record.code,
    name: { zh: record.nameZh, en: record.nameEn },
    candidateGroup: record.candidateGroup,
    teamManagerGroup: record.teamManagerGroup,
    directorGroup: record.directorGroup,
  };
}
