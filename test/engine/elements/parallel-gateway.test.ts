import {
  activatedElements,
  completedElements,
  deploy,
  history,
  nextJob,
  start,
  useEngine,
  waitForEnd,
} from './conformance';

const engine = useEngine();

describe('parallel gateway', () => {
  test('a fork activates every outgoing flow at once', async () => {
    // given
    const t = engine();
    await deploy(t, 'gateway-parallel.bpmn');
    // when
    const key = await start(t, 'gateway-parallel');
    // then
    const a = await nextJob(t, 'parallel-a', key);
    const b = await nextJob(t, 'parallel-b', key);
    expect([a.elementId, b.elementId]).toEqual(['Task_A', 'Task_B']);
  });

  test('a join waits until a token has arrived on every incoming flow', async () => {
    // given
    const t = engine();
    await deploy(t, 'gateway-parallel.bpmn');
    const key = await start(t, 'gateway-parallel');
    const a = await nextJob(t, 'parallel-a', key);
    const b = await nextJob(t, 'parallel-b', key);
    // when
    await t.zeebe.completeJob({ jobKey: a.key, variables: { fromA: 1 } });
    const afterFirst = activatedElements(await history(t, key));
    await t.zeebe.completeJob({ jobKey: b.key, variables: { fromB: 2 } });
    // then
    expect(afterFirst).not.toContain('Gateway_Join');
    const after = await nextJob(t, 'parallel-after', key);
    expect(after.variables).toEqual({ fromA: 1, fromB: 2 });
    await t.zeebe.completeJob({ jobKey: after.key, variables: {} });
    const { records } = await waitForEnd(t, key);
    expect(completedElements(records).filter((id) => id === 'Gateway_Join')).toHaveLength(1);
  });

  test('two tokens on the same incoming flow do not satisfy the join; the spare token keeps the instance active', async () => {
    // given
    const t = engine();
    await deploy(t, 'gateway-parallel-same-flow.bpmn');
    const key = await start(t, 'gateway-parallel-same-flow');
    const a = await nextJob(t, 'same-flow-a', key);
    const b = await nextJob(t, 'same-flow-b', key);
    const c = await nextJob(t, 'same-flow-c', key);
    // when
    await t.zeebe.completeJob({ jobKey: a.key, variables: {} });
    await t.zeebe.completeJob({ jobKey: b.key, variables: {} });
    const beforeC = activatedElements(await history(t, key));
    await t.zeebe.completeJob({ jobKey: c.key, variables: {} });
    const after = await nextJob(t, 'same-flow-after', key);
    await t.zeebe.completeJob({ jobKey: after.key, variables: {} });
    // then
    expect(beforeC).not.toContain('Gateway_Join');
    const records = await history(t, key);
    expect(completedElements(records).filter((id) => id === 'Gateway_Join')).toHaveLength(1);
    expect(completedElements(records)).toContain('EndEvent_Done');
    expect(completedElements(records)).not.toContain('gateway-parallel-same-flow');
    expect(records.some((r) => r.valueType === 'INCIDENT')).toBe(false);
  });
});
