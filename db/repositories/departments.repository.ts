import type { EntityManager } from 'typeorm';
import type { Department } from '../../domain/routing';
import { DepartmentRecord } from '../entities/department.entity';

/** A department as an administrator creates it (codes are stable: `^[a-z][a-z0-9_-]*$`). */
export interface NewDepartment {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly candidateGroup: string;
  readonly teamManagerGroup: string;
  readonly directorGroup: string;
}

/** What an administrator may change of a department (its code never changes). */
export type DepartmentChanges = Partial<Omit<NewDepartment, 'code'> & { readonly active: boolean }>;

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

  /** Every department, inactive ones too, as stored (the administration list). */
  async listAllDepartmentRecords(): Promise<DepartmentRecord[]> {
    return this.manager.find(DepartmentRecord, { order: { code: 'ASC' } });
  }

  async findDepartmentRecord(code: string): Promise<DepartmentRecord | null> {
    return this.manager.findOneBy(DepartmentRecord, { code });
  }

  /** Adds a department; false when the code is taken (nothing is changed then). */
  async addDepartment(department: NewDepartment, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO department (code, name_zh, name_en, candidate_group, team_manager_group, director_group,
                               created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        department.code,
        department.nameZh,
        department.nameEn,
        department.candidateGroup,
        department.teamManagerGroup,
        department.directorGroup,
        at,
      ],
    );
    return rows.length > 0;
  }

  /** Changes a department (deactivating keeps it for the complaints routed to it); null when unknown. */
  async updateDepartment(
    code: string,
    changes: DepartmentChanges,
    at: Date,
  ): Promise<DepartmentRecord | null> {
    const result = await this.manager.update(DepartmentRecord, { code }, { ...changes, updatedAt: at });
    return result.affected ? this.findDepartmentRecord(code) : null;
  }
}

export function toDepartment(record: DepartmentRecord): Department {
  return {
    code: record.code,
    name: { zh: record.nameZh, en: record.nameEn },
    candidateGroup: record.candidateGroup,
    teamManagerGroup: record.teamManagerGroup,
    directorGroup: record.directorGroup,
  };
}
