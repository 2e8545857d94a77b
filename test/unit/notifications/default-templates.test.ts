import { LANGUAGES } from '../../../domain/vocabulary';
import { DEFAULT_TEMPLATES, defaultTemplate } from '../../../notifications/default-templates';
import type { TemplateVariables } from '../../../notifications/format';
import { placeholderNames, renderTemplate } from '../../../notifications/render';
import { audienceOf, TEMPLATE_KEYS, type TemplateKey } from '../../../notifications/template-keys';

/** What the lifecycle supplies for each notification (processes/README.md variables). */
const SAMPLE_VARIABLES: Record<TemplateKey, TemplateVariables> = {
  acknowledgement: {
    complaintNumber: '26110007',
    receivedAt: '2026-11-02T01:15:00Z',
    preliminaryReplyDueAt: '2026-11-04T01:15:00Z',
  },
  preliminary_reply: { complaintNumber: '26110007', preliminaryReply: '已安排质量部调查。' },
  invalid: { complaintNumber: '26110007', reviewReason: '所述订单不属于本公司。' },
  malicious: { complaintNumber: '26110007', reviewReason: '监控录像显示货物签收时完好。' },
  result: {
    complaintNumber: '26110007',
    remedy: 'exchange',
    remedyDescription: '免费更换同型号产品 2 件。',
    appealDeadline: '2026-11-20T10:00:00Z',
  },
  final_decision: {
    complaintNumber: '26110007',
    appealDecision: 'rejected',
    finalDecisionText: '维持原方案。',
  },
  follow_up: { complaintNumber: '26110007' },
  withdrawn: { complaintNumber: '26110007', withdrawnAt: '2026-11-03T02:00:00Z' },
  department_assigned: {
    complaintNumber: '26110007',
    departmentName: '质量管理部',
    investigationDueAt: '2026-11-05T01:15:00Z',
  },
  escalation_team_manager: { complaintNumber: '26110007', deadline: 'review', dueAt: '2026-11-03T01:15:00Z' },
  escalation_centre_director: {
    complaintNumber: '26110007',
    deadline: 'investigation',
    dueAt: '2026-11-05T01:15:00Z',
  },
  report_to_leadership: { complaintNumber: '26110007', remedy: 'compensation', remedyAmount: 68000 },
  unreachable: { complaintNumber: '26110007', notification: 'result' },
  evidence_added: { complaintNumber: '26110007', evidenceCount: 3 },
};

describe('the built-in templates (notifications/templates/*.json)', () => {
  test.each(TEMPLATE_KEYS)('"%s" exists in every language, for its audience', (key) => {
    // when
    const found = LANGUAGES.map((language) => defaultTemplate(key, language));
    // then
    expect(found.map((t) => [t.key, t.language, t.audience])).toEqual(
      LANGUAGES.map((language) => [key, language, audienceOf(key)]),
    );
  });

  test.each(TEMPLATE_KEYS)('"%s" uses the same placeholders in Chinese and in English', (key) => {
    // when
    const [zh, en] = [defaultTemplate(key, 'zh-CN'), defaultTemplate(key, 'en')].map((t) =>
      placeholderNames(t),
    );
    // then
    expect(en).toEqual(zh);
  });

  test.each(TEMPLATE_KEYS)('"%s" renders in both languages from what the lifecycle supplies', (key) => {
    // given
    const variables = SAMPLE_VARIABLES[key];
    // when
    const texts = LANGUAGES.map((language) =>
      renderTemplate(defaultTemplate(key, language), variables, { language }),
    );
    // then
    for (const text of texts) {
      expect(`${text.subject}\n${text.body}`).not.toMatch(/\{\{|\}\}/);
      expect(text.subject).toContain('26110007');
    }
  });

  test('there is exactly one template per key and language, and nothing else', () => {
    // when
    const pairs = DEFAULT_TEMPLATES.map((t) => `${t.key}/${t.language}`);
    // then
    expect(pairs.sort()).toEqual(TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((l) => `${key}/${l}`)).sort());
  });

  test('the result tells the customer the appeal deadline, and that silence means acceptance (001 第八条.4)', () => {
    // when
    const text = renderTemplate(defaultTemplate('result', 'zh-CN'), SAMPLE_VARIABLES.result, {
      language: 'zh-CN',
    });
    // then
    expect(text.body).toContain('请于2026年11月20日 18:00（北京时间）前提出申诉');
    expect(text.body).toContain('逾期未提出异议的，视为您接受本处理结果');
  });

  test('the acknowledgement gives the complaint number and the preliminary reply deadline (001 第七条)', () => {
    // when
    const text = renderTemplate(defaultTemplate('acknowledgement', 'en'), SAMPLE_VARIABLES.acknowledgement, {
      language: 'en',
    });
    // then
    expect(text.subject).toBe('Your complaint has been registered (no. 26110007)');
    expect(text.body).toContain('by 4 November 2026, 09:15 (Beijing time)');
  });
});
