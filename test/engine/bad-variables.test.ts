import { startTestEngine, type TestEngine } from '../helpers/engine';
import { activateOne, Code, deploy, rejectionOf, stillServes } from './support/conformance';

// SEMANTICS.md §0 "Errors raised by the gateway itself": variables must be a JSON object. The gateway
// rejects them before any command exists, so the message has no "Command '…' rejected" prefix.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'pass-through.bpmn', 'service-task.bpmn');
});
afterEach(() => stillServes(t));
afterAll(() => t.stop());

/** The element instance key of a job waiting in a live instance (a scope for SetVariables). */
async function liveScope(jobType: string): Promise<string> {
  await t.zeebe.createProcessInstance({ bpmnProcessId: 'service-task', variables: { jobType } });
  return (await activateOne(t, jobType)).elementInstanceKey;
}

/** SetVariables with raw variables text: the SDK passes a string on unchanged. */
function setRawVariables(elementInstanceKey: string, text: string) {
  return t.zeebe.setVariables({ elementInstanceKey, variables: text as unknown as object, local: false });
}

test('variables that are not valid JSON are INVALID_ARGUMENT', async () => {
  // given
  const scope = await liveScope('bad-json');
  // when
  const error = await rejectionOf(setRawVariables(scope, '{"amount": '));
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  const prefix = 'Invalid JSON value: {"amount": ';
  expect(error.details.slice(0, prefix.length)).toBe(prefix);
});

test.each([
  ['[1, 2]', 'ARRAY'],
  ['42', 'INTEGER'],
  ['"text"', 'STRING'],
])('variables that are JSON but not an object (%s) are INVALID_ARGUMENT', async (text, type) => {
  // given
  const scope = await liveScope(`not-an-object-${type}`);
  // when
  const error = await rejectionOf(setRawVariables(scope, text));
  // then
  expect(error).toEqual({
    code: Code.INVALID_ARGUMENT,
    details: `Property 'variables' is invalid: Expected document to be a root level object, but was '${type}'`,
  });
});

test('blank variables text means no variables', async () => {
  // given
  const scope = await liveScope('blank-variables');
  // when
  const accepted = setRawVariables(scope, '  ');
  // then
  await expect(accepted).resolves.not.toThrow();
});
