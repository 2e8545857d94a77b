import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processesDir } from '../../../../lib/paths';
import type { CamundaForm } from '../../../../server/forms/camunda-form';
import { validateFormSubmission } from '../../../../server/forms/validate-form-submission';

/** A form as deployed, from processes/forms. */
function deployedForm(formId: string): CamundaForm {
  return JSON.parse(
    readFileSync(path.join(processesDir(), 'forms', `${formId}.form`), 'utf8'),
  ) as CamundaForm;
}

const reviewValidity = deployedForm('review-validity');
const investigate = deployedForm('investigate-complaint');

describe('validateFormSubmission, on the deployed forms', () => {
  test('a complete initial review is accepted as it was sent', () => {
    // given
    const submitted = {
      reviewOutcome: 'valid',
      reviewReason: '货损属实，有照片',
      preliminaryReply: '您好，我们已收到您的投诉，正在调查。',
    };
    // when
    const result = validateFormSubmission(reviewValidity, submitted);
    // then
    expect(result).toEqual({ problems: [], variables: submitted });
  });

  test('every bad field is listed at once: missing, too short, not an option, unknown', () => {
    // when
    const result = validateFormSubmission(
      reviewValidity,
      { reviewOutcome: 'maybe', reviewReason: 'no', approvedBy: 'me' },
      'body.variables',
    );
    // then
    expect(result.problems).toEqual([
      { field: 'body.variables.approvedBy', problem: 'is not a field of the form review-validity' },
      { field: 'body.variables.reviewOutcome', problem: 'must be one of: valid, invalid, malicious' },
      { field: 'body.variables.reviewReason', problem: 'must be at least 5 characters long' },
    ]);
  });

  test('a field required only when shown is required when its condition shows it', () => {
    // when
    const result = validateFormSubmission(reviewValidity, {
      reviewOutcome: 'valid',
      reviewReason: '投诉成立了',
    });
    // then
    expect(result.problems).toEqual([{ field: 'preliminaryReply', problem: 'is required' }]);
  });

  test('a field hidden by its condition is neither required nor accepted', () => {
    // when
    const without = validateFormSubmission(reviewValidity, {
      reviewOutcome: 'invalid',
      reviewReason: '不属于投诉范围',
    });
    const withIt = validateFormSubmission(reviewValidity, {
      reviewOutcome: 'invalid',
      reviewReason: '不属于投诉范围',
      preliminaryReply: '您好，我们已收到您的投诉。',
    });
    // then
    expect(without.problems).toEqual([]);
    expect(withIt.problems).toEqual([
      { field: 'preliminaryReply', problem: 'is hidden when reviewOutcome != "valid": leave it out' },
    ]);
  });

  test('a read-only field may be sent back unchanged but is never written to the process', () => {
    // when
    const result = validateFormSubmission(reviewValidity, {
      category: 'transport',
      reviewOutcome: 'malicious',
      reviewReason: '恶意投诉，证据伪造',
    });
    // then
    expect(result).toEqual({
      problems: [],
      variables: { reviewOutcome: 'malicious', reviewReason: '恶意投诉，证据伪造' },
    });
  });

  test('a dynamic list is checked item by item, and numbers by type, bounds and decimals', () => {
    // when
    const result = validateFormSubmission(investigate, {
      facts: '外包装破损，三件商品损坏。',
      rootCause: '装卸操作不当',
      responsibility: 'company',
      responsibleStaff: [
        { staffId: 'demo.storage_transport.staff1', role: 'direct' },
        { role: 'boss', x: 1 },
      ],
      lossAmount: 12.345,
    });
    // then
    expect(result.problems).toEqual([
      { field: 'responsibleStaff.1.x', problem: 'is not a field of the form investigate-complaint' },
      { field: 'responsibleStaff.1.staffId', problem: 'is required' },
      { field: 'responsibleStaff.1.role', problem: 'must be one of: direct, supervisor' },
      { field: 'lossAmount', problem: 'must have at most 2 decimal digits' },
    ]);
  });

  test('values of the wrong type are refused', () => {
    // when
    const result = validateFormSubmission(investigate, {
      facts: 42,
      rootCause: '装卸操作不当',
      responsibility: 'customer',
      lossAmount: '800',
    });
    // then
    expect(result.problems).toEqual([
      { field: 'facts', problem: 'must be text' },
      { field: 'lossAmount', problem: 'must be a number' },
    ]);
  });
});

describe('validateFormSubmission, field types', () => {
  const form: CamundaForm = {
    id: 'all-types',
    components: [
      { type: 'text', text: 'heading' } as never,
      { type: 'checkbox', key: 'agreed', validate: { required: true } },
      { type: 'number', key: 'satisfaction', decimalDigits: 0, validate: { min: 1, max: 5 } },
      { type: 'datetime', key: 'on', subtype: 'date' },
      { type: 'datetime', key: 'at', subtype: 'datetime' },
      { type: 'textfield', key: 'code', validate: { pattern: '^[A-Z]{3}$' } },
      { type: 'checklist', key: 'tags', values: [{ value: 'a' }, { value: 'b' }] },
      {
        type: 'group',
        components: [{ type: 'textfield', key: 'inGroup', validate: { validationType: 'email' } }],
      },
    ],
  };

  test('good values of every type pass', () => {
    // given
    const submitted = {
      agreed: true,
      satisfaction: 4,
      on: '2026-11-23',
      at: '2026-11-23T09:30+08:00',
      code: 'ABC',
      tags: ['a', 'b'],
      inGroup: 'zhang.san@example.com',
    };
    // when
    const result = validateFormSubmission(form, submitted);
    // then
    expect(result).toEqual({ problems: [], variables: submitted });
  });

  test('bad values of every type are named', () => {
    // when
    const result = validateFormSubmission(form, {
      agreed: false,
      satisfaction: 4.5,
      on: '2026-02-30',
      at: 'tomorrow',
      code: 'abc',
      tags: ['c'],
      inGroup: 'not-an-address',
    });
    // then
    expect(result.problems).toEqual([
      { field: 'agreed', problem: 'must be checked' },
      { field: 'satisfaction', problem: 'must be a whole number' },
      { field: 'on', problem: 'must be a date (YYYY-MM-DD)' },
      { field: 'at', problem: 'must be a date and time (YYYY-MM-DDTHH:mm with an offset)' },
      { field: 'code', problem: 'must match the pattern ^[A-Z]{3}$' },
      { field: 'tags', problem: 'must be one of: a, b' },
      { field: 'inGroup', problem: 'must be an e-mail address' },
    ]);
  });

  test('an optional field left empty is passed on as empty', () => {
    // when
    const result = validateFormSubmission(form, { agreed: true, satisfaction: null });
    // then
    expect(result).toEqual({ problems: [], variables: { agreed: true, satisfaction: null } });
  });
});
