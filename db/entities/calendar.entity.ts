import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A working calendar (the domain's `WorkingCalendar`): time zone, working hours, weekend days. */
@Entity({ name: 'calendar' })
export class CalendarRecord {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  /** IANA zone, e.g. `Asia/Shanghai`. */
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  /** `[{ start: '09:00', end: '12:00' }, ...]`, the same on every working day. */
  @Column({ name: 'working_hours', type: 'jsonb' }) workingHours!: { start: string; end: string }[];
  /** ISO weekdays off, 1 = Monday … 7 = Sunday. */
  @Column({ name: 'weekend_days', type: 'smallint', array: true, default: () => "'{6,7}'" })
  weekendDays!: number[];
  /** Years whose holidays the calendar lists. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" }) years!: number[];
  /** Where the holidays come from (the State Council notice). */
  @Column({ type: 'jsonb', nullable: true }) source!: Record<string, unknown> | null;
  @Column({ name: 'is_default', type: 'boolean', default: false }) isDefault!: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A public holiday (days off `fromDay`–`toDay`, inclusive) and its make-up working days (调休上班). */
@Entity({ name: 'calendar_holiday' })
export class CalendarHoliday {
  @PrimaryColumn({ name: 'calendar_code', type: 'text' }) calendarCode!: string;
  /** ISO date `YYYY-MM-DD`, local to the calendar. */
  @PrimaryColumn({ name: 'from_day', type: 'date' }) fromDay!: string;
  @Column({ name: 'to_day', type: 'date' }) toDay!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  /** ISO dates `YYYY-MM-DD` (text, so that they read back as written in any time zone). */
  @Column({ name: 'make_up_days', type: 'text', array: true, default: () => "'{}'" }) makeUpDays!: string[];
}
