import { parseForm } from '../../../../engine/bpmn/parse-form';
import { ModelValidationError } from '../../../../engine/bpmn/model';
import { fixture } from './read-fixture';

function rejectionOf(name: string): ModelValidationError {
  try {
    parseForm(fixture(`forms/${name}`), name);
  } catch (error) {
    if (error instanceof ModelValidationError) return error;
    throw error;
  }
  throw new Error(`expected ${name} to be rejected`);
}

describe('parseForm', () => {
  it('reads the form id and keeps the form JSON as deployed', () => {
    // given a Camunda form exported by the modeler
    const json = fixture('forms/review-validity.form');
    // when it is parsed
    const form = parseForm(json, 'review-validity.form');
    // then its id is the form id user tasks link to
    expect(form).toEqual({ formId: 'review-validity', schema: json });
  });

  it.each([
    ['malformed.form', 'Malformed form JSON'],
    ['array.form', 'Expected the form to be a JSON object'],
    ['without-id.form', 'Expected the form id to be present, but none given'],
    ['blank-id.form', 'Expected the form id to be filled, but it is blank'],
    ['numeric-id.form', 'Expected the form id to be a string'],
  ])('rejects %s: %s', (name, message) => {
    // given a form resource that is not a usable Camunda form
    // when it is parsed
    const rejection = rejectionOf(name);
    // then the rejection names the resource and says why
    expect(rejection.resourceName).toBe(name);
    expect(rejection.problems).toEqual([{ message: expect.stringContaining(message) }]);
  });
});
