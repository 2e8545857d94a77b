import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step of a complaint's history (the record table of 000 三.1 and the archive of 002 三.7): who
 * did it, when, and what was decided. `actor` is `staff:<id>`, `client:<id>`, `system` or
 * `worker:<job-type>`. A redelivered job records its event once: the idempotency key is unique.
 */
@Entity({ name: 'complaint_event' })
export class ComplaintEvent {
  /** bigint, as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) data!: Record<string, unknown>;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true }) idempotencyKey!:
    string | null;
}
