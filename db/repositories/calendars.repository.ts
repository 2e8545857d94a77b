import type { EntityManager } from 'typeorm';
import type { HolidayPeriod, WorkingCalendar } from '../../domain/calendar/working-calendar';
import { NotFoundError } from '../../lib/errors';
import { CalendarHoliday, CalendarRecord } from '../entities/calendar.entity';
import { sameInstance } from './same-instance';

/** Working calendars with their holidays and make-up working days, in the domain's shape. */
export class CalendarsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The calendar deadlines are counted in; fails with NO_CALENDAR when none is marked default. */
  async loadDefaultCalendar(): Promise<WorkingCalendar> {
    const record = await this.manager.findOneBy(CalendarRecord, { isDefault: true });
    if (!record) throw noCalendar('No working calendar is marked as the default: seed the reference data');
    return this.withHolidays(record);
  }

  async loadCalendar(code: string): Promise<WorkingCalendar> {
    const record = await this.manager.findOneBy(CalendarRecord, { code });
    if (!record) throw noCalendar(`No working calendar has the code "${code}"`);
    return this.withHolidays(record);
  }

  /** Every calendar (without holidays), by code. */
  async listCalendarRecords(): Promise<CalendarRecord[]> {
    return this.manager.find(CalendarRecord, { order: { code: 'ASC' } });
  }

  /**
   * Replaces the holidays (and their make-up working days) of one year: those starting in `year` go,
   * `holidays` come; the calendar then lists the year. The caller checks the result with the domain.
   */
  async replaceHolidaysOfYear(
    code: string,
    year: number,
    holidays: readonly HolidayPeriod[],
    at: Date,
  ): Promise<void> {
    await this.manager.transaction(async (m) => {
      await m.query(
        `DELETE FROM calendar_holiday WHERE calendar_code = $1 AND extract(year FROM from_day) = $2`,
        [code, year],
      );
      for (const h of holidays) {
        await m.query(
          `INSERT INTO calendar_holiday (calendar_code, from_day, to_day, name_zh, name_en, make_up_days)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [code, h.from, h.to, h.name.zh, h.name.en, [...h.makeUpWorkingDays]],
        );
      }
      await m.query(
        `UPDATE calendar SET updated_at = $3,
           years = ARRAY(SELECT DISTINCT y FROM unnest(array_append(years, $2::smallint)) y ORDER BY y)
         WHERE code = $1`,
        [code, year, at],
      );
    });
  }

  private async withHolidays(record: CalendarRecord): Promise<WorkingCalendar> {
    const holidays = await this.manager.find(CalendarHoliday, {
      where: { calendarCode: record.code },
      order: { fromDay: 'ASC' },
    });
    return sameInstance('calendar', {
      id: record.code,
      name: { zh: record.nameZh, en: record.nameEn },
      timeZone: record.timeZone,
      workingHours: record.workingHours,
      weekend: record.weekendDays,
      years: record.years,
      holidays: holidays.map((h) => ({
        name: { zh: h.nameZh, en: h.nameEn },
        from: h.fromDay,
        to: h.toDay,
        makeUpWorkingDays: h.makeUpDays,
      })),
      ...(record.source ? { source: record.source as unknown as WorkingCalendar['source'] } : {}),
    } satisfies WorkingCalendar);
  }
}

function noCalendar(message: string): NotFoundError {
  return new NotFoundError(message, 'NO_CALENDAR');
}
