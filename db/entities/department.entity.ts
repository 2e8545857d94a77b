import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department that complaints are routed to (DOMAIN §3.4), with the candidate groups of its tasks. */
@Entity({ name: 'department' })
export class DepartmentRecord {
  /** Stable code, e.g. `quality`; the process variable `departmentId` carries it. */
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  /** Who investigates and proposes (`departmentGroup` in the process). */
  @Column({ name: 'candidate_group', type: 'text' }) candidateGroup!: string;
  @Column({ name: 'team_manager_group', type: 'text' }) teamManagerGroup!: string;
  @Column({ name: 'director_group', type: 'text' }) directorGroup!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
