import {
  evaluateBoolean,
  evaluateCorrelationKey,
  evaluateDateTime,
  evaluateInteger,
  evaluateList,
  evaluateString,
  evaluateStringList,
  evaluateValue,
} from '../../../../engine/feel/evaluate';
import { expressionOf, type JsonValue } from '../../../../engine/feel/expression';

const feel = (text: string) => expressionOf(`=${text}`);
const literal = (text: string) => expressionOf(text);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evaluateValue', () => {
  it('returns a static value as the string itself', () => {
    // given a static attribute (no leading '=')
    const expression = literal('投诉已受理');
    // when
    const result = evaluateValue(expression, {});
    // then
    expect(result).toEqual({ ok: true, value: '投诉已受理' });
  });

  it('converts numbers, strings, booleans, null, lists and contexts recursively', () => {
    // given variables holding Chinese text
    const ctx = { customer: { name: '张三', city: '上海' }, amount: 120.5 };
    // when
    const result = evaluateValue(
      feel('{who: customer.name, amounts: [amount, amount * 2], vip: false, note: null}'),
      ctx,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { who: '张三', amounts: [120.5, 241], vip: false, note: null },
    });
  });

  it('evaluates a missing variable to null, not a failure', () => {
    // given no variables
    // when
    const result = evaluateValue(feel('customer.name'), {});
    // then
    expect(result).toEqual({ ok: true, value: null });
  });

  it('fails on a FEEL syntax error', () => {
    // given an incomplete expression
    // when
    const result = evaluateValue(feel('amount +'), { amount: 1 });
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Failed to parse expression 'amount \+': .* at position \d+$/,
    );
  });

  it.each<[string, JsonValue]>([
    ['date("2026-05-01")', '2026-05-01'],
    ['date and time("2026-05-01T09:00:00+08:00")', '2026-05-01T09:00:00+08:00'],
    ['date and time("2026-05-01T09:30:00Z")', '2026-05-01T09:30:00Z'],
    ['date and time("2026-05-01T09:30:00.5Z")', '2026-05-01T09:30:00.5Z'],
    ['date and time("2026-05-01T09:00:00@Asia/Shanghai")', '2026-05-01T09:00:00+08:00[Asia/Shanghai]'],
    ['time("10:30:00")', '10:30'],
    ['time("10:30:15")', '10:30:15'],
    ['time("10:30:00+08:00")', '10:30:00+08:00'],
    ['duration("P1DT2H")', 'P1DT2H'],
    ['duration("PT90M")', 'PT1H30M'],
    ['duration("-PT5M")', '-PT5M'],
    ['duration("PT0S")', 'P0D'],
    ['duration("P1Y2M")', 'P1Y2M'],
    ['date and time("2026-05-02T09:00:00Z") - date and time("2026-05-01T08:00:00Z")', 'P1DT1H'],
    ['years and months duration(date("2025-01-01"), date("2026-03-01"))', 'P1Y2M'],
  ])('writes the temporal value %s as %j', (text, expected) => {
    // given a FEEL temporal result
    // when
    const result = evaluateValue(feel(text), {});
    // then
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['function(x) x + 1', 'a function'],
    ['[1..5]', 'a range'],
    ['2 ** 5000', 'the number Infinity'],
  ])('fails when %s cannot become a variable', (text, what) => {
    // given a FEEL value that JSON cannot hold
    // when
    const result = evaluateValue(feel(text), {});
    // then
    expect(result).toEqual({
      ok: false,
      message: `Expected result of the expression '${text}' to be a value that can be stored as a variable, but was ${what}.`,
    });
  });

  it('names the path of a nested value that cannot become a variable', () => {
    // given a context holding a function
    // when
    const result = evaluateValue(feel('{a: {f: function(x) x}}'), {});
    // then
    expect(!result.ok && result.message).toContain("but 'a.f' was a function.");
  });

  it('neither copies nor changes the variables it reads', () => {
    // given frozen variables
    const customer = { name: '张三', tags: ['VIP'] };
    const ctx = deepFreeze({ customer });
    // when
    const same = evaluateValue(feel('customer'), ctx);
    const changed = evaluateValue(feel('context put(customer, "name", "李四")'), ctx);
    // then
    expect(same.ok && same.value).toBe(customer);
    expect(changed).toEqual({ ok: true, value: { name: '李四', tags: ['VIP'] } });
    expect(customer.name).toBe('张三');
  });
});

describe('evaluateBoolean', () => {
  it('evaluates a condition on Chinese text', () => {
    // given
    const ctx = { status: '已受理', level: 3 };
    // when
    const result = evaluateBoolean(feel('status = "已受理" and level > 2'), ctx);
    // then
    expect(result).toEqual({ ok: true, value: true });
  });

  it('fails on null with Zeebe wording and the warnings that explain it', () => {
    // given no variable x
    // when
    const result = evaluateBoolean(feel('x > 1'), {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] Variable 'x' not found",
    });
  });

  it('fails on a result of another type', () => {
    // given
    // when
    const result = evaluateBoolean(feel('"是"'), {});
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression '\"是\"' to be 'BOOLEAN', but was 'STRING'.",
    });
  });

  it('reads a static true as a boolean', () => {
    // given / when
    const result = evaluateBoolean(literal('true'), {});
    // then
    expect(result).toEqual({ ok: true, value: true });
  });

  it('compares dates held as ISO strings with now()', () => {
    // given a due date in the past and one in the future
    const ctx = { dueDate: '2020-01-01T00:00:00+08:00', later: '2999-01-01T00:00:00Z' };
    // when
    const overdue = evaluateBoolean(feel('date and time(dueDate) < now()'), ctx);
    const notYet = evaluateBoolean(feel('date and time(later) < now()'), ctx);
    // then
    expect(overdue).toEqual({ ok: true, value: true });
    expect(notYet).toEqual({ ok: true, value: false });
  });
});

describe('evaluateString', () => {
  it('returns a static value and a FEEL string', () => {
    // given / when / then
    expect(evaluateString(literal('classify-complaint'), {})).toEqual({
      ok: true,
      value: 'classify-complaint',
    });
    expect(evaluateString(feel('"客服-" + dept'), { dept: '华东' })).toEqual({
      ok: true,
      value: '客服-华东',
    });
  });

  it('fails on a number', () => {
    // given / when
    const result = evaluateString(feel('assigneeId'), { assigneeId: 42 });
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression 'assigneeId' to be 'STRING', but was 'NUMBER'.",
    });
  });
});

describe('evaluateCorrelationKey', () => {
  it('accepts a string and turns a number into its integer text', () => {
    // given / when / then
    expect(evaluateCorrelationKey(feel('complaintNo'), { complaintNo: 'TS-2026-001' })).toEqual({
      ok: true,
      value: 'TS-2026-001',
    });
    expect(evaluateCorrelationKey(feel('orderId'), { orderId: 42 })).toEqual({ ok: true, value: '42' });
    expect(evaluateCorrelationKey(feel('orderId'), { orderId: 42.9 })).toEqual({ ok: true, value: '42' });
    expect(evaluateCorrelationKey(literal('静态键'), {})).toEqual({ ok: true, value: '静态键' });
  });

  it('fails on another type with Zeebe wording', () => {
    // given / when
    const result = evaluateCorrelationKey(feel('flag'), { flag: true });
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Failed to extract the correlation key for 'flag': The value must be either a string or a number, but was 'BOOLEAN'.",
    });
  });
});

describe('evaluateInteger', () => {
  it('reads static "3" and FEEL numbers', () => {
    // given / when / then
    expect(evaluateInteger(literal('3'), {})).toEqual({ ok: true, value: 3 });
    expect(evaluateInteger(feel('retries + 1'), { retries: 2 })).toEqual({ ok: true, value: 3 });
  });

  it('fails on a decimal and on a string', () => {
    // given / when / then
    expect(evaluateInteger(feel('2.5'), {})).toEqual({
      ok: false,
      message: "Expected result of the expression '2.5' to be an integer, but was a decimal.",
    });
    expect(evaluateInteger(literal('三'), {})).toEqual({
      ok: false,
      message: "Expected result of the expression '三' to be 'NUMBER', but was 'STRING'.",
    });
  });
});

describe('evaluateList', () => {
  it('returns the items as variables', () => {
    // given
    const ctx = { reviewers: ['王五', '赵六'] };
    // when
    const result = evaluateList(
      feel('for r in reviewers return {reviewer: r, since: date("2026-05-01")}'),
      ctx,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: [
        { reviewer: '王五', since: '2026-05-01' },
        { reviewer: '赵六', since: '2026-05-01' },
      ],
    });
  });

  it('fails when the collection is missing', () => {
    // given / when
    const result = evaluateList(feel('reviewers'), {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'reviewers' to be 'ARRAY', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] Variable 'reviewers' not found",
    });
  });
});

describe('evaluateStringList', () => {
  it('reads a FEEL list, a FEEL string and a static comma-separated list', () => {
    // given / when / then
    expect(evaluateStringList(feel('groups'), { groups: ['客服组', '质检组'] })).toEqual({
      ok: true,
      value: ['客服组', '质检组'],
    });
    expect(evaluateStringList(feel('group'), { group: '客服组' })).toEqual({ ok: true, value: ['客服组'] });
    expect(evaluateStringList(literal('客服组, 质检组 ,'), {})).toEqual({
      ok: true,
      value: ['客服组', '质检组'],
    });
    expect(evaluateStringList(literal(''), {})).toEqual({ ok: true, value: [] });
  });

  it('fails on a list with a non-string item', () => {
    // given / when
    const result = evaluateStringList(feel('["a", 1]'), {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression '[\"a\", 1]' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.",
    });
  });
});

describe('evaluateDateTime', () => {
  it('reads a static ISO date-time and keeps its offset', () => {
    // given / when / then
    expect(evaluateDateTime(literal('2026-05-01T09:00:00+08:00'), {})).toEqual({
      ok: true,
      value: '2026-05-01T09:00:00+08:00',
    });
    expect(evaluateDateTime(literal('2026-05-01T09:00:00[Asia/Shanghai]'), {})).toEqual({
      ok: true,
      value: '2026-05-01T09:00:00+08:00',
    });
  });

  it('is null when empty or null', () => {
    // given / when / then
    expect(evaluateDateTime(literal(''), {})).toEqual({ ok: true, value: null });
    expect(evaluateDateTime(feel('dueDate'), {})).toEqual({ ok: true, value: null });
    expect(evaluateDateTime(feel('dueDate'), { dueDate: '' })).toEqual({ ok: true, value: null });
  });

  it('reads a FEEL date-time and a FEEL string', () => {
    // given
    const ctx = { receivedAt: '2026-05-01T09:00:00+08:00' };
    // when
    const computed = evaluateDateTime(feel('date and time(receivedAt) + duration("P3D")'), ctx);
    const passedOn = evaluateDateTime(feel('receivedAt'), ctx);
    // then
    expect(computed).toEqual({ ok: true, value: '2026-05-04T09:00:00+08:00' });
    expect(passedOn).toEqual({ ok: true, value: '2026-05-01T09:00:00+08:00' });
  });

  it('fails on a text that is not a date-time with a zone, and on a number', () => {
    // given / when / then
    expect(evaluateDateTime(feel('"下周一"'), {})).toEqual({
      ok: false,
      message: "Invalid date-time format '下周一' for expression '\"下周一\"'.",
    });
    expect(evaluateDateTime(feel('7'), {})).toEqual({
      ok: false,
      message:
        "Expected result of the expression '7' to be one of '[NULL, DATE_TIME, STRING]', but was 'NUMBER'.",
    });
  });
});

describe('assert()', () => {
  it('returns the value when the condition holds', () => {
    // given a variable that is present
    // when it is asserted to be there
    const result = evaluateValue({ feel: 'assert(x, x != null)' }, { x: 5 });
    // then the value comes through
    expect(result).toEqual({ ok: true, value: 5 });
  });

  it('fails the evaluation when the condition does not hold, with the cause when one is given', () => {
    // given no variable x
    // when x is asserted, with and without a cause
    const plain = evaluateValue({ feel: 'assert(x, x != null)' }, {});
    const withCause = evaluateValue({ feel: 'assert(x, x != null, "x is required")' }, {});
    // then both fail as feel-scala's assert does
    expect(plain).toEqual({
      ok: false,
      message:
        "Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled",
    });
    expect(withCause.ok === false && withCause.message).toMatch(/: x is required$/);
  });
});
