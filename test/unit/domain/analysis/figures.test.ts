import {
  deadlineFigures,
  remedyFigures,
  satisfactionFigures,
  stepFigures,
} from '../../../../domain/analysis/figures';

const HOUR = 3_600_000;

test('deadlines come in lifecycle order with the share met to four decimals', () => {
  // given
  const tallies = [
    { deadline: 'follow_up', met: 1, breached: 0, escalations: 0 },
    { deadline: 'investigation', met: 2, breached: 1, escalations: 2 },
    { deadline: 'review', met: 3, breached: 1, escalations: 1 },
  ];
  // when
  const figures = deadlineFigures(tallies);
  // then
  expect(figures.map((f) => [f.deadline, f.shareMet])).toEqual([
    ['review', 0.75],
    ['investigation', 0.6667],
    ['follow_up', 1],
  ]);
});

test('step times are hours to two decimals', () => {
  // when
  const figures = stepFigures([
    { step: 'review', count: 4, medianBusinessMs: 1.5 * HOUR, averageBusinessMs: 1.875 * HOUR },
  ]);
  // then
  expect(figures).toEqual([
    { step: 'review', count: 4, medianBusinessHours: 1.5, averageBusinessHours: 1.88 },
  ]);
});

test('every satisfaction score has a row, those nobody gave with a count of 0 and no figures', () => {
  // given
  const measured = [
    {
      satisfaction: 5,
      count: 2,
      medianMs: 15 * HOUR,
      averageMs: 15 * HOUR,
      medianBusinessMs: 6 * HOUR,
      averageBusinessMs: 6 * HOUR,
    },
  ];
  // when
  const rows = satisfactionFigures(measured);
  // then
  expect(rows.map((r) => [r.satisfaction, r.count, r.medianHours, r.averageBusinessHours])).toEqual([
    [1, 0, null, null],
    [2, 0, null, null],
    [3, 0, null, null],
    [4, 0, null, null],
    [5, 2, 15, 6],
  ]);
});

test('a remedy nobody followed up has no share resolved', () => {
  // when
  const figures = remedyFigures([
    { remedy: 'exchange', complaints: 3, rated: 3, averageSatisfaction: 14 / 3, followedUp: 3, resolved: 2 },
    { remedy: 'apology', complaints: 1, rated: 0, averageSatisfaction: null, followedUp: 0, resolved: 0 },
  ]);
  // then
  expect(figures).toEqual([
    {
      remedy: 'exchange',
      complaints: 3,
      rated: 3,
      averageSatisfaction: 4.67,
      followedUp: 3,
      shareResolved: 0.6667,
    },
    {
      remedy: 'apology',
      complaints: 1,
      rated: 0,
      averageSatisfaction: null,
      followedUp: 0,
      shareResolved: null,
    },
  ]);
});
