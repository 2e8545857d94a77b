import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateOne, Code, deploy, processEnd, rejectionOf } from './support/conformance';

// SEMANTICS.md §12 CreateProcessInstanceWithResult.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'pass-through.bpmn', 'service-task.bpmn');
});
afterAll(() => t.stop());

test('the result carries the variables of the process instance once it completed', async () => {
  // when
  const result = await t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'pass-through',
    variables: { complaintId: 'C-77', amount: 120 },
  });
  // then
  expect(result).toMatchObject({
    bpmnProcessId: 'pass-through',
    version: 1,
    tenantId: '<default>',
    variables: { complaintId: 'C-77', amount: 120 },
  });
  expect(result.processInstanceKey).toMatch(/^\d+$/);
  expect(await processEnd(t, result.processInstanceKey)).toBe('ELEMENT_COMPLETED');
});

test('fetchVariables returns only the named variables that exist', async () => {
  // when
  const result = await t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'pass-through',
    variables: { complaintId: 'C-78', amount: 120, secret: 'x' },
    fetchVariables: ['complaintId', 'missing'],
  });
  // then
  expect(result.variables).toEqual({ complaintId: 'C-78' });
});

test('the result waits for the instance to complete and carries what its job completed with', async () => {
  // given
  const result = t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'result-waits' },
    requestTimeout: 20_000,
  });
  const job = await activateOne(t, 'result-waits');
  // when
  await t.zeebe.completeJob({ jobKey: job.key, variables: { outcome: 'resolved' } });
  // then
  expect((await result).variables).toEqual({ jobType: 'result-waits', outcome: 'resolved' });
});

test('DEADLINE_EXCEEDED after requestTimeout while the instance waits; the instance keeps running', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'service-task',
      variables: { jobType: 'result-deadline' },
      requestTimeout: 500,
    }),
  );
  // then
  expect(error.code).toBe(Code.DEADLINE_EXCEEDED);
  expect(error.details).toMatch(/^Time out between gateway and broker: /);
  const job = await activateOne(t, 'result-deadline');
  await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  expect(await processEnd(t, job.processInstanceKey)).toBe('ELEMENT_COMPLETED');
});

test('an unknown process id is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'no-such-process', variables: {} }),
  );
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details:
      "Command 'CREATE_WITH_AWAITING_RESULT' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'no-such-process', but none found",
  });
});
