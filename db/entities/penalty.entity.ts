import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber } from './transformers';

/** One penalty booked against a member of staff for one complaint (000 三.7; 001 第十条). */
@Entity({ name: 'penalty' })
export class Penalty {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ name: 'staff_id', type: 'text' }) staffId!: string;
  @Column({ type: 'text' }) kind!: 'responsibility' | 'delay';
  /** Share of the month's performance pay, e.g. 0.1. */
  @Column({ type: 'numeric', precision: 6, scale: 4, transformer: numericToNumber }) share!: number;
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericToNumber }) amount!: number;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  @Column({ name: 'policy_version', type: 'integer' }) policyVersion!: number;
  /** How it was computed (bracket, share, base), in the words the domain gives (zh and en). */
  @Column({ type: 'jsonb' }) explanation!: Record<string, unknown>;
  @Column({ name: 'idempotency_key', type: 'text', unique: true }) idempotencyKey!: string;
  @Column({ name: 'booked_at', type: 'timestamptz' }) bookedAt!: Date;
}
