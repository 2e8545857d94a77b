import {
  DEFAULT_CALENDAR as calendar,
  DEFAULT_DEADLINE_SETTINGS as settings,
} from '../../../domain/defaults';
import {
  checkDeadlineSettings,
  computeDeadline,
  type DeadlineSettings,
  deadlineVariableStem,
} from '../../../domain/deadlines';

describe('computeDeadline with the default settings', () => {
  test('review: 24 h is one working day, the director one working day after the breach', () => {
    // given received Monday 15:00
    const receivedAt = '2026-11-23T15:00:00+08:00';
    // when
    const deadline = computeDeadline(settings, calendar, 'review', receivedAt);
    // then
    expect(deadline).toEqual({ dueAt: '2026-11-24T15:00:00+08:00', escalateAt: '2026-11-25T15:00:00+08:00' });
  });

  test('review: a complaint received at the weekend is due at the end of Monday', () => {
    // when
    const deadline = computeDeadline(settings, calendar, 'review', '2026-11-28T22:10:00+08:00');
    // then
    expect(deadline.dueAt).toBe('2026-11-30T18:00:00+08:00');
  });

  test('preliminary reply: 48 h (two working days) across 国庆, escalating on the make-up Saturday', () => {
    // given received Wednesday 30 September 10:00, the eve of the National Day holiday
    const receivedAt = '2026-09-30T10:00:00+08:00';
    // when
    const deadline = computeDeadline(settings, calendar, 'preliminary_reply', receivedAt);
    // then
    expect(deadline).toEqual({ dueAt: '2026-10-09T10:00:00+08:00', escalateAt: '2026-10-10T10:00:00+08:00' });
  });

  test('appeal window: 7 calendar days, holidays included, with no escalation', () => {
    // when
    const deadline = computeDeadline(settings, calendar, 'appeal_window', '2026-09-30T16:00:00+08:00');
    // then
    expect(deadline).toEqual({ dueAt: '2026-10-07T16:00:00+08:00', escalateAt: null });
  });

  test('follow-up: one week is five working days after the resolution was carried out', () => {
    // when
    const deadline = computeDeadline(settings, calendar, 'follow_up', '2026-11-23T10:00:00+08:00');
    // then
    expect(deadline).toEqual({ dueAt: '2026-11-30T10:00:00+08:00', escalateAt: '2026-12-02T10:00:00+08:00' });
  });

  test('takes a Date as well as an ISO text', () => {
    // when
    const deadline = computeDeadline(settings, calendar, 'investigation', new Date('2026-11-23T07:00:00Z'));
    // then 07:00 UTC is 15:00 in Shanghai
    expect(deadline.dueAt).toBe('2026-11-24T15:00:00+08:00');
  });
});

describe('deadline settings are data', () => {
  test('a calendar basis counts round the clock', () => {
    // given an administrator sets the review to 24 calendar hours
    const roundTheClock: DeadlineSettings = {
      ...settings,
      review: { ...settings.review, duration: 'PT24H', basis: 'calendar', escalateAfter: 'PT12H' },
    };
    // when
    const deadline = computeDeadline(roundTheClock, calendar, 'review', '2026-09-30T10:00:00+08:00');
    // then
    expect(deadline).toEqual({ dueAt: '2026-10-01T10:00:00+08:00', escalateAt: '2026-10-01T22:00:00+08:00' });
  });

  test('24 working hours, when set so, is three working days', () => {
    // given
    const strictHours: DeadlineSettings = { ...settings, review: { ...settings.review, duration: 'PT24H' } };
    // when
    const deadline = computeDeadline(strictHours, calendar, 'review', '2026-11-23T15:00:00+08:00');
    // then
    expect(deadline.dueAt).toBe('2026-11-26T15:00:00+08:00');
  });

  test('the default settings pass their check', () => {
    // when
    const check = () => checkDeadlineSettings(settings);
    // then
    expect(check).not.toThrow();
  });

  test('the check names every bad setting', () => {
    // given
    const bad = {
      ...settings,
      review: { ...settings.review, duration: 'one day' },
      result: { ...settings.result, escalateAfter: 'P1M' },
    } as DeadlineSettings;
    // when
    const check = () => checkDeadlineSettings(bad);
    // then
    expect(check).toThrow(expect.objectContaining({ code: 'INVALID_DEADLINE_SETTINGS' }));
    expect(check).toThrow(
      /review.duration: "one day" is not an ISO 8601 duration; result.escalateAfter: "P1M" uses months/,
    );
  });

  test('an unknown deadline is refused', () => {
    // when
    const attempt = () =>
      computeDeadline(settings, calendar, 'lunch' as 'review', '2026-11-23T10:00:00+08:00');
    // then
    expect(attempt).toThrow(expect.objectContaining({ code: 'UNKNOWN_DEADLINE' }));
  });

  test('names the process variables of a deadline', () => {
    // when
    const stems = ['review', 'preliminary_reply', 'follow_up'].map((d) =>
      deadlineVariableStem(d as 'review'),
    );
    // then
    expect(stems).toEqual(['review', 'preliminaryReply', 'followUp']);
  });
});
