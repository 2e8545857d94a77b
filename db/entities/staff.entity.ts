import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericToNumber } from './transformers';

export const STAFF_ROLES = [
  'agent',
  'team_manager',
  'department_staff',
  'department_head',
  'centre_director',
  'leadership',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A member of staff. `id` is the user id people sign in with (a task's assignee); the monthly
 * performance pay is the base of penalties (001 第十条). `demo` marks the staff the seeding created so
 * that a fresh system works; an administrator replaces them.
 */
@Entity({ name: 'staff' })
export class Staff {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text' }) role!: StaffRole;
  @Column({ name: 'department_code', type: 'text', nullable: true }) departmentCode!: string | null;
  @Column({ name: 'supervisor_id', type: 'text', nullable: true }) supervisorId!: string | null;
  @Column({
    name: 'monthly_performance_pay',
    type: 'numeric',
    precision: 12,
    scale: 2,
    default: 0,
    transformer: numericToNumber,
  })
  monthlyPerformancePay!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'boolean', default: false }) demo!: boolean;
  /** Staff tokens issued up to this time (to the second) are refused; set by revocation and deactivation. */
  @Column({ name: 'tokens_revoked_at', type: 'timestamptz', nullable: true }) tokensRevokedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** Membership of a candidate group (e.g. `complaint-centre-agents`, a department's group). */
@Entity({ name: 'staff_group' })
export class StaffGroup {
  @PrimaryColumn({ name: 'staff_id', type: 'text' }) staffId!: string;
  @PrimaryColumn({ name: 'group_id', type: 'text' }) groupId!: string;
}
