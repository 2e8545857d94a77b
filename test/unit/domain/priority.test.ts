import { type ClassificationRules, classifyComplaint, type ComplaintFacts } from '../../../domain/classify';
import { DEFAULT_CLASSIFICATION_RULES as rules } from '../../../domain/defaults';

/** A staff-attitude complaint (severity 2) with no loss, through the web: 20 points, normal. */
const base: ComplaintFacts = { text: '客服态度很差,不耐烦。', channel: 'web' };
const classify = (facts: Partial<ComplaintFacts>, withRules: ClassificationRules = rules) =>
  classifyComplaint(withRules, { ...base, ...facts });

describe('priority and taskPriority (001 4.2; 003: urgency and impact)', () => {
  test('an ordinary complaint is normal', () => {
    // when
    const result = classify({});
    // then
    expect(result).toMatchObject({ severity: 2, priority: 'normal', taskPriority: 20 });
  });

  test('a grumble about a rule is low', () => {
    // when
    const result = classify({ text: '这个规定不合理,我不理解为什么要这样。' });
    // then
    expect(result).toMatchObject({ severity: 1, priority: 'low', taskPriority: 5 });
  });

  test('public or media exposure raises it to high', () => {
    // when
    const result = classify({ mediaExposure: true });
    // then
    expect(result).toMatchObject({ priority: 'high', taskPriority: 50 });
  });

  test('a repeat complainant counts for each earlier complaint, up to a limit', () => {
    // when
    const twice = classify({ recentComplaints: 2 });
    const often = classify({ recentComplaints: 9 });
    // then
    expect([twice.taskPriority, often.taskPriority]).toEqual([40, 40]);
  });

  test('a large loss of severity 3 is urgent', () => {
    // when
    const result = classify({
      text: 'The line was down for two days after the machine failed.',
      lossAmount: 60000,
    });
    // then
    expect(result).toMatchObject({ severity: 3, priority: 'urgent', taskPriority: 70 });
  });

  test('words of escalation count, up to a limit', () => {
    // when
    const result = classify({ text: '客服态度很差,再不处理我就找律师起诉,还要向媒体曝光!' });
    // then
    expect(result).toMatchObject({ priority: 'high', taskPriority: 50 });
    expect(result.explanation.priority.reasons).toContainEqual({
      rule: 'urgency',
      points: 30,
      detail: '"曝光", "媒体", "律师", "起诉"',
    });
  });

  test('social media as a channel counts as public', () => {
    // when
    const result = classify({ channel: 'social_media' });
    // then
    expect(result.taskPriority).toBe(30);
  });

  test('taskPriority never leaves 0–100', () => {
    // given every factor at once
    const facts: Partial<ComplaintFacts> = {
      text: 'Production stopped, a huge loss. Urgent: our lawyer will sue and the media will hear of it.',
      channel: 'social_media',
      lossAmount: 1_000_000,
      recentComplaints: 5,
      mediaExposure: true,
    };
    // when
    const result = classify(facts);
    // then
    expect(result).toMatchObject({ priority: 'urgent', taskPriority: 100 });
    expect(result.explanation.priority.points).toBeGreaterThan(100);
  });

  test('follows the thresholds it is given', () => {
    // given an administrator makes 20 points already high
    const strict: ClassificationRules = {
      ...rules,
      priority: { ...rules.priority, thresholds: { normal: 10, high: 20, urgent: 60 } },
    };
    // when
    const result = classify({}, strict);
    // then
    expect(result.priority).toBe('high');
  });
});
