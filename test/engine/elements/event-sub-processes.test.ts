import { type TestEngine } from '../../helpers/engine';
import {
  completedElements,
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

type Kind = 'message' | 'timer' | 'signal';
const BASE = Date.parse('2030-08-01T08:00:00Z');

/** Fires the event sub-process's start event (each fixture's message or signal is named as its process). */
async function trigger(t: TestEngine, kind: Kind, processId: string, orderId: string): Promise<void> {
  if (kind === 'message') {
    await t.zeebe.publishMessage({
      name: processId,
      correlationKey: orderId,
      variables: { note: 'customer called' },
      timeToLive: 0,
    });
  } else if (kind === 'signal') {
    await t.zeebe.broadcastSignal({ signalName: processId, variables: { note: 'customer called' } });
  } else {
    await moveClockTo(t, BASE + HOUR);
  }
}

/** Deploys the fixture, starts an instance and waits for its main task's job. */
async function started(t: TestEngine, processId: string, orderId: string) {
  await pinClock(t, BASE);
  await deploy(t, `${processId}.bpmn`);
  const key = await start(t, processId, { orderId });
  const main = await nextJob(t, `${processId}-main`, key);
  return { key, main };
}

describe('event sub-processes', () => {
  test.each<Kind>(['message', 'timer', 'signal'])(
    'an interrupting %s event sub-process terminates the activities of its scope and then completes the scope',
    async (kind) => {
      // given
      const t = engine();
      const processId = `esp-${kind}-interrupting`;
      const { key, main } = await started(t, processId, `${kind}-1`);
      // when
      await trigger(t, kind, processId, `${kind}-1`);
      const handle = await nextJob(t, `${processId}-handle`, key);
      // then
      expect(terminatedElements(await history(t, key))).toEqual(['Task_Main']);
      await expect(t.zeebe.completeJob({ jobKey: main.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
      await t.zeebe.completeJob({ jobKey: handle.key, variables: {} });
      const { state, records } = await waitForEnd(t, key);
      expect(state).toBe('COMPLETED');
      expect(completedElements(records).slice(-3)).toEqual([
        'EndEvent_Handled',
        'EventSubProcess_Handle',
        processId,
      ]);
    },
  );

  test.each<Kind>(['message', 'timer', 'signal'])(
    'a non-interrupting %s event sub-process runs beside the activities; the scope completes when both have ended',
    async (kind) => {
      // given
      const t = engine();
      const processId = `esp-${kind}-non-interrupting`;
      const { key, main } = await started(t, processId, `${kind}-2`);
      // when
      await trigger(t, kind, processId, `${kind}-2`);
      const handle = await nextJob(t, `${processId}-handle`, key);
      await t.zeebe.completeJob({ jobKey: main.key, variables: {} });
      const afterMain = completedElements(await history(t, key));
      await t.zeebe.completeJob({ jobKey: handle.key, variables: {} });
      // then
      expect(afterMain).toContain('EndEvent_MainDone');
      expect(afterMain).not.toContain(processId);
      const { state, records } = await waitForEnd(t, key);
      expect(state).toBe('COMPLETED');
      expect(terminatedElements(records)).toEqual([]);
      expect(completedElements(records).slice(-2)).toEqual(['EventSubProcess_Handle', processId]);
    },
  );

  test('an event sub-process sees the variables of its scope and those of the event', async () => {
    // given
    const t = engine();
    const { key } = await started(t, 'esp-message-interrupting', 'A-3');
    // when
    await trigger(t, 'message', 'esp-message-interrupting', 'A-3');
    // then
    const handle = await nextJob(t, 'esp-message-interrupting-handle', key);
    expect(handle.variables).toEqual({ orderId: 'A-3', note: 'customer called' });
  });

  test('a non-interrupting message event sub-process starts once per correlated message', async () => {
    // given
    const t = engine();
    const { key } = await started(t, 'esp-message-non-interrupting', 'A-4');
    // when
    await trigger(t, 'message', 'esp-message-non-interrupting', 'A-4');
    await nextJob(t, 'esp-message-non-interrupting-handle', key);
    await trigger(t, 'message', 'esp-message-non-interrupting', 'A-4');
    await nextJob(t, 'esp-message-non-interrupting-handle', key);
    // then
    const activated = (await history(t, key)).filter(
      (r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === 'EventSubProcess_Handle',
    );
    expect(activated).toHaveLength(2);
  });

  test('its message subscription may be keyed by a variable of the message that started the instance', async () => {
    // given an instance started by a message that carries the order id
    const t = engine();
    await deploy(t, 'esp-after-message-start.bpmn');
    await t.zeebe.publishMessage({
      name: 'esp-after-message-start-order',
      correlationKey: '',
      variables: { orderId: 'A-9' },
      timeToLive: 0,
    });
    const main = await nextJobWhere(t, 'esp-after-message-start-main', () => true);
    // when the event sub-process's message arrives for that order id
    await t.zeebe.publishMessage({
      name: 'esp-after-message-start',
      correlationKey: 'A-9',
      variables: {},
      timeToLive: 0,
    });
    // then the event sub-process runs in that instance
    const handle = await nextJob(t, 'esp-after-message-start-handle', Number(main.processInstanceKey));
    expect(handle.variables).toMatchObject({ orderId: 'A-9' });
  });
});
