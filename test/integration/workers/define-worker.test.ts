import path from 'node:path';
import { Type } from 'typebox';
import { ForegroundGate } from '../../../lib/foreground-gate';
import { createLogger } from '../../../lib/logger';
import { startWorkers, type RunningWorkers } from '../../../workers';
import { defineWorker } from '../../../workers/runtime/define-worker';
import { bpmnError, complete, JobDataError } from '../../../workers/runtime/job-outcome';
import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
const running: RunningWorkers[] = [];
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  t = await startTestEngine();
  await t.zeebe.deployResource({ processFilename: path.join(__dirname, 'fixtures/one-job.bpmn') });
});
afterAll(async () => {
  await Promise.all(running.map((w) => w.close()));
  await t.stop();
});

/** Starts one worker of `jobType` with the real adapter. */
function run(worker: ReturnType<typeof defineWorker>): void {
  running.push(
    startWorkers(t.zeebe, { db: undefined as never, rest: t.rest, now: () => new Date(), log }, [worker]),
  );
}

async function incidentOf(processInstanceKey: string) {
  return eventually(
    async () => {
      const found = await t.rest.searchIncidents({ filter: { processInstanceKey } } as never);
      return (found as { items: Array<{ errorMessage: string; errorType: string }> }).items[0];
    },
    10_000,
    'an incident',
  );
}

test('a worker reads the variables and headers its schemas name, and completes with its outcome', async () => {
  // given a worker that echoes what it read
  run(
    defineWorker({
      jobType: 'echo',
      variables: Type.Object({ name: Type.String() }),
      headers: Type.Object({ mode: Type.String() }),
      handle: async (job) =>
        complete({
          greeting: `${job.headers.mode}:${job.variables.name}`,
          sawOther: 'other' in job.variables,
        }),
    }),
  );
  // when an instance runs
  const result = await t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'one-job',
    variables: { jobType: 'echo', name: '张三', other: 'not fetched' },
    requestTimeout: 20_000,
  });
  // then only the declared variables were fetched, and the outcome went back into the process
  expect(result.variables).toMatchObject({ greeting: 'normal:张三', sawOther: false });
});

test('while the HTTP server is busy, a job waits at the gate before its handler runs', async () => {
  // given a worker whose gate says the server is busy
  const gate = new ForegroundGate(30_000);
  gate.setBusy(true);
  const handled: string[] = [];
  running.push(
    startWorkers(t.zeebe, { db: undefined as never, rest: t.rest, now: () => new Date(), log, gate }, [
      defineWorker({
        jobType: 'gated',
        variables: Type.Object({ name: Type.String() }),
        handle: async (job) => {
          handled.push(job.variables.name);
          return complete();
        },
      }),
    ]),
  );
  try {
    // when an instance waits on its job
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'one-job',
      variables: { jobType: 'gated', name: 'held' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // then the handler has not run
    expect(handled).toEqual([]);
    // when the server is quiet again, it runs
    gate.setBusy(false);
    await eventually(() => handled.length > 0, 10_000, 'the job handled');
    expect(handled).toEqual(['held']);
  } finally {
    gate.close();
  }
});

test('variables that do not match the schema raise an incident at once, naming every bad field', async () => {
  // given a worker that needs a number
  run(
    defineWorker({
      jobType: 'needs-number',
      variables: Type.Object({ amount: Type.Number(), day: Type.String() }),
      handle: async () => complete(),
    }),
  );
  // when the instance carries a string instead
  const started = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'one-job',
    variables: { jobType: 'needs-number', amount: 'lots' },
  });
  // then an incident says what is wrong
  const incident = await incidentOf(started.processInstanceKey);
  expect(incident.errorType).toBe('JOB_NO_RETRIES');
  expect(incident.errorMessage).toMatch(
    /needs-number: the job's data is invalid: .*variable \/day: is required.*variable \/amount: must be number|needs-number: the job's data is invalid: .*variable \/amount: must be number.*variable \/day: is required/,
  );
});

test('a JobDataError from the handler raises an incident with its message', async () => {
  // given a worker whose data lookup finds nothing
  run(
    defineWorker({
      jobType: 'missing-record',
      variables: Type.Object({}),
      handle: async () => {
        throw new JobDataError('complaint 123 does not exist');
      },
    }),
  );
  // when
  const started = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'one-job',
    variables: { jobType: 'missing-record' },
  });
  // then
  expect((await incidentOf(started.processInstanceKey)).errorMessage).toBe(
    'missing-record: complaint 123 does not exist',
  );
});

test('an unexpected exception is retried after a back-off, and the job then succeeds', async () => {
  // given a worker that fails once, then works
  let calls = 0;
  run(
    defineWorker({
      jobType: 'flaky',
      variables: Type.Object({}),
      handle: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database connection reset');
        return complete({ calls });
      },
    }),
  );
  // when the instance runs and the engine clock passes the back-off
  const started = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'one-job',
    variables: { jobType: 'flaky' },
  });
  await eventually(
    async () =>
      (await t.engine.records(Number(started.processInstanceKey))).some((r) => r.intent === 'FAILED'),
    10_000,
    'the first attempt to fail',
  );
  t.engine.clock.pin(Date.now() + 60_000);
  // then the second attempt completes the instance
  await eventually(
    async () => {
      const records = await t.engine.records(Number(started.processInstanceKey));
      return records.some((r) => r.intent === 'ELEMENT_COMPLETED' && r.value.elementId === 'End_Done');
    },
    10_000,
    'the instance to complete',
  );
  t.engine.clock.reset();
  expect(calls).toBe(2);
});

test('a BPMN error outcome is caught by the diagram', async () => {
  // given
  run(
    defineWorker({
      jobType: 'refuse',
      variables: Type.Object({}),
      bpmnErrors: ['BUSINESS_OUTCOME'],
      handle: async () => bpmnError('BUSINESS_OUTCOME', 'not possible'),
    }),
  );
  // when
  const started = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'one-job',
    variables: { jobType: 'refuse' },
  });
  // then the error path ends the instance
  await eventually(
    async () => {
      const records = await t.engine.records(Number(started.processInstanceKey));
      return records.some((r) => r.intent === 'ELEMENT_COMPLETED' && r.value.elementId === 'End_Business');
    },
    10_000,
    'the error end',
  );
});
