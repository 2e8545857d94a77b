import {
  checkClassificationRules,
  type ClassificationRules,
  classifyComplaint,
} from '../../../domain/classify';
import { DEFAULT_CLASSIFICATION_RULES as rules } from '../../../domain/defaults';

const classify = (text: string, extra: Partial<Parameters<typeof classifyComplaint>[1]> = {}) =>
  classifyComplaint(rules, { text, channel: 'web', ...extra });

describe('classifyComplaint', () => {
  test('explains which keywords decided the category and the sub-type', () => {
    // when
    const result = classify('快递到了以后外包装破损,里面的杯子碎了。');
    // then
    expect(result).toMatchObject({ category: 'logistics', subType: 'damaged_goods', confident: true });
    const details = result.explanation.category.reasons.map((r) => r.detail);
    expect(details).toEqual(
      expect.arrayContaining(['"快递" (zh) → logistics', '"破损" (zh) → logistics.damaged_goods']),
    );
    expect(result.explanation.subType.reasons.map((r) => r.detail)).toContain(
      '"外包装" (zh) → logistics.damaged_goods',
    );
  });

  test('reads English with whole words, and a trailing * as a prefix', () => {
    // when
    const damaged = classify('The parcel was damaged by the courier.');
    const prudent = classify('A prudent courier would have called first.');
    // then
    expect(damaged.explanation.subType.reasons.map((r) => r.detail)).toContain(
      '"damag*" (en) → logistics.damaged_goods',
    );
    expect(prudent.explanation.category.scores.service).toBe(0);
  });

  test('reads full-width letters and mixed case as plain ones', () => {
    // when
    const result = classify('ＴＨＥ ＣＯＵＲＩＥＲ lost my PARCEL');
    // then
    expect(result).toMatchObject({ category: 'logistics', subType: 'shortage_lost' });
  });

  test('takes the declared category when the text says nothing it knows, and flags it as not confident', () => {
    // when
    const result = classify('请尽快联系我。', { declaredCategory: 'finance' });
    // then
    expect(result).toMatchObject({ category: 'finance', subType: 'other', confident: false });
  });

  test('falls back to the configured category when there is nothing to go on', () => {
    // when
    const result = classify('Please call me back.');
    // then
    expect(result).toMatchObject({ category: 'service', subType: 'quality', confident: false });
    expect(result.explanation.category.reasons[0].rule).toBe('minimum_score');
  });

  test('takes the fallback sub-type an administrator configured', () => {
    // given
    const custom: ClassificationRules = { ...rules, fallback: { category: 'service', subType: 'manner' } };
    // when
    const result = classifyComplaint(custom, { text: 'Please call me back.', channel: 'phone' });
    // then
    expect(result).toMatchObject({ category: 'service', subType: 'manner', confident: false });
  });

  test('ignores a declared category outside the vocabulary', () => {
    // when
    const result = classify('Please call me back.', { declaredCategory: 'billing' as 'finance' });
    // then
    expect(result).toMatchObject({ category: 'service', confident: false });
  });

  test('lets clear words in the text outweigh a wrongly declared category', () => {
    // when
    const result = classify('快递三天了还没送到,说好的次日达,物流信息也不更新。', {
      declaredCategory: 'service',
    });
    // then
    expect(result).toMatchObject({ category: 'logistics', confident: true });
  });

  test('counts the declared category when the text is torn between two', () => {
    // given a text that speaks of damage in transit and of the courier equally
    const text = 'The box was crushed in transit by the courier.';
    // when
    const declaredTransport = classify(text, { declaredCategory: 'transport' });
    // then
    expect(declaredTransport.category).toBe('transport');
    expect(declaredTransport.explanation.category.reasons.map((r) => r.rule)).toContain('declared_category');
  });

  test('sets severity 3 for a material loss and 1 for a grumble about a rule', () => {
    // when
    const loss = classify('The goods arrived broken.', { lossAmount: 800 });
    const grumble = classify('为什么退货还要自己付运费?这个规定不合理。');
    // then
    expect(loss.severity).toBe(3);
    expect(loss.explanation.severity.reasons.map((r) => r.rule)).toContain('loss_amount');
    expect(grumble.severity).toBe(1);
  });

  test('follows the rules it is given: a keyword an administrator adds changes the outcome', () => {
    // given an administrator teaches the rules a new word for a delayed parcel
    const taught: ClassificationRules = {
      ...rules,
      categories: {
        ...rules.categories,
        logistics: {
          ...rules.categories.logistics,
          subTypes: {
            ...rules.categories.logistics.subTypes,
            delay: { ...rules.categories.logistics.subTypes.delay, en: { snail: 5 } },
          },
        },
      },
    };
    // when
    const before = classifyComplaint(rules, { text: 'Snail pace again.', channel: 'web' });
    const after = classifyComplaint(taught, { text: 'Snail pace again.', channel: 'web' });
    // then
    expect(before.confident).toBe(false);
    expect(after).toMatchObject({ category: 'logistics', subType: 'delay', confident: true });
  });
});

describe('checkClassificationRules', () => {
  test('accepts the default rules', () => {
    // when
    const check = () => checkClassificationRules(rules);
    // then
    expect(check).not.toThrow();
  });

  test('names missing and unknown sub-types and a broken fallback', () => {
    // given
    const { claims: _claims, ...logisticsSubTypes } = rules.categories.logistics.subTypes;
    const broken: ClassificationRules = {
      ...rules,
      categories: {
        ...rules.categories,
        logistics: { ...rules.categories.logistics, subTypes: { ...logisticsSubTypes, refunds: {} } },
      },
      fallback: { category: 'quality', subType: 'attitude' },
    };
    // when
    const check = () => checkClassificationRules(broken);
    // then
    expect(check).toThrow(
      'logistics.claims: missing; logistics.refunds: not a sub-type in the vocabulary; fallback quality.attitude is not a category and sub-type',
    );
  });
});
