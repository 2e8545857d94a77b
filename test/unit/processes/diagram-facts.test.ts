import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCodesCaughtIn, jobTypesOf, userTaskFormIds } from '../../../processes/diagram-facts';

const fixture = (name: string) => readFile(path.join(__dirname, 'fixtures', name), 'utf8');

describe('diagram facts', () => {
  it('lists the job types of every job-based element, sub-processes included, once each', async () => {
    // given
    const xml = await fixture('facts.bpmn');

    // when
    const jobTypes = await jobTypesOf(xml);

    // then
    expect(jobTypes).toEqual(['inner-job', 'notify', 'outer-job']);
  });

  it('lists the error codes caught by boundary events and error event sub-processes', async () => {
    // given
    const xml = await fixture('facts.bpmn');

    // when
    const codes = await errorCodesCaughtIn(xml);

    // then
    expect(codes).toEqual(['BOUNDARY_CODE', 'SUB_PROCESS_CODE']);
  });

  it('does not count an error thrown by an end event as caught', async () => {
    // given
    const xml = await fixture('facts.bpmn');

    // when
    const codes = await errorCodesCaughtIn(xml);

    // then
    expect(codes).not.toContain('THROWN_CODE');
  });

  it('maps each user task to the form it links', async () => {
    // given
    const xml = await fixture('facts.bpmn');

    // when
    const forms = await userTaskFormIds(xml);

    // then
    expect(forms).toEqual({ Task_WithForm: 'some-form', Task_WithoutForm: undefined });
  });
});
