import path from 'node:path';
import { type Zeebe } from '@camunda8/sdk';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { waitForEnd } from './history';

/**
 * Shared steps of the element conformance tests. Everything goes through the unmodified SDK
 * clients (`t.zeebe`, `t.rest`); outcomes are read from what workers receive (./jobs.ts) and from
 * the engine's append-only history (./history.ts).
 */
export * from './history';
export * from './jobs';

type Variables = Parameters<Zeebe.ZeebeGrpcClient['createProcessInstance']>[0]['variables'];

/** One engine for the test file; the clock is back on system time after each test. */
export function useEngine(): () => TestEngine {
  let t: TestEngine | undefined;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterEach(async () => {
    await t?.rest.resetClock();
  });
  afterAll(async () => {
    await t?.stop();
  });
  return () => {
    if (!t) throw new Error('the engine is not started yet');
    return t;
  };
}

/** Deploys fixtures from ./fixtures (each as its own deployment, in order). */
export async function deploy(t: TestEngine, ...fixtures: string[]): Promise<void> {
  for (const fixture of fixtures) {
    await t.zeebe.deployResource({ processFilename: path.join(__dirname, 'fixtures', fixture) });
  }
}

/** Starts an instance of the latest version; returns its key. */
export async function start(
  t: TestEngine,
  bpmnProcessId: string,
  variables: Variables = {},
): Promise<number> {
  const started = await t.zeebe.createProcessInstance({ bpmnProcessId, variables });
  return Number(started.processInstanceKey);
}

/** Pins the engine clock (through the SDK's REST client). */
export async function pinClock(t: TestEngine, epochMs: number): Promise<void> {
  await t.rest.pinInternalClock(epochMs);
}

/**
 * Pins the engine clock at `epochMs` and returns once every timer that is due by then has fired: a
 * barrier instance waits for a timer due at exactly `epochMs`, and the engine fires all timers due
 * at a time together, earliest first.
 */
export async function moveClockTo(t: TestEngine, epochMs: number): Promise<void> {
  await deploy(t, 'clock-barrier.bpmn');
  const barrier = await start(t, 'clock-barrier', { dueAt: new Date(epochMs).toISOString() });
  await pinClock(t, epochMs);
  await waitForEnd(t, barrier);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
