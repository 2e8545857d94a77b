import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The result of a follow-up visit (002 三.6; 004 四): resolved or not, and how satisfied (1–5). */
@Entity({ name: 'satisfaction' })
export class Satisfaction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ type: 'boolean' }) resolved!: boolean;
  @Column({ type: 'smallint', nullable: true }) score!: number | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'visited_at', type: 'timestamptz' }) visitedAt!: Date;
  @Column({ name: 'visited_by', type: 'text' }) visitedBy!: string;
  @Column({ name: 'idempotency_key', type: 'text', unique: true }) idempotencyKey!: string;
}
