import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeadlineStart } from '../../domain/deadlines';
import type { Deadline } from '../../domain/vocabulary';

/** How long one deadline of the lifecycle runs (DOMAIN §3), and when its second escalation is due. */
@Entity({ name: 'deadline_setting' })
export class DeadlineSettingRecord {
  @PrimaryColumn({ type: 'text' }) deadline!: Deadline;
  /** ISO 8601 duration, e.g. `P1D` (one working day in business time). */
  @Column({ type: 'text' }) duration!: string;
  @Column({ type: 'text' }) basis!: 'business' | 'calendar';
  /** ISO 8601 duration after the due date when the centre director is due; null = no escalation. */
  @Column({ name: 'escalate_after', type: 'text', nullable: true }) escalateAfter!: string | null;
  @Column({ name: 'starts_from', type: 'text' }) startsFrom!: DeadlineStart;
  @Column({ name: 'description_zh', type: 'text', default: '' }) descriptionZh!: string;
  @Column({ name: 'description_en', type: 'text', default: '' }) descriptionEn!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
