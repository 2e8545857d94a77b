import {
  deploy,
  jobsNow,
  jobsWhere,
  nextJob,
  nextJobWhere,
  start,
  useEngine,
  waitForEnd,
  waitForIncident,
} from './conformance';

const engine = useEngine();

/** Starts an instance that answers with its variables when it completes; its jobs carry `batch`. */
function run(processId: string, batch: string, items: string[] | string) {
  return engine().zeebe.createProcessInstanceWithResult({
    bpmnProcessId: processId,
    variables: { batch, items },
  });
}

const ofBatch = (batch: string) => (job: { variables: Record<string, unknown> }) =>
  job.variables.batch === batch;

describe('multi-instance service tasks', () => {
  beforeAll(async () => {
    await deploy(
      engine(),
      'mi-parallel-task.bpmn',
      'mi-sequential-task.bpmn',
      'mi-completion-condition.bpmn',
    );
  });

  test('a parallel multi-instance task creates one job per item at once, each with its item and loop counter', async () => {
    // given
    const t = engine();
    const result = run('mi-parallel-task', 'p1', ['a', 'b', 'c']);
    // when
    const jobs = await jobsWhere(t, 'mi-parallel-work', ofBatch('p1'), 3);
    // then
    const seen = jobs.map((job) => [job.variables.item, job.variables.loopCounter]).sort();
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    for (const job of jobs) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    await result;
  });

  test('the output collection holds the results in input order, whatever order the instances complete in', async () => {
    // given
    const t = engine();
    const result = run('mi-parallel-task', 'p2', ['a', 'b', 'c']);
    const jobs = await jobsWhere(t, 'mi-parallel-work', ofBatch('p2'), 3);
    // when
    const byCounterDescending = [...jobs].sort(
      (x, y) => Number(y.variables.loopCounter) - Number(x.variables.loopCounter),
    );
    for (const job of byCounterDescending) {
      await t.zeebe.completeJob({
        jobKey: job.key,
        variables: { result: String(job.variables.item).toUpperCase() },
      });
    }
    // then
    expect((await result).variables.results).toEqual(['A', 'B', 'C']);
  });

  test('a sequential multi-instance task creates the next job only when the previous one is completed', async () => {
    // given
    const t = engine();
    const result = run('mi-sequential-task', 's1', ['a', 'b', 'c']);
    // when
    const seen: Array<[unknown, unknown, number]> = [];
    for (let i = 0; i < 3; i++) {
      const job = await nextJobWhere(t, 'mi-sequential-work', ofBatch('s1'));
      const alsoActivatable = (await jobsNow(t, 'mi-sequential-work')).filter(ofBatch('s1')).length;
      seen.push([job.variables.item, job.variables.loopCounter, alsoActivatable]);
      await t.zeebe.completeJob({
        jobKey: job.key,
        variables: { result: `done-${String(job.variables.item)}` },
      });
    }
    // then
    expect(seen).toEqual([
      ['a', 1, 0],
      ['b', 2, 0],
      ['c', 3, 0],
    ]);
    expect((await result).variables.results).toEqual(['done-a', 'done-b', 'done-c']);
  });

  test('a sequential multi-instance reads the input collection again for each iteration', async () => {
    // given
    const t = engine();
    const result = run('mi-sequential-task', 's2', ['a', 'b', 'c']);
    const first = await nextJobWhere(t, 'mi-sequential-work', ofBatch('s2'));
    // when: the first iteration replaces the items still to come
    await t.zeebe.completeJob({ jobKey: first.key, variables: { items: ['a', 'x', 'y'] } });
    const items: unknown[] = [first.variables.item];
    for (let i = 0; i < 2; i++) {
      const job = await nextJobWhere(t, 'mi-sequential-work', ofBatch('s2'));
      items.push(job.variables.item);
      await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    }
    // then
    expect(items).toEqual(['a', 'x', 'y']);
    await result;
  });

  test('an output collection overwritten by another element raises an EXTRACT_VALUE_ERROR incident', async () => {
    // given
    const t = engine();
    const key = await start(t, 'mi-sequential-task', { batch: 's3', items: ['a', 'b'] });
    const first = await nextJob(t, 'mi-sequential-work', key);
    // when: the worker's variables land on the body's output collection
    await t.zeebe.completeJob({ jobKey: first.key, variables: { results: 'overwritten' } });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'Task_PerItem',
      errorMessage:
        "Unable to update an item in output collection 'results' because the type of the output collection is: STRING. This may happen when multiple BPMN elements write to the same variable.",
    });
  });

  test('an empty input collection completes the body at once with an empty output collection', async () => {
    // when
    const result = await run('mi-parallel-task', 'e1', []);
    // then
    expect(result.variables.results).toEqual([]);
    expect(await jobsNow(engine(), 'mi-parallel-work')).toEqual([]);
  });

  test('a completion condition on numberOfCompletedInstances ends the body early and terminates the other instances', async () => {
    // given
    const t = engine();
    const result = run('mi-completion-condition', 'c1', ['a', 'b', 'c']);
    const jobs = await jobsWhere(t, 'mi-condition-work', ofBatch('c1'), 3);
    const [first, second, third] = [...jobs].sort(
      (x, y) => Number(x.variables.loopCounter) - Number(y.variables.loopCounter),
    );
    // when
    await t.zeebe.completeJob({ jobKey: first.key, variables: { result: 'r1' } });
    await t.zeebe.completeJob({ jobKey: second.key, variables: { result: 'r2' } });
    // then
    const { records } = await waitForEnd(t, Number(first.processInstanceKey));
    expect((await result).variables.results).toEqual(['r1', 'r2', null]);
    const terminated = records.filter((r) => r.intent === 'ELEMENT_TERMINATED');
    expect(terminated.map((r) => r.value.elementId)).toEqual(['Task_PerItem']);
    await expect(t.zeebe.completeJob({ jobKey: third.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('an input collection that is not a list raises an EXTRACT_VALUE_ERROR incident', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'mi-parallel-task', { batch: 'x1', items: 'a,b,c' });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'Task_PerItem',
      errorMessage: "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.",
    });
  });

  test('resolving the input collection incident after SetVariables starts the instances', async () => {
    // given
    const t = engine();
    const key = await start(t, 'mi-parallel-task', { batch: 'x2', items: 'a,b' });
    const incident = await waitForIncident(t, key);
    // when
    await t.zeebe.setVariables({
      elementInstanceKey: String(key),
      variables: { items: ['a', 'b'] },
      local: false,
    });
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    // then
    const jobs = await jobsWhere(t, 'mi-parallel-work', ofBatch('x2'), 2);
    expect(jobs.map((job) => job.variables.item).sort()).toEqual(['a', 'b']);
  });
});
