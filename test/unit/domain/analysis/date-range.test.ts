import { analysisRange } from '../../../../domain/analysis/date-range';

// 2026-11-22 01:30 in Shanghai is still 21 November in UTC
const now = new Date('2026-11-21T17:30:00Z');

test('without dates the range is the 30 days ending today in Shanghai, today included', () => {
  // when
  const result = analysisRange({}, now);
  // then
  expect(result).toEqual({
    ok: true,
    range: {
      from: '2026-10-24',
      to: '2026-11-22',
      start: new Date('2026-10-23T16:00:00Z'),
      end: new Date('2026-11-22T16:00:00Z'),
    },
  });
});

test('the days asked are Shanghai days, `to` included', () => {
  // when
  const result = analysisRange({ from: '2026-03-01', to: '2026-03-31' }, now);
  // then
  expect(result.ok && [result.range.start, result.range.end]).toEqual([
    new Date('2026-02-28T16:00:00Z'),
    new Date('2026-03-31T16:00:00Z'),
  ]);
});

test('`from` alone runs to today', () => {
  // when
  const result = analysisRange({ from: '2026-11-01' }, now);
  // then
  expect(result.ok && [result.range.from, result.range.to]).toEqual(['2026-11-01', '2026-11-22']);
});

test('one day is a range: `from` equal to `to`', () => {
  // when
  const result = analysisRange({ from: '2026-05-04', to: '2026-05-04' }, now);
  // then
  expect(result.ok && result.range.end.getTime() - result.range.start.getTime()).toBe(24 * 3600 * 1000);
});

test.each([
  [{ from: '2026-05-05', to: '2026-05-04' }, 'to', 'must not be before from (2026-05-05)'],
  [
    { from: '2025-01-01', to: '2026-01-02' },
    'to',
    'must make a range of at most 366 days, from and to included',
  ],
  [{ from: '2026-02-30' }, 'from', 'must be a date YYYY-MM-DD'],
  [{ to: '20260501' }, 'to', 'must be a date YYYY-MM-DD'],
])('%j is refused, naming the field', (asked, field, problem) => {
  // when
  const result = analysisRange(asked, now);
  // then
  expect(result).toEqual({ ok: false, problems: [{ field, problem }] });
});

test('a leap year is not too long: 366 days, both ends included', () => {
  // when
  const result = analysisRange({ from: '2028-01-01', to: '2028-12-31' }, now);
  // then
  expect(result.ok).toBe(true);
});
