import {
  deploy,
  history,
  HOUR,
  moveClockTo,
  nextJob,
  nextJobWhere,
  pinClock,
  start,
  terminatedElements,
  useEngine,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('CancelProcessInstance', () => {
  test('cancelling terminates every element, cancels the jobs, and no timer fires afterwards', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-10-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'cancel-everything.bpmn');
    const key = await start(t, 'cancel-everything');
    const job = await nextJob(t, 'cancel-work', key);
    // when
    await t.zeebe.cancelProcessInstance(String(key));
    await moveClockTo(t, base + 2 * HOUR);
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('TERMINATED');
    expect(terminatedElements(records).sort()).toEqual(['Task_Work', 'Timer_Wait', 'cancel-everything']);
    const timers = records.filter((r) => r.valueType === 'TIMER').map((r) => r.intent);
    expect(timers).toEqual(['CREATED', 'CREATED', 'CANCELED', 'CANCELED']);
    await expect(t.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('cancelling an instance that has ended is rejected with NOT_FOUND', async () => {
    // given
    const t = engine();
    await deploy(t, 'start-none.bpmn');
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'start-none',
      variables: {},
    });
    // when
    const cancel = t.zeebe.cancelProcessInstance(result.processInstanceKey);
    // then
    await expect(cancel).rejects.toThrow(
      `Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '${result.processInstanceKey}', but no such process was found`,
    );
  });

  test('cancelling an instance created by a call activity is rejected with FAILED_PRECONDITION', async () => {
    // given
    const t = engine();
    await deploy(t, 'call-child.bpmn', 'call-parent.bpmn');
    const parent = await start(t, 'call-parent', { caseId: 'cancel-child' });
    const child = await nextJobWhere(t, 'call-child-work', (job) => job.variables.caseId === 'cancel-child');
    // when
    const cancel = t.zeebe.cancelProcessInstance(child.processInstanceKey);
    // then
    await expect(cancel).rejects.toMatchObject({ code: 9 });
    await expect(cancel).rejects.toThrow(
      `Command 'CANCEL' rejected with code 'INVALID_STATE': Expected to cancel a process instance with key '${child.processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${parent}' instead.`,
    );
    const parentRecords = await history(t, parent);
    expect(terminatedElements(parentRecords)).toEqual([]);
  });
});
