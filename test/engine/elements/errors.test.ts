import {
  activatedElements,
  completedElements,
  deploy,
  history,
  nextJob,
  nextJobWhere,
  start,
  terminatedElements,
  useEngine,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('BPMN errors', () => {
  beforeAll(async () => {
    await deploy(
      engine(),
      'error-boundary-task.bpmn',
      'error-event-sub-process.bpmn',
      'error-nested.bpmn',
      'error-uncaught.bpmn',
      'error-end-event.bpmn',
    );
  });

  test('ThrowError is caught by the error boundary event on the task; the task is terminated', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-boundary-task');
    const charge = await nextJob(t, 'error-boundary-charge', key);
    // when
    await t.zeebe.throwError({ jobKey: charge.key, errorCode: 'PAYMENT_FAILED', errorMessage: 'declined' });
    // then
    await nextJob(t, 'error-boundary-handle-payment', key);
    expect(terminatedElements(await history(t, key))).toEqual(['Task_Charge']);
    await expect(t.zeebe.completeJob({ jobKey: charge.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('a catch event with the thrown code wins over a catch-all at the same level', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-boundary-task');
    const charge = await nextJob(t, 'error-boundary-charge', key);
    // when
    await t.zeebe.throwError({ jobKey: charge.key, errorCode: 'PAYMENT_FAILED', errorMessage: 'declined' });
    // then
    await nextJob(t, 'error-boundary-handle-payment', key);
    const boundaries = activatedElements(await history(t, key)).filter((id) => id.startsWith('Error_'));
    expect(boundaries).toEqual(['Error_PaymentFailedCaught']);
  });

  test('the variables of a caught error stay on the boundary event unless it maps them out', async () => {
    // given
    const t = engine();
    const specific = await start(t, 'error-boundary-task', { caseId: 'specific' });
    const catchAll = await start(t, 'error-boundary-task', { caseId: 'catch-all' });
    const first = await nextJob(t, 'error-boundary-charge', specific);
    const second = await nextJob(t, 'error-boundary-charge', catchAll);
    // when
    const variables = { reason: 'card expired' };
    await t.zeebe.throwError({
      jobKey: first.key,
      errorCode: 'PAYMENT_FAILED',
      errorMessage: 'x',
      variables,
    });
    await t.zeebe.throwError({ jobKey: second.key, errorCode: 'CARD_EXPIRED', errorMessage: 'x', variables });
    // then: the catch-all boundary maps 'reason' to 'failureReason'
    expect((await nextJob(t, 'error-boundary-handle-payment', specific)).variables).toEqual({
      caseId: 'specific',
    });
    expect((await nextJob(t, 'error-boundary-handle-any', catchAll)).variables).toEqual({
      caseId: 'catch-all',
      failureReason: 'card expired',
    });
  });

  test('ThrowError is caught by an error event sub-process, which gets the error variables', async () => {
    // given
    const t = engine();
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'error-event-sub-process',
      variables: { caseId: 'esp-1' },
    });
    const charge = await nextJobWhere(t, 'error-esp-charge', (job) => job.variables.caseId === 'esp-1');
    // when
    await t.zeebe.throwError({
      jobKey: charge.key,
      errorCode: 'PAYMENT_FAILED',
      errorMessage: 'declined',
      variables: { reason: 'declined' },
    });
    // then
    const handle = await nextJobWhere(t, 'error-esp-handle', (job) => job.variables.caseId === 'esp-1');
    expect(handle.variables).toEqual({ caseId: 'esp-1', reason: 'declined' });
    await t.zeebe.completeJob({ jobKey: handle.key, variables: {} });
    const finished = await result;
    const records = await history(t, Number(finished.processInstanceKey));
    expect(terminatedElements(records)).toEqual(['Task_Charge']);
    expect(completedElements(records).slice(-2)).toEqual([
      'EventSubProcess_PaymentFailed',
      'error-event-sub-process',
    ]);
  });

  test('ThrowError is caught by a boundary event on an enclosing sub-process, which is terminated', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-nested');
    const charge = await nextJob(t, 'error-nested-charge', key);
    // when
    await t.zeebe.throwError({ jobKey: charge.key, errorCode: 'PAYMENT_FAILED', errorMessage: 'declined' });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(terminatedElements(records)).toEqual(['Task_Charge', 'SubProcess_Payment']);
    expect(completedElements(records).slice(-3)).toEqual([
      'Error_PaymentFailedCaught',
      'EndEvent_PaymentFailed',
      'error-nested',
    ]);
  });

  test('an error end event is caught like a thrown error', async () => {
    // when
    const result = await engine().zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'error-end-event',
      variables: {},
    });
    // then
    const records = await history(engine(), Number(result.processInstanceKey));
    expect(terminatedElements(records)).toContain('SubProcess_Check');
    expect(completedElements(records)).toContain('EndEvent_Rejected');
    expect(completedElements(records)).not.toContain('EndEvent_Accepted');
  });
});
