import { TemplateError } from '../../../notifications/errors';
import { placeholdersOf, renderTemplate } from '../../../notifications/render';

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('renderTemplate', () => {
  test('fills every placeholder, in the subject and the body', () => {
    // given
    const template = {
      subject: '投诉 {{complaintNumber}}',
      body: '编号 {{complaintNumber}}：{{reviewReason}}',
    };
    // when
    const text = renderTemplate(
      template,
      { complaintNumber: '26110007', reviewReason: '重复投诉' },
      {
        language: 'zh-CN',
      },
    );
    // then
    expect(text).toEqual({ subject: '投诉 26110007', body: '编号 26110007：重复投诉' });
  });

  test('a datetime is written in Beijing time, the Chinese way for zh-CN', () => {
    // given
    const template = { subject: 's', body: '{{appealDeadline|datetime}}' };
    // when
    const text = renderTemplate(template, { appealDeadline: '2026-11-30T09:30:00Z' }, { language: 'zh-CN' });
    // then
    expect(text.body).toBe('2026年11月30日 17:30（北京时间）');
  });

  test('a datetime is written in Beijing time, the English way for en', () => {
    // given
    const template = { subject: 's', body: '{{appealDeadline|datetime}}' };
    // when
    const text = renderTemplate(
      template,
      { appealDeadline: new Date('2026-11-30T16:30:00Z') },
      { language: 'en' },
    );
    // then
    expect(text.body).toBe('1 December 2026, 00:30 (Beijing time)');
  });

  test('a date alone drops the time, in the reader’s language', () => {
    // given
    const template = { subject: 's', body: '{{at|date}}' };
    // when
    const zh = renderTemplate(template, { at: '2026-10-01T08:00:00+08:00' }, { language: 'zh-CN' });
    const en = renderTemplate(template, { at: '2026-10-01T08:00:00+08:00' }, { language: 'en' });
    // then
    expect([zh.body, en.body]).toEqual(['2026年10月1日', '1 October 2026']);
  });

  test('another time zone can be asked for, and is then named', () => {
    // given
    const template = { subject: 's', body: '{{at|datetime}}' };
    // when
    const text = renderTemplate(
      template,
      { at: '2026-11-30T09:30:00Z' },
      { language: 'en', timeZone: 'UTC' },
    );
    // then
    expect(text.body).toBe('30 November 2026, 09:30 (UTC)');
  });

  test('an amount is written in yuan, the way each language writes money', () => {
    // given
    const template = { subject: 's', body: '{{remedyAmount|money}}' };
    // when
    const zh = renderTemplate(template, { remedyAmount: 1234.5 }, { language: 'zh-CN' });
    const en = renderTemplate(template, { remedyAmount: '1234.5' }, { language: 'en' });
    // then
    expect([zh.body, en.body]).toEqual(['¥1,234.50', 'CN¥1,234.50']);
  });

  test('a remedy code is written as its label in the reader’s language', () => {
    // given
    const template = { subject: 's', body: '{{remedy|remedy}}' };
    // when
    const zh = renderTemplate(template, { remedy: 'exchange' }, { language: 'zh-CN' });
    const en = renderTemplate(template, { remedy: 'exchange' }, { language: 'en' });
    // then
    expect([zh.body, en.body]).toEqual(['换货', 'exchange']);
  });

  test('a missing placeholder fails, naming every missing value at once, instead of sending "{{…}}"', () => {
    // given
    const template = {
      subject: '{{complaintNumber}}',
      body: '{{remedy|remedy}} {{appealDeadline|datetime}}',
    };
    // when
    const error = errorOf(() =>
      renderTemplate(
        template,
        { complaintNumber: '26110007' },
        { language: 'en', templateName: 'result (en)' },
      ),
    );
    // then
    expect(error.code).toBe('TEMPLATE_PLACEHOLDER_MISSING');
    expect(error.message).toBe(
      'result (en) needs a value for "appealDeadline", "remedy"; pass them in the notification\'s variables',
    );
    expect(error.extensions).toEqual({ missing: ['appealDeadline', 'remedy'] });
  });

  test('null, undefined and blank text count as missing', () => {
    // given
    const template = { subject: '{{a}}', body: '{{b}} {{c}}' };
    // when
    const error = errorOf(() =>
      renderTemplate(template, { a: null, b: undefined, c: '  ' }, { language: 'en' }),
    );
    // then
    expect(error.extensions).toEqual({ missing: ['a', 'b', 'c'] });
  });

  test('a value that is not what its filter expects fails with TEMPLATE_VALUE_INVALID', () => {
    // given
    const template = { subject: 's', body: '{{appealDeadline|datetime}} {{remedy|remedy}}' };
    // when
    const badDate = errorOf(() =>
      renderTemplate(template, { appealDeadline: 'next week', remedy: 'refund' }, { language: 'en' }),
    );
    const badRemedy = errorOf(() =>
      renderTemplate(
        template,
        { appealDeadline: '2026-11-30T09:30:00Z', remedy: 'cash' },
        { language: 'en' },
      ),
    );
    // then
    expect(badDate.code).toBe('TEMPLATE_VALUE_INVALID');
    expect(badDate.message).toContain('"appealDeadline" must be a date');
    expect(badRemedy.message).toContain('"remedy" must be a remedy code');
  });
});

describe('placeholdersOf', () => {
  test('lists the placeholders with their filters, in order', () => {
    // when
    const found = placeholdersOf('{{ complaintNumber }} until {{appealDeadline|datetime}}');
    // then
    expect(found).toEqual([
      { name: 'complaintNumber', filter: undefined },
      { name: 'appealDeadline', filter: 'datetime' },
    ]);
  });

  test('a malformed placeholder is a syntax error', () => {
    // when
    const error = errorOf(() => placeholdersOf('Dear {{customer name}}', 'acknowledgement (en)'));
    // then
    expect(error.code).toBe('TEMPLATE_SYNTAX_INVALID');
    expect(error.message).toBe(
      'acknowledgement (en): "{{customer name}}" is not a placeholder: write {{name}} or {{name|filter}}',
    );
  });

  test('an unclosed placeholder is a syntax error', () => {
    // when
    const error = errorOf(() => placeholdersOf('number {{complaintNumber'));
    // then
    expect(error.code).toBe('TEMPLATE_SYNTAX_INVALID');
  });

  test('an unknown filter is named with the filters there are', () => {
    // when
    const error = errorOf(() => placeholdersOf('{{receivedAt|time}}'));
    // then
    expect(error.code).toBe('TEMPLATE_FILTER_UNKNOWN');
    expect(error.message).toContain(
      'known filters: date, datetime, money, remedy, deadline, appealDecision, template',
    );
  });
});
