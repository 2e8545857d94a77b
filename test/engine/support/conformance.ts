import path from 'node:path';
import {
  type Job as SdkJob,
  type JSON as JsonValue,
  type ZBWorkerTaskHandler,
} from '@camunda8/sdk/dist/zeebe/types';
import { type EngineRecord } from '../../../engine';
import { eventually, type TestEngine } from '../../helpers/engine';

/**
 * Steps shared by the conformance tests of jobs, messages, signals and variables. Everything goes
 * through the unmodified SDK clients; outcomes are read from what workers get and from the engine's
 * history (`t.engine.records`).
 */

/** gRPC status codes as the SDK reports them in `error.code`. */
export const Code = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
} as const;

/** A job as the SDK hands it to a worker. */
export type Job = SdkJob;
/** A stream worker's job handler (`zeebe.streamJobs`). */
export type StreamHandler = ZBWorkerTaskHandler;
/** Variables as the SDK takes them. */
export type Variables = { [name: string]: JsonValue };

export function fixture(name: string): string {
  return path.join(__dirname, '..', 'fixtures', name);
}

/** Deploys BPMN files of test/engine/fixtures/. */
export async function deploy(t: TestEngine, ...names: string[]): Promise<void> {
  for (const name of names) await t.zeebe.deployResource({ processFilename: fixture(name) });
}

/** The gRPC error a call was rejected with; fails the test when the call succeeds. */
export async function rejectionOf(call: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await call;
  } catch (error) {
    const { code, details } = error as { code?: number; details?: string };
    return { code: code ?? -1, details: details ?? String(error) };
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}

export interface Activation {
  readonly max?: number;
  /** Job timeout in ms. */
  readonly timeout?: number;
  readonly fetchVariable?: string[];
  readonly worker?: string;
}

/** The jobs of `type` that are activatable right now (requestTimeout -1: no long poll). */
export function activateNow(t: TestEngine, type: string, options: Activation = {}): Promise<Job[]> {
  return t.zeebe.activateJobs({
    type,
    worker: options.worker ?? 'conformance-worker',
    maxJobsToActivate: options.max ?? 10,
    timeout: options.timeout ?? 60_000,
    requestTimeout: -1,
    ...(options.fetchVariable ? { fetchVariable: options.fetchVariable } : {}),
  });
}

/** One job of `type`, waiting for it with a long poll; fails when none comes. */
export async function activateOne(t: TestEngine, type: string, options: Activation = {}): Promise<Job> {
  const jobs = await t.zeebe.activateJobs({
    type,
    worker: options.worker ?? 'conformance-worker',
    maxJobsToActivate: 1,
    timeout: options.timeout ?? 60_000,
    requestTimeout: 10_000,
    ...(options.fetchVariable ? { fetchVariable: options.fetchVariable } : {}),
  });
  if (jobs.length !== 1) throw new Error(`expected a job of type '${type}', but none was activated`);
  return jobs[0];
}

export function history(t: TestEngine, processInstanceKey: string): Promise<EngineRecord[]> {
  return t.engine.records(Number(processInstanceKey));
}

/** Waits until the instance's history holds a record that `matches`, and returns it. */
export function waitForRecord(
  t: TestEngine,
  processInstanceKey: string,
  matches: (record: EngineRecord) => boolean,
  what: string,
): Promise<EngineRecord> {
  return eventually(async () => (await history(t, processInstanceKey)).find(matches), 10_000, what);
}

/** The instance's open incident (waits for it). */
export function incidentOf(t: TestEngine, processInstanceKey: string): Promise<EngineRecord> {
  return waitForRecord(
    t,
    processInstanceKey,
    (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    `an incident in instance ${processInstanceKey}`,
  );
}

/** Waits until the process instance completed or was terminated; returns that intent. */
export async function processEnd(t: TestEngine, processInstanceKey: string): Promise<string> {
  const end = await waitForRecord(
    t,
    processInstanceKey,
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.value.bpmnElementType === 'PROCESS' &&
      (r.intent === 'ELEMENT_COMPLETED' || r.intent === 'ELEMENT_TERMINATED'),
    `the end of instance ${processInstanceKey}`,
  );
  return end.intent;
}

/** Ids of the elements that reached `intent` (e.g. ELEMENT_COMPLETED), in order. */
export async function elementsWith(
  t: TestEngine,
  processInstanceKey: string,
  intent: 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETED' | 'ELEMENT_TERMINATED',
): Promise<string[]> {
  return (await history(t, processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === intent)
    .map((r) => String(r.value.elementId));
}

/** A normal instance still runs to completion (needs `pass-through.bpmn` deployed). */
export async function stillServes(t: TestEngine): Promise<void> {
  const result = await t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: 'pass-through',
    variables: { check: 'still serving' },
  });
  expect(result.variables).toEqual({ check: 'still serving' });
}
