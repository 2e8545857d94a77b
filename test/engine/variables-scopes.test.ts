import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateOne, Code, deploy, history, rejectionOf, type Variables } from './support/conformance';

// SEMANTICS.md §1.1 (scopes, mergeLocalDocument / mergeDocument), §1.2 (CreateProcessInstance,
// SetVariables), §1.6 (visible variables), §9 (SetVariables on an unknown scope).
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'variable-scopes.bpmn');
});
afterAll(() => t.stop());

/** Starts `variable-scopes` and waits for its result; returns the result and the first job. */
async function started(jobType: string, variables: Variables = {}) {
  const result = t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'variable-scopes',
    variables: { jobType, ...variables },
    requestTimeout: 20_000,
  });
  result.catch(() => undefined); // tests that never await it must not leave a rejection unhandled
  return { result, first: await activateOne(t, jobType) };
}

async function subProcessKey(processInstanceKey: string): Promise<string> {
  const records = await history(t, processInstanceKey);
  const activated = records.find((r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === 'Sub_Case');
  return String(activated!.key);
}

test('CreateProcessInstance variables are variables of the process instance', async () => {
  // given
  const { result, first } = await started('scopes-create', { customerId: 'K-1', priority: 2 });
  // when
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  await t.zeebe.completeJob({ jobKey: (await activateOne(t, 'scopes-create-second')).key, variables: {} });
  // then
  expect((await result).variables).toEqual({ jobType: 'scopes-create', customerId: 'K-1', priority: 2 });
});

test('a job in a sub-process sees the process variables and the locals of the sub-process', async () => {
  // when
  const { first } = await started('scopes-visible', { customerId: 'K-2' });
  // then
  expect(first.variables).toEqual({ jobType: 'scopes-visible', customerId: 'K-2', level: 'case' });
});

test('SetVariables with local=true sets the variables on that scope only', async () => {
  // given
  const { result, first } = await started('scopes-local');
  // when
  await t.zeebe.setVariables({
    elementInstanceKey: await subProcessKey(first.processInstanceKey),
    variables: { caseNote: 'called back' },
    local: true,
  });
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  // then: visible inside the sub-process, gone with it
  const second = await activateOne(t, 'scopes-local-second');
  expect(second.variables).toMatchObject({ caseNote: 'called back' });
  await t.zeebe.completeJob({ jobKey: second.key, variables: {} });
  expect((await result).variables).toEqual({ jobType: 'scopes-local' });
});

test('SetVariables with local=false updates the nearest scope holding a variable, else the process', async () => {
  // given
  const { result, first } = await started('scopes-propagate');
  // when: set from the task's scope
  await t.zeebe.setVariables({
    elementInstanceKey: first.elementInstanceKey,
    variables: { level: 'escalated', decision: 'refund' },
    local: false,
  });
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  // then: `level` was updated in the sub-process, `decision` created on the process
  const second = await activateOne(t, 'scopes-propagate-second');
  expect(second.variables).toMatchObject({ level: 'escalated', decision: 'refund' });
  await t.zeebe.completeJob({ jobKey: second.key, variables: {} });
  expect((await result).variables).toEqual({ jobType: 'scopes-propagate', decision: 'refund' });
});

test('SetVariables on the process instance key sets process variables', async () => {
  // given
  const { result, first } = await started('scopes-root');
  // when
  await t.zeebe.setVariables({
    elementInstanceKey: first.processInstanceKey,
    variables: { approvedBy: 'lead' },
    local: false,
  });
  // then
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  await t.zeebe.completeJob({ jobKey: (await activateOne(t, 'scopes-root-second')).key, variables: {} });
  expect((await result).variables).toEqual({ jobType: 'scopes-root', approvedBy: 'lead' });
});

test('SetVariables on a scope that does not exist (or ended) is NOT_FOUND', async () => {
  // given
  const { first } = await started('scopes-ended');
  await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
  // when
  const error = await rejectionOf(
    t.zeebe.setVariables({
      elementInstanceKey: first.elementInstanceKey,
      variables: { late: true },
      local: false,
    }),
  );
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details: `Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update variables for element with key '${first.elementInstanceKey}', but no such element was found`,
  });
});
