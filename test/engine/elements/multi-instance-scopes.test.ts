import {
  completedElements,
  deploy,
  history,
  HOUR,
  jobsNow,
  jobsWhere,
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

function run(processId: string, batch: string, items: string[] | string) {
  return engine().zeebe.createProcessInstanceWithResult({
    bpmnProcessId: processId,
    variables: { batch, items },
  });
}

const ofBatch = (batch: string) => (job: { variables: Record<string, unknown> }) =>
  job.variables.batch === batch;

describe('multi-instance sub-processes and the multi-instance body', () => {
  beforeAll(async () => {
    await deploy(
      engine(),
      'mi-parallel-sub-process.bpmn',
      'mi-sequential-sub-process.bpmn',
      'mi-boundary.bpmn',
      'mi-error-boundary.bpmn',
      'mi-terminate.bpmn',
    );
  });

  test('a parallel multi-instance sub-process runs one instance per item; its activities see the item and loop counter', async () => {
    // given
    const t = engine();
    const result = run('mi-parallel-sub-process', 'p1', ['a', 'b', 'c']);
    // when
    const jobs = await jobsWhere(t, 'mi-parallel-sub-process-work', ofBatch('p1'), 3);
    for (const job of [...jobs].reverse()) {
      await t.zeebe.completeJob({ jobKey: job.key, variables: { result: `${String(job.variables.item)}!` } });
    }
    // then
    const seen = jobs.map((job) => [job.variables.item, job.variables.loopCounter]).sort();
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const finished = await result;
    expect(finished.variables.results).toEqual(['a!', 'b!', 'c!']);
    expect(finished.variables).not.toHaveProperty('result');
    expect(finished.variables).not.toHaveProperty('item');
  });

  test('a sequential multi-instance sub-process runs its instances one after the other', async () => {
    // given
    const t = engine();
    const result = run('mi-sequential-sub-process', 's1', ['a', 'b']);
    // when
    const seen: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const job = await nextJobWhere(t, 'mi-sequential-sub-process-work', ofBatch('s1'));
      const alsoActivatable = (await jobsNow(t, 'mi-sequential-sub-process-work')).filter(ofBatch('s1'));
      seen.push([job.variables.item, alsoActivatable.length]);
      await t.zeebe.completeJob({ jobKey: job.key, variables: { result: i } });
    }
    // then
    expect(seen).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect((await result).variables.results).toEqual([0, 1]);
  });

  test('a boundary event on the multi-instance body terminates every instance; the output collection is not propagated', async () => {
    // given
    const t = engine();
    const base = Date.parse('2030-09-01T08:00:00Z');
    await pinClock(t, base);
    const result = run('mi-boundary', 'b1', ['a', 'b', 'c']);
    const jobs = await jobsWhere(t, 'mi-boundary-work', ofBatch('b1'), 3);
    await t.zeebe.completeJob({ jobKey: jobs[0].key, variables: { result: 'early' } });
    // when
    await moveClockTo(t, base + HOUR);
    // then
    const finished = await result;
    expect(finished.variables).not.toHaveProperty('results');
    const { records } = await waitForEnd(t, Number(finished.processInstanceKey));
    const terminated = records
      .filter((r) => r.intent === 'ELEMENT_TERMINATED')
      .map((r) => r.value.bpmnElementType);
    expect(terminated).toEqual(['SERVICE_TASK', 'SERVICE_TASK', 'MULTI_INSTANCE_BODY']);
    expect(completedElements(records).slice(-3)).toEqual([
      'Timer_AllTooSlow',
      'EndEvent_TooSlow',
      'mi-boundary',
    ]);
    await expect(t.zeebe.completeJob({ jobKey: jobs[1].key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('an error thrown in one instance is caught by a boundary event on the body, which ends every instance', async () => {
    // given
    const t = engine();
    const key = await start(t, 'mi-error-boundary', { items: ['a', 'b', 'c'] });
    const jobs = await jobsWhere(t, 'mi-error-work', (job) => Number(job.processInstanceKey) === key, 3);
    // when
    await t.zeebe.throwError({ jobKey: jobs[1].key, errorCode: 'ITEM_FAILED', errorMessage: 'bad item' });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    const terminated = records
      .filter((r) => r.intent === 'ELEMENT_TERMINATED')
      .map((r) => r.value.bpmnElementType);
    expect(terminated).toEqual(['SERVICE_TASK', 'SERVICE_TASK', 'SERVICE_TASK', 'MULTI_INSTANCE_BODY']);
    expect(completedElements(records).slice(-3)).toEqual([
      'Error_ItemFailed',
      'EndEvent_Failed',
      'mi-error-boundary',
    ]);
  });

  test('a terminate end event in a multi-instance sub-process ends only its own instance', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'mi-terminate', { items: ['stop', 'go'] });
    const survivor = await nextJob(t, 'mi-terminate-work', key);
    // then
    const records = await history(t, key);
    expect(completedElements(records)).toContain('EndEvent_Terminate');
    expect(completedElements(records)).not.toContain('mi-terminate');
    expect(terminatedElements(records)).toEqual(['Task_Work']);
    expect(survivor.variables.item).toBe('go');
    await t.zeebe.completeJob({ jobKey: survivor.key, variables: {} });
    expect((await waitForEnd(t, key)).state).toBe('COMPLETED');
  });
});
