import {
  completedElements,
  deploy,
  nextJob,
  start,
  terminatedElements,
  useEngine,
  waitForCompleted,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('event sub-processes within their scope', () => {
  test('an interrupting event sub-process also terminates running non-interrupting event sub-processes', async () => {
    // given
    const t = engine();
    await deploy(t, 'esp-interplay.bpmn');
    const key = await start(t, 'esp-interplay', { orderId: 'A-1' });
    const main = await nextJob(t, 'esp-interplay-main', key);
    await t.zeebe.publishMessage({
      name: 'esp-interplay-note',
      correlationKey: 'A-1',
      variables: {},
      timeToLive: 0,
    });
    const note = await nextJob(t, 'esp-interplay-note', key);
    // when
    await t.zeebe.broadcastSignal({ signalName: 'esp-interplay-cancel', variables: {} });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(terminatedElements(records).sort()).toEqual(['EventSubProcess_Note', 'Task_Main', 'Task_Note']);
    expect(completedElements(records).slice(-2)).toEqual(['EventSubProcess_Cancel', 'esp-interplay']);
    for (const job of [main, note]) {
      await expect(t.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
    }
  });

  test('a terminate end event in a non-interrupting event sub-process ends only that event sub-process', async () => {
    // given
    const t = engine();
    await deploy(t, 'esp-terminate.bpmn');
    const key = await start(t, 'esp-terminate', { orderId: 'A-2' });
    const main = await nextJob(t, 'esp-terminate-main', key);
    // when
    await t.zeebe.publishMessage({
      name: 'esp-terminate-audit',
      correlationKey: 'A-2',
      variables: {},
      timeToLive: 0,
    });
    const afterAudit = await waitForCompleted(t, key, 'EventSubProcess_Audit');
    await t.zeebe.completeJob({ jobKey: main.key, variables: {} });
    // then
    expect(terminatedElements(afterAudit)).toEqual(['Task_Audit']);
    expect(completedElements(afterAudit)).not.toContain('esp-terminate');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records).slice(-3)).toEqual(['Task_Main', 'EndEvent_MainDone', 'esp-terminate']);
  });
});
