import {
  completedElements,
  deploy,
  history,
  nextJob,
  nextJobWhere,
  start,
  useEngine,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('embedded sub-processes', () => {
  test('input mappings create variables local to the sub-process; its activities see them', async () => {
    // given
    const t = engine();
    await deploy(t, 'scope-sub-process.bpmn');
    // when
    const key = await start(t, 'scope-sub-process', { order: { id: 'A-1' } });
    // then
    const inner = await nextJob(t, 'sub-process-inner', key);
    expect(inner.variables).toEqual({ order: { id: 'A-1' }, orderId: 'A-1' });
  });

  test('a variable local to the sub-process takes updates to it and is gone when the sub-process completes; new variables go to the process', async () => {
    // given
    const t = engine();
    await deploy(t, 'scope-sub-process.bpmn');
    const key = await start(t, 'scope-sub-process', { order: { id: 'A-2' } });
    const inner = await nextJob(t, 'sub-process-inner', key);
    // when
    await t.zeebe.completeJob({ jobKey: inner.key, variables: { orderId: 'changed', outcome: 'ok' } });
    // then
    const after = await nextJob(t, 'sub-process-after', key);
    expect(after.variables).toEqual({ order: { id: 'A-2' }, outcome: 'ok' });
  });

  test('output mappings of the sub-process carry its local variables out', async () => {
    // given
    const t = engine();
    await deploy(t, 'scope-sub-process-output.bpmn');
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'scope-sub-process-output',
      variables: { order: { id: 'A-3' } },
    });
    const inner = await nextJobWhere(t, 'sub-process-output-inner', (job) => job.variables.orderId === 'A-3');
    // when
    await t.zeebe.completeJob({ jobKey: inner.key, variables: {} });
    // then
    expect((await result).variables).toEqual({ order: { id: 'A-3' }, handledOrderId: 'A-3' });
  });

  test('a sub-process completes only when every token inside it has ended', async () => {
    // given
    const t = engine();
    await deploy(t, 'scope-sub-process-parallel.bpmn');
    const key = await start(t, 'scope-sub-process-parallel');
    const work = await nextJob(t, 'sub-process-branch-work', key);
    const whileWorking = completedElements(await history(t, key));
    // when
    await t.zeebe.completeJob({ jobKey: work.key, variables: {} });
    // then
    expect(whileWorking).toContain('EndEvent_EarlyInside');
    expect(whileWorking).not.toContain('SubProcess_Branches');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records).slice(-4)).toEqual([
      'EndEvent_LateInside',
      'SubProcess_Branches',
      'EndEvent_Done',
      'scope-sub-process-parallel',
    ]);
  });
});
