import { type TestEngine } from '../../helpers/engine';
import {
  completedElements,
  deploy,
  history,
  HOUR,
  moveClockTo,
  nextJob,
  pinClock,
  start,
  terminatedElements,
  useEngine,
  waitForEnd,
} from './conformance';

const engine = useEngine();

/** How often the boundary event has fired in the instance. */
async function firings(t: TestEngine, key: number): Promise<number> {
  return completedElements(await history(t, key)).filter((id) => id === 'Timer_Deadline').length;
}

describe('timer boundary events', () => {
  test('an interrupting timer terminates the activity when it fires and takes its own flow', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-06-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'boundary-timer-interrupting.bpmn');
    const key = await start(t, 'boundary-timer-interrupting');
    const job = await nextJob(t, 'boundary-timer-interrupting-review', key);
    // when
    await moveClockTo(t, base + HOUR);
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(terminatedElements(records)).toEqual(['Task_Review']);
    expect(completedElements(records).slice(-3)).toEqual([
      'Timer_Deadline',
      'EndEvent_TimerFired',
      'boundary-timer-interrupting',
    ]);
    await expect(t.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('an interrupting timer is cancelled when the activity completes first', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-06-02T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'boundary-timer-interrupting.bpmn');
    const key = await start(t, 'boundary-timer-interrupting');
    const job = await nextJob(t, 'boundary-timer-interrupting-review', key);
    // when
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    await moveClockTo(t, base + 2 * HOUR);
    // then
    const { records } = await waitForEnd(t, key);
    expect(completedElements(records)).toContain('EndEvent_Reviewed');
    expect(await firings(t, key)).toBe(0);
    expect(records.filter((r) => r.valueType === 'TIMER').map((r) => r.intent)).toEqual([
      'CREATED',
      'CANCELED',
    ]);
  });

  test('a non-interrupting cycle timer fires repeatedly while the activity stays active', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-06-03T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'boundary-timer-cycle.bpmn');
    const key = await start(t, 'boundary-timer-cycle');
    await nextJob(t, 'boundary-timer-cycle-review', key);
    // when
    const counts: number[] = [];
    for (let hour = 1; hour <= 3; hour++) {
      await moveClockTo(t, base + hour * HOUR);
      counts.push(await firings(t, key));
    }
    // then
    expect(counts).toEqual([1, 2, 3]);
    expect(completedElements(await history(t, key))).not.toContain('Task_Review');
    expect(terminatedElements(await history(t, key))).toEqual([]);
  });

  test('a non-interrupting cycle timer stops firing when the activity ends', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-06-04T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'boundary-timer-cycle.bpmn');
    const key = await start(t, 'boundary-timer-cycle');
    const job = await nextJob(t, 'boundary-timer-cycle-review', key);
    await moveClockTo(t, base + HOUR);
    // when
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    await moveClockTo(t, base + 2 * HOUR);
    await moveClockTo(t, base + 3 * HOUR);
    // then
    expect((await waitForEnd(t, key)).state).toBe('COMPLETED');
    expect(await firings(t, key)).toBe(1);
  });

  test('a non-interrupting cycle timer with R2 fires twice, then no more', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-06-05T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'boundary-timer-cycle-twice.bpmn');
    const key = await start(t, 'boundary-timer-cycle-twice');
    await nextJob(t, 'boundary-timer-cycle-twice-review', key);
    // when
    for (let hour = 1; hour <= 4; hour++) await moveClockTo(t, base + hour * HOUR);
    // then
    expect(await firings(t, key)).toBe(2);
    expect(terminatedElements(await history(t, key))).toEqual([]);
  });
});
