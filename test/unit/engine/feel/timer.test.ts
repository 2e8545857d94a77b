import { expressionOf } from '../../../../engine/feel/expression';
import { evaluateTimer, nextCycleDueDate } from '../../../../engine/feel/timer';

const at = (iso: string) => Date.parse(iso);
const feel = (text: string) => expressionOf(`=${text}`);
const literal = (text: string) => expressionOf(text);

/** Friday 1 May 2026, 10:00 UTC. */
const now = at('2026-05-01T10:00:00Z');

describe('evaluateTimer: timeDuration', () => {
  it.each([
    ['PT10S', '2026-05-01T10:00:10Z'],
    ['P1D', '2026-05-02T10:00:00Z'],
    ['P2W', '2026-05-15T10:00:00Z'],
    ['P1Y2M3DT4H', '2027-07-04T14:00:00Z'],
    ['PT1.5S', '2026-05-01T10:00:01.500Z'],
  ])('fires %s after now', (duration, expected) => {
    // given a static duration
    // when
    const result = evaluateTimer('duration', literal(duration), {}, now);
    // then
    expect(result).toEqual({ ok: true, value: { dueAt: at(expected), repetitions: 0 } });
  });

  it('adds months as calendar months in UTC, keeping to the end of the month', () => {
    // given 31 January
    const endOfJanuary = at('2026-01-31T10:00:00Z');
    // when
    const result = evaluateTimer('duration', literal('P1M'), {}, endOfJanuary);
    // then
    expect(result.ok && result.value.dueAt).toBe(at('2026-02-28T10:00:00Z'));
  });

  it('fires at once for a zero or negative duration', () => {
    // given / when
    const zero = evaluateTimer('duration', literal('PT0S'), {}, now);
    const negative = evaluateTimer('duration', literal('-PT5M'), {}, now);
    // then
    expect(zero.ok && zero.value.dueAt).toBe(now);
    expect(negative.ok && negative.value.dueAt).toBeLessThanOrEqual(now);
  });

  it('reads a FEEL duration, a FEEL years-and-months duration and a variable holding a string', () => {
    // given
    const ctx = { reminder: 'PT30M', hours: 2 };
    // when
    const fromDuration = evaluateTimer('duration', feel('duration("PT" + string(hours) + "H")'), ctx, now);
    const fromPeriod = evaluateTimer('duration', feel('duration("P1M")'), ctx, now);
    const fromString = evaluateTimer('duration', feel('reminder'), ctx, now);
    // then
    expect(fromDuration.ok && fromDuration.value.dueAt).toBe(at('2026-05-01T12:00:00Z'));
    expect(fromPeriod.ok && fromPeriod.value.dueAt).toBe(at('2026-06-01T10:00:00Z'));
    expect(fromString.ok && fromString.value.dueAt).toBe(at('2026-05-01T10:30:00Z'));
  });

  it('fails on a text that is not a duration, naming it and what was expected', () => {
    // given / when
    const result = evaluateTimer('duration', literal('三天'), {}, now);
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Invalid duration format '三天' for expression '三天'; expected an ISO 8601 duration like 'PT10S', 'P1D' or 'P1Y2M3DT4H'.",
    });
  });

  it('fails on a missing variable with the warning', () => {
    // given / when
    const result = evaluateTimer('duration', feel('reminder'), {}, now);
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'reminder' to be one of '[DURATION, PERIOD, STRING]', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] Variable 'reminder' not found",
    });
  });
});

describe('evaluateTimer: timeDate', () => {
  it.each([
    ['2026-05-02T09:00:00+08:00', '2026-05-02T01:00:00Z'],
    ['2026-05-02T01:00:00Z', '2026-05-02T01:00:00Z'],
    ['2026-05-02T09:00:00[Asia/Shanghai]', '2026-05-02T01:00:00Z'],
    ['2026-05-02T09:00:00+08:00[Asia/Shanghai]', '2026-05-02T01:00:00Z'],
  ])('fires at %s', (date, expected) => {
    // given a static date
    // when
    const result = evaluateTimer('date', literal(date), {}, now);
    // then
    expect(result).toEqual({ ok: true, value: { dueAt: at(expected), repetitions: 0 } });
  });

  it('fires at once for a date in the past', () => {
    // given / when
    const result = evaluateTimer('date', literal('2020-01-01T00:00:00Z'), {}, now);
    // then
    expect(result.ok && result.value.dueAt).toBeLessThanOrEqual(now);
  });

  it('reads a FEEL date-time and a variable holding an ISO string', () => {
    // given
    const ctx = { receivedAt: '2026-05-01T09:00:00+08:00' };
    // when
    const computed = evaluateTimer('date', feel('date and time(receivedAt) + duration("P2D")'), ctx, now);
    const passedOn = evaluateTimer('date', feel('receivedAt'), ctx, now);
    // then
    expect(computed.ok && computed.value.dueAt).toBe(at('2026-05-03T01:00:00Z'));
    expect(passedOn.ok && passedOn.value.dueAt).toBe(at('2026-05-01T01:00:00Z'));
  });

  it('fails on a date-time without a zone, naming it and what was expected', () => {
    // given / when
    const result = evaluateTimer('date', literal('2026-05-02T09:00:00'), {}, now);
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "Invalid date-time format '2026-05-02T09:00:00' for expression '2026-05-02T09:00:00'; expected an ISO 8601 date-time with an offset or zone like '2026-05-01T09:00:00+08:00', '2026-05-01T01:00:00Z' or '2026-05-01T09:00:00[Asia/Shanghai]'.",
    );
  });

  it('fails on a FEEL number', () => {
    // given / when
    const result = evaluateTimer('date', feel('42'), {}, now);
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression '42' to be one of '[DATE_TIME, STRING]', but was 'NUMBER'.",
    });
  });
});

describe('evaluateTimer: timeCycle', () => {
  it('repeats an interval a number of times', () => {
    // given
    const cycle = literal('R5/PT10S');
    // when
    const result = evaluateTimer('cycle', cycle, {}, now);
    // then five firings: this one and four more, each ten seconds after the last
    expect(result).toEqual({
      ok: true,
      value: { dueAt: at('2026-05-01T10:00:10Z'), repetitions: 4, cycle: 'R5/PT10S' },
    });
    expect(nextCycleDueDate('R5/PT10S', at('2026-05-01T10:00:10Z'))).toBe(at('2026-05-01T10:00:20Z'));
  });

  it('repeats forever without a number, and once for R1', () => {
    // given / when
    const forever = evaluateTimer('cycle', literal('R/PT1H'), {}, now);
    const once = evaluateTimer('cycle', literal('R1/PT1H'), {}, now);
    // then
    expect(forever.ok && forever.value.repetitions).toBe(-1);
    expect(once.ok && once.value.repetitions).toBe(0);
  });

  it('fires first at the start of a cycle, then one interval after the last firing', () => {
    // given a start in the future
    const cycle = 'R3/2026-06-01T00:00:00Z/PT1H';
    // when
    const result = evaluateTimer('cycle', literal(cycle), {}, now);
    // then
    expect(result).toEqual({ ok: true, value: { dueAt: at('2026-06-01T00:00:00Z'), repetitions: 2, cycle } });
    expect(nextCycleDueDate(cycle, at('2026-06-01T00:00:00Z'))).toBe(at('2026-06-01T01:00:00Z'));
  });

  it('fires at once when the start of a cycle is past', () => {
    // given / when
    const result = evaluateTimer('cycle', literal('R3/2026-01-01T00:00:00Z/PT1H'), {}, now);
    // then
    expect(result.ok && result.value.dueAt).toBe(now);
  });

  it('adds calendar days on the wall clock of the start zone', () => {
    // given a daily cycle at 09:00 Berlin time, across the switch to summer time on 29 March
    const cycle = 'R/2026-03-28T09:00:00+01:00[Europe/Berlin]/P1D';
    // when
    const next = nextCycleDueDate(cycle, at('2026-03-28T08:00:00Z'));
    // then still 09:00 in Berlin, now UTC+2
    expect(next).toBe(at('2026-03-29T07:00:00Z'));
  });

  it('follows a Spring cron expression in UTC', () => {
    // given working days at 09:00, on a Friday after 09:00
    const cron = '0 0 9 * * MON-FRI';
    // when
    const result = evaluateTimer('cycle', literal(cron), {}, now);
    // then next Monday, then Tuesday
    expect(result).toEqual({
      ok: true,
      value: { dueAt: at('2026-05-04T09:00:00Z'), repetitions: -1, cycle: cron },
    });
    expect(nextCycleDueDate(cron, at('2026-05-04T09:00:00Z'))).toBe(at('2026-05-05T09:00:00Z'));
  });

  it('knows the Spring macros', () => {
    // given / when
    const result = evaluateTimer('cycle', literal('@daily'), {}, now);
    // then
    expect(result.ok && result.value.dueAt).toBe(at('2026-05-02T00:00:00Z'));
  });

  it('reads a cycle computed in FEEL', () => {
    // given
    const ctx = { times: 3, minutes: 15 };
    // when
    const result = evaluateTimer(
      'cycle',
      feel('"R" + string(times) + "/PT" + string(minutes) + "M"'),
      ctx,
      now,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { dueAt: at('2026-05-01T10:15:00Z'), repetitions: 2, cycle: 'R3/PT15M' },
    });
  });

  it.each([
    ['0 9 * * *', 'a cron expression needs six fields'],
    ['每天九点', 'a cron expression needs six fields'],
    ['R5/十秒', "'十秒' is not an ISO 8601 duration"],
    ['R/PT0S', 'the interval of a cycle must be positive'],
    ['0 61 9 * * *', 'Constraint error'],
  ])('fails on the cycle %j, naming it and what was expected', (cycle, reason) => {
    // given / when
    const result = evaluateTimer('cycle', literal(cycle), {}, now);
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`Invalid time cycle '${cycle}' (${reason}`);
    expect(!result.ok && result.message).toContain("expected a repeating interval like 'R5/PT10S'");
  });

  it('fails on a FEEL duration, which is not a cycle', () => {
    // given / when
    const result = evaluateTimer('cycle', feel('duration("PT1H")'), {}, now);
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression 'duration(\"PT1H\")' to be 'STRING', but was 'DURATION'.",
    });
  });

  it('has no next firing for a text that is not a cycle', () => {
    // given / when / then
    expect(nextCycleDueDate('not a cycle', now)).toBeNull();
  });
});
