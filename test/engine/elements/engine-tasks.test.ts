import {
  completedElements,
  deploy,
  history,
  start,
  useEngine,
  waitForEnd,
  waitForRecord,
} from './conformance';

const engine = useEngine();

describe('tasks the engine performs itself', () => {
  test('a FEEL script task stores its result in the result variable', async () => {
    // given
    const t = engine();
    await deploy(t, 'tasks-script-feel.bpmn');
    // when
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'tasks-script-feel',
      variables: { price: 12.5, quantity: 4 },
    });
    // then
    expect(result.variables).toEqual({ price: 12.5, quantity: 4, total: 50 });
  });

  test('a receive task waits for its message and completes with the message variables', async () => {
    // given
    const t = engine();
    await deploy(t, 'tasks-receive.bpmn');
    const key = await start(t, 'tasks-receive', { orderId: 'A-42' });
    await waitForRecord(
      t,
      key,
      (r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && r.intent === 'CREATED',
      'the message subscription',
    );
    const waiting = completedElements(await history(t, key));
    // when
    await t.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'A-42',
      variables: { amountPaid: 99 },
      timeToLive: 0,
    });
    // then
    expect(waiting).not.toContain('Task_Under_Test');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records)).toContain('Task_Under_Test');
  });

  test.each([
    ['a manual task', 'tasks-manual'],
    ['an undefined (plain) task', 'tasks-undefined'],
  ])('%s is passed through', async (_what, processId) => {
    // given
    const t = engine();
    await deploy(t, `${processId}.bpmn`);
    // when
    const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: {} });
    // then
    const records = await history(t, Number(result.processInstanceKey));
    expect(completedElements(records)).toEqual([
      'StartEvent_1',
      'Task_Under_Test',
      'EndEvent_Done',
      processId,
    ]);
  });
});
