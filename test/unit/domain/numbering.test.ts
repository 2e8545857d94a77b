import { DateTime } from 'luxon';
import { DomainError } from '../../../domain/domain-error';
import { complaintNumber, parseComplaintNumber, yymmOf } from '../../../domain/numbering';

describe('complaintNumber', () => {
  test('is YYMM followed by the serial zero-padded to four digits', () => {
    // given
    const yymm = '2611';
    // when
    const number = complaintNumber(yymm, 7);
    // then
    expect(number).toBe('26110007');
  });

  test('grows wider than four digits when the serial needs it', () => {
    // when
    const number = complaintNumber('2611', 12345);
    // then
    expect(number).toBe('261112345');
  });

  test.each([
    ['2613', 1, 'INVALID_YYMM'],
    ['261', 1, 'INVALID_YYMM'],
    ['2611', 0, 'INVALID_SERIAL'],
    ['2611', 1.5, 'INVALID_SERIAL'],
  ])('refuses %s / %s with %s', (yymm, serial, code) => {
    // when
    const attempt = () => complaintNumber(yymm, serial);
    // then
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });
});

describe('yymmOf', () => {
  test('takes the month as seen in Asia/Shanghai by default', () => {
    // given 2026-10-31 17:30 UTC is 2026-11-01 01:30 in Shanghai
    const instant = '2026-10-31T17:30:00Z';
    // when
    const yymm = yymmOf(instant);
    // then
    expect(yymm).toBe('2611');
  });

  test('takes the month in the time zone it is given', () => {
    // when
    const yymm = yymmOf(new Date('2026-10-31T17:30:00Z'), 'UTC');
    // then
    expect(yymm).toBe('2610');
  });

  test('takes the month of a Date as seen in Asia/Shanghai by default', () => {
    // when: 2026-10-31 16:00 UTC is 2026-11-01 00:00 in Shanghai, one millisecond earlier still October
    const first = yymmOf(new Date('2026-10-31T16:00:00Z'));
    const last = yymmOf(new Date('2026-10-31T15:59:59.999Z'));
    // then
    expect([last, first]).toEqual(['2610', '2611']);
  });

  test('agrees with the calendar of each zone at every hour of two years', () => {
    // given every hour of 2026 and 2027, in zones east and west of UTC, one with summer time
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'];
    for (const zone of zones) {
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 3_600_000) {
        // when
        const yymm = yymmOf(new Date(at), zone);
        // then
        expect(yymm).toBe(DateTime.fromMillis(at, { zone }).toFormat('yyMM'));
      }
    }
  });

  test('reads a zone given as a fixed offset (UTC+8)', () => {
    // when
    const yymm = yymmOf(new Date('2026-10-31T16:30:00Z'), 'UTC+8');
    // then
    expect(yymm).toBe('2611');
  });

  test('refuses an invalid Date and an unknown zone', () => {
    // when
    const invalidDate = () => yymmOf(new Date('not a date'));
    const unknownZone = () => yymmOf(new Date('2026-11-01T00:00:00Z'), 'Mars/Olympus_Mons');
    // then
    expect(invalidDate).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
    expect(unknownZone).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });

  test('refuses a text that is not a date-time', () => {
    // when
    const attempt = () => yymmOf('yesterday');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });
});

describe('parseComplaintNumber', () => {
  test('reads the year, month and serial of a number', () => {
    // when
    const parts = parseComplaintNumber('26110007');
    // then
    expect(parts).toEqual({ yymm: '2611', year: 2026, month: 11, serial: 7 });
  });

  test('reads a serial wider than four digits', () => {
    // when
    const parts = parseComplaintNumber('261112345');
    // then
    expect(parts?.serial).toBe(12345);
  });

  test('gives back what complaintNumber wrote', () => {
    // given
    const numbers = [1, 9999, 10000, 123456].map((serial) => complaintNumber('2601', serial));
    // when
    const serials = numbers.map((n) => parseComplaintNumber(n)?.serial);
    // then
    expect(serials).toEqual([1, 9999, 10000, 123456]);
  });

  test.each([
    ['a month 13', '26130001'],
    ['a serial of zero', '26110000'],
    ['a serial under four digits', '2611007'],
    ['more padding than the canonical form', '2611012345'],
    ['letters', 'C-2611-0007'],
    ['nothing', ''],
  ])('is null for %s', (_what, text) => {
    // when
    const parts = parseComplaintNumber(text);
    // then
    expect(parts).toBeNull();
  });
});
