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

const TASKS = ['Task_A', 'Task_B', 'Task_Fallback'];
const tasksActivated = (ids: string[]) => ids.filter((id) => TASKS.includes(id));

describe('inclusive gateway', () => {
  beforeAll(async () => {
    await deploy(engine(), 'gateway-inclusive.bpmn');
  });

  test('a fork takes every flow whose condition is true', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'gateway-inclusive', { a: true, b: true });
    // then
    await nextJob(t, 'inclusive-b', key);
    expect(tasksActivated(activatedElements(await history(t, key)))).toEqual(['Task_A', 'Task_B']);
  });

  test('a fork takes only the default flow when no condition is true', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'gateway-inclusive', { a: false, b: false });
    // then
    await nextJob(t, 'inclusive-fallback', key);
    expect(tasksActivated(activatedElements(await history(t, key)))).toEqual(['Task_Fallback']);
  });

  test('a join waits for the tokens of every branch that was taken', async () => {
    // given
    const t = engine();
    const key = await start(t, 'gateway-inclusive', { a: true, b: true });
    const a = await nextJob(t, 'inclusive-a', key);
    const b = await nextJob(t, 'inclusive-b', key);
    // when
    await t.zeebe.completeJob({ jobKey: a.key, variables: {} });
    const afterFirst = activatedElements(await history(t, key));
    await t.zeebe.completeJob({ jobKey: b.key, variables: {} });
    // then
    expect(afterFirst).not.toContain('Gateway_Join');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records).filter((id) => id === 'Gateway_Join')).toHaveLength(1);
  });

  test('a join does not wait for branches that were not taken', async () => {
    // given
    const t = engine();
    const key = await start(t, 'gateway-inclusive', { a: true, b: false });
    const a = await nextJob(t, 'inclusive-a', key);
    // when
    await t.zeebe.completeJob({ jobKey: a.key, variables: {} });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records).slice(-4)).toEqual([
      'Task_A',
      'Gateway_Join',
      'EndEvent_Done',
      'gateway-inclusive',
    ]);
  });
});
