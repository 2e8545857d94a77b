import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '../../domain/vocabulary';

/**
 * An administrator's version of a notification template, overriding the built-in default
 * (notifications/templates/<key>.json). Versions are kept: the highest one is in force.
 */
@Entity({ name: 'notification_template' })
export class NotificationTemplate {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @PrimaryColumn({ type: 'text' }) language!: Language;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  /** Who saved this version (`staff:<id>`). */
  @Column({ name: 'edited_by', type: 'text' }) editedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
