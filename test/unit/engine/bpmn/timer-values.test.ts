import { cycleError, dateError, durationError } from '../../../../engine/bpmn/timer-values';

// Static timer values are checked on deployment, as Zeebe evaluates them then.
describe('timer values', () => {
  it.each(['PT15M', 'P2D', 'P1Y2M3DT4H5M6S', 'PT0.5S', 'P2W', '-PT1H'])(
    'accepts the duration %s',
    (value) => {
      expect(durationError(value)).toBeNull();
    },
  );

  it.each(['P', 'PT', '15M', 'P1H', 'five minutes', ''])('rejects the duration %j', (value) => {
    expect(durationError(value)).toMatch(/^Invalid timer duration/);
  });

  it.each([
    '2025-10-01T12:00:00Z',
    '2025-10-02T08:09:40+02:00',
    '2025-10-02T08:09+02:00',
    '2025-10-02T08:09:40.123+02:00[Europe/Berlin]',
  ])('accepts the date %s', (value) => {
    expect(dateError(value)).toBeNull();
  });

  it.each(['2025-10-01T12:00:00', '2025-10-01', 'tomorrow', '2025-13-01T12:00:00Z'])(
    'rejects the date %j',
    (value) => {
      expect(dateError(value)).toMatch(/^Invalid timer date/);
    },
  );

  it.each([
    'R/P1D',
    'R3/PT10M',
    'R5/2025-01-01T09:00:00Z/PT1H',
    '0 0 9 * * MON-FRI',
    '0 */15 * ? * *',
    '@daily',
  ])('accepts the cycle %s', (value) => {
    expect(cycleError(value)).toBeNull();
  });

  it.each(['R3', 'R3/tomorrow', 'Rx/PT1H', '0 9 * * *', 'every day'])('rejects the cycle %j', (value) => {
    expect(cycleError(value)).toMatch(/^Invalid timer cycle/);
  });
});
