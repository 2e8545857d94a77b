import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { NotFoundError } from '../../lib/errors';
import { CalendarHoliday, CalendarRecord } from '../entities/calendar.entity';

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

  private async withHolidays(record: CalendarRecord): Promise<WorkingCalendar> {
    const holidays = await this.manager.find(CalendarHoliday, {
      where: { calendarCode: record.code },
      order: { fromDay: 'ASC' },
    });
    return {
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
    };
  }
}

function noCalendar(message: string): NotFoundError {
  return new NotFoundError(message, 'NO_CALENDAR');
}
