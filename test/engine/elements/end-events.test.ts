import {
  completedElements,
  deploy,
  history,
  nextJob,
  start,
  terminatedElements,
  useEngine,
  waitForCompleted,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('end events', () => {
  test('a none end event ends only its own token; the process completes when the last token ends', async () => {
    // given
    const t = engine();
    await deploy(t, 'end-none.bpmn');
    const key = await start(t, 'end-none');
    const job = await nextJob(t, 'none-end-wait', key);
    const whileWaiting = completedElements(await history(t, key));
    // when
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    // then
    expect(whileWaiting).toContain('EndEvent_Early');
    expect(whileWaiting).not.toContain('end-none');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records).slice(-3)).toEqual(['Task_Wait', 'EndEvent_Late', 'end-none']);
  });

  test('a terminate end event in the process terminates the other tokens and completes the process', async () => {
    // given
    const t = engine();
    await deploy(t, 'end-terminate-process.bpmn');
    // when
    const key = await start(t, 'end-terminate-process');
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(terminatedElements(records)).toEqual(['Task_Wait']);
    expect(completedElements(records).slice(-2)).toEqual(['EndEvent_Terminate', 'end-terminate-process']);
    expect(records.filter((r) => r.valueType === 'JOB').map((r) => r.intent)).toEqual([
      'CREATED',
      'CANCELED',
    ]);
  });

  test('a terminate end event in a sub-process completes the sub-process only; the process goes on', async () => {
    // given
    const t = engine();
    await deploy(t, 'end-terminate-sub-process.bpmn');
    // when
    const key = await start(t, 'end-terminate-sub-process');
    const after = await nextJob(t, 'terminate-sub-after', key);
    // then
    const records = await waitForCompleted(t, key, 'SubProcess_Terminating');
    expect(terminatedElements(records)).toEqual(['Task_Inner']);
    expect(completedElements(records)).not.toContain('Task_Outer');
    expect(terminatedElements(records)).not.toContain('Task_Outer');
    const outer = await nextJob(t, 'terminate-sub-outer', key);
    await t.zeebe.completeJob({ jobKey: outer.key, variables: {} });
    await t.zeebe.completeJob({ jobKey: after.key, variables: {} });
    expect((await waitForEnd(t, key)).state).toBe('COMPLETED');
  });

  test('a message end event is job-based: the process completes when its job is completed', async () => {
    // given
    const t = engine();
    await deploy(t, 'end-message.bpmn');
    const key = await start(t, 'end-message', { orderId: 'A-7' });
    // when
    const job = await nextJob(t, 'send-order-notice', key);
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    // then
    expect(job.elementId).toBe('EndEvent_SendNotice');
    expect(job.variables).toEqual({ orderId: 'A-7' });
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records)).toEqual(['StartEvent_1', 'EndEvent_SendNotice', 'end-message']);
  });
});
