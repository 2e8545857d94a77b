import {
  completedElements,
  deploy,
  history,
  MINUTE,
  moveClockTo,
  nextJob,
  pinClock,
  start,
  useEngine,
  waitForEnd,
  waitForRecord,
} from './conformance';

const engine = useEngine();

describe('intermediate throw events', () => {
  test('a none throw event is passed through', async () => {
    // given
    const t = engine();
    await deploy(t, 'intermediate-none-throw.bpmn');
    // when
    const key = await start(t, 'intermediate-none-throw');
    // then
    const { records } = await waitForEnd(t, key);
    expect(completedElements(records)).toEqual([
      'StartEvent_1',
      'Event_Milestone',
      'EndEvent_Done',
      'intermediate-none-throw',
    ]);
  });

  test('a signal throw event triggers a waiting signal catch event, passing the variables its input mappings create', async () => {
    // given
    const t = engine();
    await deploy(t, 'intermediate-signal-catch.bpmn', 'intermediate-signal-throw.bpmn');
    const catcher = await start(t, 'intermediate-signal-catch', { shop: 'north' });
    await waitForRecord(
      t,
      catcher,
      (r) => r.valueType === 'SIGNAL_SUBSCRIPTION' && r.intent === 'CREATED',
      'the signal subscription',
    );
    // when
    const thrower = await start(t, 'intermediate-signal-throw', { orderId: 'A-9', secret: 'not passed on' });
    // then
    expect((await waitForEnd(t, thrower)).state).toBe('COMPLETED');
    const ship = await nextJob(t, 'signal-ready-ship', catcher);
    expect(completedElements(await history(t, catcher))).toContain('Event_OrderReady');
    expect(ship.variables).toEqual({ shop: 'north', readyOrderId: 'A-9' });
  });

  test('a link throw event continues at the link catch event with the same name', async () => {
    // given
    const t = engine();
    await deploy(t, 'intermediate-link.bpmn');
    // when
    const key = await start(t, 'intermediate-link');
    // then
    const { records } = await waitForEnd(t, key);
    expect(completedElements(records)).toEqual([
      'StartEvent_1',
      'Event_GoToPage2',
      'Event_FromPage1',
      'EndEvent_Done',
      'intermediate-link',
    ]);
  });
});

describe('intermediate timer catch events', () => {
  test('a duration timer fires when the duration has passed since it was reached, not before', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-05-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'intermediate-timer-duration.bpmn');
    const key = await start(t, 'intermediate-timer-duration');
    // when
    await moveClockTo(t, base + 10 * MINUTE - 1);
    const early = completedElements(await history(t, key));
    await moveClockTo(t, base + 10 * MINUTE);
    // then
    expect(early).not.toContain('Timer_TenMinutes');
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(records.find((r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED')?.value.dueDate).toBe(
      base + 10 * MINUTE,
    );
  });

  test('a date timer fires at its date', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-05-02T08:00:00Z');
    const remindAt = base + 90 * MINUTE;
    await pinClock(t, base);
    await deploy(t, 'intermediate-timer-date.bpmn');
    const key = await start(t, 'intermediate-timer-date', { remindAt: new Date(remindAt).toISOString() });
    // when
    await moveClockTo(t, remindAt - 1);
    const early = completedElements(await history(t, key));
    await moveClockTo(t, remindAt);
    // then
    expect(early).not.toContain('Timer_UntilDate');
    expect((await waitForEnd(t, key)).state).toBe('COMPLETED');
  });

  test('a date timer whose date has already passed fires at once', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-05-03T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'intermediate-timer-date.bpmn');
    // when
    const key = await start(t, 'intermediate-timer-date', {
      remindAt: new Date(base - 24 * 60 * MINUTE).toISOString(),
    });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records)).toContain('Timer_UntilDate');
  });
});
