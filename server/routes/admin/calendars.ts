import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { CalendarsRepository } from '../../../db/repositories/calendars.repository';
import { compileCalendar, type HolidayPeriod } from '../../../domain/calendar/working-calendar';
import { ValidationError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { requireRole } from '../../plugins/authentication';
import { checkWithDomain, closed, IsoDate, PROCESS_EDITORS, READERS, TAGS, Text } from './support';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const Holiday = closed({
  name: closed({ zh: Text(), en: Text() }),
  /** First and last day off, inclusive. */
  from: IsoDate,
  to: IsoDate,
  /** Make-up working days (调休上班) that come with the holiday, usually weekend days. */
  makeUpWorkingDays: Type.Array(IsoDate, { maxItems: 10 }),
});

export const ReplaceHolidaysBody = closed({ holidays: Type.Array(Holiday, { maxItems: 50 }) });
export type ReplaceHolidaysBody = Static<typeof ReplaceHolidaysBody>;

const CalendarCode = closed({ code: Type.String() });
const CalendarYear = closed({ code: Type.String(), year: Year });
const YearQuery = closed({ year: Type.Optional(Year) });

/**
 * Working calendars and their public holidays with make-up working days, per year (the State
 * Council publishes them once a year). A year's list is replaced as a whole and checked with the
 * domain's `compileCalendar` (overlaps, a day both off and a make-up day, malformed dates).
 */
export async function calendarRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const calendars = () => new CalendarsRepository(deps.db.manager);

  api.get('/admin/calendars', { schema: { tags: TAGS }, preHandler: requireRole(...READERS) }, async () => ({
    items: (await calendars().listCalendarRecords()).map((c) => ({
      code: c.code,
      name: { zh: c.nameZh, en: c.nameEn },
      timeZone: c.timeZone,
      workingHours: c.workingHours,
      weekendDays: c.weekendDays,
      years: c.years,
      isDefault: c.isDefault,
      updatedAt: c.updatedAt,
    })),
  }));

  api.get(
    '/admin/calendars/:code/holidays',
    {
      schema: { tags: TAGS, params: CalendarCode, querystring: YearQuery },
      preHandler: requireRole(...READERS),
    },
    async (request) => {
      const calendar = await calendars().loadCalendar(request.params.code); // 404 NO_CALENDAR
      const { year } = request.query;
      const holidays = year ? calendar.holidays.filter((h) => yearOf(h) === year) : calendar.holidays;
      return { code: calendar.id, years: calendar.years, holidays };
    },
  );

  api.put(
    '/admin/calendars/:code/holidays/:year',
    {
      schema: { tags: TAGS, params: CalendarYear, body: ReplaceHolidaysBody },
      preHandler: requireRole(...PROCESS_EDITORS),
    },
    async (request) => {
      const { code, year } = request.params;
      const { holidays } = request.body;
      const outside = holidays.flatMap((h, i) =>
        yearOf(h) === year ? [] : [{ field: `body.holidays.${i}.from`, problem: `is not in ${year}` }],
      );
      if (outside.length > 0) throw new ValidationError(outside);
      const calendar = await calendars().loadCalendar(code); // 404 NO_CALENDAR
      const kept = calendar.holidays.filter((h) => yearOf(h) !== year);
      checkWithDomain(() =>
        compileCalendar({ ...calendar, holidays: [...kept, ...holidays], years: [...calendar.years, year] }),
      );
      await calendars().replaceHolidaysOfYear(code, year, holidays, deps.now());
      const saved = await calendars().loadCalendar(code);
      return { code, years: saved.years, holidays: saved.holidays.filter((h) => yearOf(h) === year) };
    },
  );
}

function yearOf(holiday: Pick<HolidayPeriod, 'from'>): number {
  return Number(holiday.from.slice(0, 4));
}
