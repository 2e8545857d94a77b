import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Category (and optionally sub-type) → responsible department (DOMAIN §3.4; 000 三.3, 002 三.2). */
@Entity({ name: 'routing_rule' })
export class RoutingRuleRecord {
  @PrimaryGeneratedColumn('identity') id!: number;
  @Column({ type: 'text' }) category!: string;
  /** Null: the rule covers the whole category; a sub-type rule is more specific and wins. */
  @Column({ name: 'sub_type', type: 'text', nullable: true }) subType!: string | null;
  @Column({ name: 'department_code', type: 'text' }) departmentCode!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
