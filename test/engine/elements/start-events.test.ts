import { completedElements, deploy, jobsNow, MINUTE, moveClockTo, pinClock, useEngine } from './conformance';

const engine = useEngine();

describe('start events', () => {
  test('CreateProcessInstance starts at the none start event', async () => {
    // given
    const t = engine();
    await deploy(t, 'start-none.bpmn');
    // when
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'start-none',
      variables: {},
    });
    // then
    const records = await t.engine.records(Number(result.processInstanceKey));
    expect(completedElements(records)).toEqual(['StartEvent_None', 'EndEvent_Done', 'start-none']);
  });

  test('a published message starts an instance at the message start event, with its variables', async () => {
    // given
    const t = engine();
    await deploy(t, 'start-message.bpmn');
    // when
    await t.zeebe.publishMessage({
      name: 'conformance-start-message',
      correlationKey: '',
      variables: { orderId: 'A-1' },
      timeToLive: 0,
    });
    // then
    const [job] = await t.zeebe.activateJobs({
      type: 'start-message-work',
      worker: 'conformance',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(job.variables).toEqual({ orderId: 'A-1' });
    const records = await t.engine.records(Number(job.processInstanceKey));
    expect(completedElements(records)).toEqual(['StartEvent_Message']);
  });

  test('a timer start event with a date starts one instance when the date is reached, never before', async () => {
    // given
    const t = engine();
    const date = Date.parse('2099-01-01T00:00:00Z');
    await deploy(t, 'start-timer-date.bpmn');
    // when
    await moveClockTo(t, date - 1_000);
    const early = await jobsNow(t, 'start-timer-date-work');
    await moveClockTo(t, date);
    const onTime = await jobsNow(t, 'start-timer-date-work');
    await moveClockTo(t, date + 60 * MINUTE);
    const later = await jobsNow(t, 'start-timer-date-work');
    // then
    expect([early.length, onTime.length, later.length]).toEqual([0, 1, 0]);
  });

  test('a timer start event with the cycle R3/PT1M starts exactly three instances, one a minute', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-03-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'start-timer-cycle.bpmn');
    // when
    const startedPerMinute: number[] = [];
    for (let minute = 1; minute <= 5; minute++) {
      await moveClockTo(t, base + minute * MINUTE);
      startedPerMinute.push((await jobsNow(t, 'start-timer-cycle-work')).length);
    }
    // then
    expect(startedPerMinute).toEqual([1, 1, 1, 0, 0]);
  });

  test("deploying a new version replaces the previous version's timer start event", async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-04-01T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'start-timer-version-1.bpmn');
    await moveClockTo(t, base + MINUTE);
    const beforeNewVersion = await jobsNow(t, 'start-timer-version-work');
    // when
    await deploy(t, 'start-timer-version-2.bpmn');
    await moveClockTo(t, base + 2 * MINUTE);
    const afterNewVersion = await jobsNow(t, 'start-timer-version-work');
    // then
    expect(beforeNewVersion.map((job) => job.processDefinitionVersion)).toEqual([1]);
    expect(afterNewVersion.map((job) => job.processDefinitionVersion)).toEqual([2]);
  });

  test('a new version without a timer start event stops the timer of the previous version', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-04-02T08:00:00Z');
    await pinClock(t, base);
    await deploy(t, 'start-timer-dropped-1.bpmn');
    // when
    await deploy(t, 'start-timer-dropped-2.bpmn');
    await moveClockTo(t, base + MINUTE);
    await moveClockTo(t, base + 2 * MINUTE);
    // then
    expect(await jobsNow(t, 'start-timer-dropped-work')).toEqual([]);
  });
});
