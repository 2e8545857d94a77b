import { startTestEngine, type TestEngine } from '../helpers/engine';
import { Code, deploy, fixture, rejectionOf, stillServes } from './support/conformance';

// SEMANTICS.md §0 (message size), §12 (CreateProcessInstance rejections), §13 (deployment
// rejection); engine/README.md (unimplemented RPCs). After every bad request the engine still serves.
let t: TestEngine;
const DEPLOY_REJECTED =
  "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n";
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'pass-through.bpmn', 'service-task.bpmn', 'message-start.bpmn');
});
afterEach(() => stillServes(t));
afterAll(() => t.stop());

/** The first characters of `text`, as long as `prefix` (a failing comparison shows both). */
function head(text: string, prefix: string): string {
  return text.slice(0, prefix.length);
}

test('BPMN that is not well-formed XML is INVALID_ARGUMENT naming the resource and the problem', async () => {
  // given: the SDK names a resource deployed from a file by its path
  const resource = fixture('invalid/malformed.bpmn');
  // when
  const error = await rejectionOf(t.zeebe.deployResource({ processFilename: resource }));
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  const prefix = `${DEPLOY_REJECTED}'${resource}': `;
  expect(head(error.details, prefix)).toBe(prefix);
  expect(error.details).toContain('closing tag mismatch');
});

test('a BPMN element the engine cannot execute is INVALID_ARGUMENT naming its id and type', async () => {
  // when
  const resource = fixture('invalid/unsupported-element.bpmn');
  const error = await rejectionOf(t.zeebe.deployResource({ processFilename: resource }));
  // then
  expect(error.code).toBe(Code.INVALID_ARGUMENT);
  const prefix = `${DEPLOY_REJECTED}'${resource}': `;
  expect(head(error.details, prefix)).toBe(prefix);
  expect(error.details).toContain(
    "Element 'Gateway_Complex' of type 'bpmn:ComplexGateway' is not supported by the embedded engine",
  );
});

test('a rejected deployment deploys nothing, not even its valid resources', async () => {
  // given
  await rejectionOf(
    t.zeebe.deployResources([
      { processFilename: fixture('message-catch.bpmn') },
      { processFilename: fixture('invalid/unsupported-element.bpmn') },
    ]),
  );
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstance({ bpmnProcessId: 'message-catch', variables: {} }),
  );
  // then
  expect(error.code).toBe(Code.NOT_FOUND);
});

test('creating an instance of an unknown process id is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }),
  );
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details:
      "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'no-such-process', but none found",
  });
});

test('creating an instance of a version that does not exist is NOT_FOUND', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstance({ bpmnProcessId: 'pass-through', version: 7, variables: {} }),
  );
  // then
  expect(error).toEqual({
    code: Code.NOT_FOUND,
    details:
      "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'pass-through' and version '7', but none found",
  });
});

test('creating an instance of a process without a none start event is FAILED_PRECONDITION', async () => {
  // when
  const error = await rejectionOf(
    t.zeebe.createProcessInstance({ bpmnProcessId: 'message-start', variables: {} }),
  );
  // then
  expect(error).toEqual({
    code: Code.FAILED_PRECONDITION,
    details:
      "Command 'CREATE' rejected with code 'INVALID_STATE': Expected to create instance of process with none start event, but there is no such event",
  });
});

test('a request larger than the engine maxMessageSize is RESOURCE_EXHAUSTED', async () => {
  // given
  const small = await startTestEngine({ maxMessageSize: 64 * 1024 });
  try {
    await deploy(small, 'pass-through.bpmn');
    // when
    const error = await rejectionOf(
      small.zeebe.publishMessage({
        name: 'too-big',
        correlationKey: 'K',
        timeToLive: 0,
        variables: { payload: 'x'.repeat(100 * 1024) },
      }),
    );
    // then
    expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
    expect(error.details).toMatch(/larger than .*65536/); // the size, sent uncompressed, against the limit
    await stillServes(small);
  } finally {
    await small.stop();
  }
});

test('EvaluateDecision is UNIMPLEMENTED with a message saying so', async () => {
  // when
  const error = await rejectionOf(t.zeebe.evaluateDecision({ decisionId: 'approve-refund', variables: {} }));
  // then
  expect(error.code).toBe(Code.UNIMPLEMENTED);
  expect(error.details).toContain("The embedded engine does not implement 'EvaluateDecision'");
});

test('ModifyProcessInstance is UNIMPLEMENTED with a message saying so', async () => {
  // given
  const created = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'service-task',
    variables: { jobType: 'modify-me' },
  });
  // when
  const error = await rejectionOf(
    t.zeebe.modifyProcessInstance({
      processInstanceKey: created.processInstanceKey,
      terminateInstructions: [],
    }),
  );
  // then
  expect(error.code).toBe(Code.UNIMPLEMENTED);
  expect(error.details).toContain("The embedded engine does not implement 'ModifyProcessInstance'");
});
