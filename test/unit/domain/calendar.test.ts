import {
  addBusinessTime,
  addCalendarTime,
  businessTimeBetween,
  calendarCovers,
  describeDay,
  isWorkingDay,
  type WorkingCalendar,
} from '../../../domain/calendar';
import { DEFAULT_CALENDAR as cn2026 } from '../../../domain/defaults';

const HOUR = 3_600_000;

describe('isWorkingDay with the 2026 State Council schedule', () => {
  test.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, '元旦 make-up Sunday'],
    ['2026-02-14', true, '春节 make-up Saturday'],
    ['2026-02-16', false, '春节 (Monday)'],
    ['2026-02-23', false, '春节 last day (Monday)'],
    ['2026-02-28', true, '春节 make-up Saturday'],
    ['2026-04-06', false, '清明节 (Monday)'],
    ['2026-05-05', false, '劳动节 (Tuesday)'],
    ['2026-05-09', true, '劳动节 make-up Saturday'],
    ['2026-06-19', false, '端午节 (Friday)'],
    ['2026-09-20', true, '国庆节 make-up Sunday'],
    ['2026-09-25', false, '中秋节 (Friday)'],
    ['2026-10-01', false, '国庆节 (Thursday)'],
    ['2026-10-07', false, '国庆节 last day (Wednesday)'],
    ['2026-10-10', true, '国庆节 make-up Saturday'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-11-23', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    // when
    const result = isWorkingDay(cn2026, date);
    // then
    expect(result).toBe(working);
  });

  test('reads an instant in the calendar time zone', () => {
    // given 2026-09-30 17:00 UTC is 2026-10-01 01:00 in Shanghai
    const instant = '2026-09-30T17:00:00Z';
    // when
    const result = isWorkingDay(cn2026, instant);
    // then
    expect(result).toBe(false);
  });

  test('says which holiday a make-up day belongs to', () => {
    // when
    const day = describeDay(cn2026, '2026-10-10');
    // then
    expect(day).toEqual({
      working: true,
      reason: 'make_up_day',
      holiday: { zh: '国庆节', en: 'National Day' },
    });
  });
});

describe('addBusinessTime', () => {
  test('counts only working hours, skipping the lunch break', () => {
    // given Monday 11:00, one hour before lunch
    const start = '2026-11-23T11:00:00+08:00';
    // when
    const end = addBusinessTime(cn2026, start, 'PT2H');
    // then
    expect(end).toBe('2026-11-23T14:00:00+08:00');
  });

  test('counts a day as one working day: the same time on the next working day', () => {
    // when
    const end = addBusinessTime(cn2026, '2026-11-23T15:00:00+08:00', 'P1D');
    // then
    expect(end).toBe('2026-11-24T15:00:00+08:00');
  });

  test('ends at the close of the working day rather than the next morning', () => {
    // when
    const end = addBusinessTime(cn2026, '2026-11-23T09:00:00+08:00', 'PT8H');
    // then
    expect(end).toBe('2026-11-23T18:00:00+08:00');
  });

  test('starts counting at the next working moment when started after hours', () => {
    // given Friday evening
    const start = '2026-11-27T19:30:00+08:00';
    // when
    const end = addBusinessTime(cn2026, start, 'PT1H');
    // then
    expect(end).toBe('2026-11-30T10:00:00+08:00');
  });

  test('skips 国庆 and lands on its make-up Saturday', () => {
    // given Wednesday 30 September 10:00: 7 working hours left that day, then 1–7 October off
    const start = '2026-09-30T10:00:00+08:00';
    // when three working days (24 working hours) are added
    const end = addBusinessTime(cn2026, start, 'P3D');
    // then 30 Sep 7 h + 8 Oct 8 h + 9 Oct 8 h, the last hour on Saturday 10 October (调休上班)
    expect(end).toBe('2026-10-10T10:00:00+08:00');
  });

  test('works on the make-up Sunday before 中秋 and 国庆', () => {
    // given Friday 18 September 16:00
    const start = '2026-09-18T16:00:00+08:00';
    // when
    const end = addBusinessTime(cn2026, start, 'P1D');
    // then 2 h on Friday, then Sunday 20 September (调休上班) from 09:00
    expect(end).toBe('2026-09-20T16:00:00+08:00');
  });

  test('skips the whole Spring Festival', () => {
    // given Saturday 14 February (make-up day) 17:00
    const start = '2026-02-14T17:00:00+08:00';
    // when
    const end = addBusinessTime(cn2026, start, 'PT2H');
    // then 1 h on the 14th, then nothing until Tuesday 24 February
    expect(end).toBe('2026-02-24T10:00:00+08:00');
  });

  test('counts a week as the working days of a week', () => {
    // when
    const end = addBusinessTime(cn2026, '2026-11-23T10:00:00+08:00', 'P1W');
    // then
    expect(end).toBe('2026-11-30T10:00:00+08:00');
  });

  test('answers in the calendar zone whatever zone the start is written in', () => {
    // when
    const end = addBusinessTime(cn2026, '2026-11-23T02:00:00Z', 'PT1H');
    // then 02:00 UTC is 10:00 in Shanghai
    expect(end).toBe('2026-11-23T11:00:00+08:00');
  });

  test('refuses months, which working time cannot count', () => {
    // when
    const attempt = () => addBusinessTime(cn2026, '2026-11-23T10:00:00+08:00', 'P1M');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_DURATION' }));
  });

  test('refuses a text that is not a duration', () => {
    // when
    const attempt = () => addBusinessTime(cn2026, '2026-11-23T10:00:00+08:00', '24 hours');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_DURATION' }));
  });

  test('follows daylight saving time in a zone that has it', () => {
    // given a Berlin calendar; clocks go forward on Sunday 29 March 2026
    const berlin: WorkingCalendar = {
      ...cn2026,
      id: 'de',
      timeZone: 'Europe/Berlin',
      holidays: [],
      years: [],
    };
    // when
    const end = addBusinessTime(berlin, '2026-03-27T17:00:00+01:00', 'PT2H');
    // then one hour on Friday, one on Monday, now at +02:00
    expect(end).toBe('2026-03-30T10:00:00+02:00');
  });
});

describe('businessTimeBetween', () => {
  test('counts only working time across a holiday', () => {
    // when
    const ms = businessTimeBetween(cn2026, '2026-09-30T10:00:00+08:00', '2026-10-08T10:00:00+08:00');
    // then 7 h on 30 September and 1 h on 8 October
    expect(ms).toBe(8 * HOUR);
  });

  test('is negative when the second instant comes first', () => {
    // when
    const ms = businessTimeBetween(cn2026, '2026-11-23T12:00:00+08:00', '2026-11-23T10:00:00+08:00');
    // then
    expect(ms).toBe(-2 * HOUR);
  });

  test('measures back what addBusinessTime added', () => {
    // given
    const starts = ['2026-09-30T10:00:00+08:00', '2026-02-13T17:30:00+08:00', '2026-11-28T08:00:00+08:00'];
    // when
    const measured = starts.map((s) => businessTimeBetween(cn2026, s, addBusinessTime(cn2026, s, 'PT13H')));
    // then
    expect(measured).toEqual([13 * HOUR, 13 * HOUR, 13 * HOUR]);
  });
});

describe('the working calendar as data', () => {
  test('adds calendar time round the clock, holidays included', () => {
    // when
    const end = addCalendarTime(cn2026, '2026-09-30T16:00:00+08:00', 'P7D');
    // then
    expect(end).toBe('2026-10-07T16:00:00+08:00');
  });

  test('knows which years its holidays cover', () => {
    // when
    const covered = [
      calendarCovers(cn2026, '2026-12-31T10:00:00+08:00'),
      calendarCovers(cn2026, '2027-01-01'),
    ];
    // then
    expect(covered).toEqual([true, false]);
  });

  test('refuses a calendar with overlapping working hours, naming every problem', () => {
    // given
    const broken: WorkingCalendar = {
      ...cn2026,
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '25:00' },
      ],
    };
    // when
    const attempt = () => isWorkingDay(broken, '2026-11-23');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_CALENDAR' }));
    expect(attempt).toThrow(/"25:00" is not a time of day HH:mm; .*overlaps the one before/);
  });

  test('refuses a day that is both off and a make-up working day', () => {
    // given
    const broken: WorkingCalendar = {
      ...cn2026,
      holidays: [
        {
          name: { zh: '测试', en: 'Test' },
          from: '2026-11-23',
          to: '2026-11-24',
          makeUpWorkingDays: ['2026-11-24'],
        },
      ],
    };
    // when
    const attempt = () => isWorkingDay(broken, '2026-11-23');
    // then
    expect(attempt).toThrow(/2026-11-24 is both a day off and a make-up working day/);
  });
});
