import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Deadline, EscalationLevel } from '../../domain/vocabulary';

/** A missed deadline and the escalation it caused (001 试行办法 五); the base of delay penalties. */
@Entity({ name: 'deadline_breach' })
export class DeadlineBreachRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ type: 'text' }) deadline!: Deadline;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'breached_at', type: 'timestamptz' }) breachedAt!: Date;
  /** Who held the task when the deadline passed, if a person did; else the group it sat with. */
  @Column({ name: 'held_by_staff_id', type: 'text', nullable: true }) heldByStaffId!: string | null;
  @Column({ name: 'held_by_group', type: 'text', nullable: true }) heldByGroup!: string | null;
  @Column({ name: 'escalation_level', type: 'text' }) escalationLevel!: EscalationLevel;
  @Column({ name: 'idempotency_key', type: 'text', unique: true }) idempotencyKey!: string;
}
