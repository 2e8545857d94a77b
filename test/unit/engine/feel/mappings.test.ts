import { expressionOf } from '../../../../engine/feel/expression';
import {
  evaluateInputMappings,
  evaluateOutputMappings,
  type MappingLike,
} from '../../../../engine/feel/mappings';

/** A mapping as written in the diagram: `source` with its leading '=' when it is FEEL. */
const map = (source: string, target: string): MappingLike => ({ source: expressionOf(source), target });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evaluateInputMappings', () => {
  it('creates the target variables from FEEL sources (the docs example)', () => {
    // given
    const ctx = { customer: { name: '张三', iban: 'DE456' }, totalPrice: 99.5, orderId: 'order-123' };
    // when
    const result = evaluateInputMappings(
      [
        map('=customer.name', 'sender'),
        map('=customer.iban', 'iban'),
        map('=totalPrice', 'price'),
        map('=orderId', 'reference'),
      ],
      ctx,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { sender: '张三', iban: 'DE456', price: 99.5, reference: 'order-123' },
    });
  });

  it('keeps a static source as a string, even when it looks like a number', () => {
    // given / when
    const result = evaluateInputMappings([map('1', 'count'), map('投诉', 'category')], {});
    // then
    expect(result).toEqual({ ok: true, value: { count: '1', category: '投诉' } });
  });

  it('maps a missing source variable, and an empty source, to null', () => {
    // given / when
    const result = evaluateInputMappings([map('=customer.name', 'sender'), map('', 'customer')], {
      customer: { name: '张三' },
    });
    // then
    expect(result).toEqual({ ok: true, value: { sender: '张三', customer: null } });
    expect(evaluateInputMappings([map('=missing', 'x')], {})).toEqual({ ok: true, value: { x: null } });
  });

  it('builds one object from several nested targets under the same root', () => {
    // given
    const ctx = { customer: '张三', iban: 'DE456' };
    // when
    const result = evaluateInputMappings(
      [map('=customer', 'sender.name'), map('=iban', 'sender.iban'), map('="v"', 'a.b.c')],
      ctx,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { sender: { name: '张三', iban: 'DE456' }, a: { b: { c: 'v' } } },
    });
  });

  it('does not merge a nested target into the existing variable of the scope', () => {
    // given a scope variable with other properties
    const ctx = { sender: { name: '张三', phone: '138' } };
    // when
    const result = evaluateInputMappings([map('="李四"', 'sender.name')], ctx);
    // then
    expect(result).toEqual({ ok: true, value: { sender: { name: '李四' } } });
  });

  it('lets a later source read the target of an earlier mapping, in modeling order', () => {
    // given the docs' example (camunda-docs#646)
    const ctx = { first: 1, second: 2, third: 3 };
    // when
    const result = evaluateInputMappings(
      [map('=third', 'first'), map('=first', 'second'), map('=first + second', 'sum')],
      ctx,
    );
    // then
    expect(result).toEqual({ ok: true, value: { first: 3, second: 3, sum: 6 } });
  });

  it('lets a later source read a nested target, completed with the scope for reading only', () => {
    // given
    const ctx = { customer: { name: '张三', iban: 'DE456' } };
    // when
    const result = evaluateInputMappings(
      [map('="李四"', 'customer.name'), map('=customer.name + "/" + customer.iban', 'label')],
      ctx,
    );
    // then
    expect(result).toEqual({ ok: true, value: { customer: { name: '李四' }, label: '李四/DE456' } });
  });

  it('lets the last mapping to a target win, also when nested and flat targets collide', () => {
    // given / when
    const twice = evaluateInputMappings([map('="一"', 'x'), map('="二"', 'x')], {});
    const flatThenNested = evaluateInputMappings([map('={old: true}', 'a'), map('="v"', 'a.b')], {});
    const nestedThenFlat = evaluateInputMappings([map('="v"', 'a.b'), map('="w"', 'a')], {});
    // then
    expect(twice).toEqual({ ok: true, value: { x: '二' } });
    expect(flatThenNested).toEqual({ ok: true, value: { a: { b: 'v' } } });
    expect(nestedThenFlat).toEqual({ ok: true, value: { a: 'w' } });
  });

  it('fails as a whole on the first source that does not parse, naming the mapping', () => {
    // given / when
    const result = evaluateInputMappings([map('=1', 'ok'), map('=amount +', 'total')], { amount: 1 });
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Failed to evaluate the input mapping of '=amount \+' to 'total': Failed to parse expression 'amount \+'/,
    );
  });

  it('returns no variables for no mappings, and leaves the scope untouched', () => {
    // given frozen variables
    const ctx = deepFreeze({ a: { b: 1 } });
    // when
    const none = evaluateInputMappings([], ctx);
    const some = evaluateInputMappings([map('=a', 'copy'), map('=2', 'copy.b')], ctx);
    // then
    expect(none).toEqual({ ok: true, value: {} });
    expect(some).toEqual({ ok: true, value: { copy: { b: 2 } } });
    expect(ctx).toEqual({ a: { b: 1 } });
  });
});

describe('evaluateOutputMappings', () => {
  it('maps job results to new variables (the docs example)', () => {
    // given the element's variables, including the job's result
    const ctx = { result: { status: 'Ok', transactionId: 't-789' } };
    // when
    const result = evaluateOutputMappings(
      [map('=result.status', 'paymentStatus'), map('=result.transactionId', 'transactionId')],
      ctx,
    );
    // then
    expect(result).toEqual({ ok: true, value: { paymentStatus: 'Ok', transactionId: 't-789' } });
  });

  it('replaces a variable mapped as a whole', () => {
    // given an existing object
    const ctx = { decision: { level: 1, note: '旧' }, verdict: { level: 2 } };
    // when
    const result = evaluateOutputMappings([map('=verdict', 'decision')], ctx);
    // then
    expect(result).toEqual({ ok: true, value: { decision: { level: 2 } } });
  });

  it('merges a nested target into the existing variable, at every level', () => {
    // given
    const ctx = { complaint: { no: 'TS-1', customer: { name: '张三', phone: '138' } }, newPhone: '139' };
    // when
    const result = evaluateOutputMappings(
      [map('=newPhone', 'complaint.customer.phone'), map('="已回访"', 'complaint.status')],
      ctx,
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { complaint: { no: 'TS-1', customer: { name: '张三', phone: '139' }, status: '已回访' } },
    });
  });

  it('creates a nested target that does not exist yet', () => {
    // given / when
    const result = evaluateOutputMappings([map('="华东"', 'routing.region')], {});
    // then
    expect(result).toEqual({ ok: true, value: { routing: { region: '华东' } } });
  });

  it('nulls a level whose existing value is not an object, as Zeebe does', () => {
    // given a scalar where the path needs an object
    const ctx = { routing: 5 };
    // when
    const result = evaluateOutputMappings([map('="华东"', 'routing.region')], ctx);
    // then
    expect(result).toEqual({ ok: true, value: { routing: null } });
  });

  it('lets a later source read an earlier output', () => {
    // given
    const ctx = { score: 80 };
    // when
    const result = evaluateOutputMappings(
      [map('=score / 10', 'level'), map('=if level >= 8 then "高" else "低"', 'priority')],
      ctx,
    );
    // then
    expect(result).toEqual({ ok: true, value: { level: 8, priority: '高' } });
  });

  it('fails on a value that cannot become a variable', () => {
    // given / when
    const result = evaluateOutputMappings([map('=function(x) x', 'f')], {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Failed to evaluate the output mapping of '=function(x) x' to 'f': " +
        "Expected result of the expression 'function(x) x' to be a value that can be stored as a variable, but was a function.",
    });
  });
});
