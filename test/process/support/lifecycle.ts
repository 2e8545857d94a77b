import type { ComplaintIntake, EvidenceInput } from '../../../db/intake';
import { addEvidence, customerResponds, type FiledComplaint, fileComplaint, withdraw } from './complaints';
import { type Harness, type HarnessOptions, startHarness } from './harness';
import {
  breaches,
  closingMetrics,
  history,
  instanceState,
  notifications,
  notified,
  penalties,
  record,
  waitForState,
} from './records';
import { moveClockTo, settled } from './settle';
import { claim, complete, type OpenTask, processVariable, taskFor, type UserTaskId } from './tasks';

/**
 * The lifecycle of a test file: one engine and database, started before its tests and stopped after
 * them, and the helpers the tests are written in, bound to it. Read them as the business speaks.
 */
export function useLifecycle(options: HarnessOptions = {}) {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });
  const h = (): Harness => {
    if (!harness) throw new Error('the lifecycle harness is not started (use it inside a test)');
    return harness;
  };
  return {
    harness: h,
    now: () => h().now(),
    fileComplaint: (intake?: Partial<ComplaintIntake>) => fileComplaint(h(), intake),
    taskFor: (complaint: FiledComplaint, elementId: UserTaskId) => taskFor(h(), complaint, elementId),
    claim: (task: OpenTask, as: { as: string }) => claim(h(), task, as),
    complete: (task: OpenTask, form: Record<string, unknown>, as: { as: string }) =>
      complete(h(), task, form, as),
    customerResponds: (complaint: FiledComplaint, response: 'accept' | 'appeal', reason?: string) =>
      customerResponds(h(), complaint, response, reason),
    withdraw: (complaint: FiledComplaint, reason?: string) => withdraw(h(), complaint, reason),
    addEvidence: (complaint: FiledComplaint, items?: readonly EvidenceInput[]) =>
      addEvidence(h(), complaint, items),
    moveClockTo: (instant: Date) => moveClockTo(h(), instant),
    settled: () => settled(h()),
    variable: (complaint: FiledComplaint, name: string) => processVariable(h(), complaint, name),
    record: (complaint: FiledComplaint) => record(h(), complaint),
    waitForState: (complaint: FiledComplaint, state: Parameters<typeof waitForState>[2]) =>
      waitForState(h(), complaint, state),
    history: (complaint: FiledComplaint) => history(h(), complaint),
    penalties: (complaint: FiledComplaint) => penalties(h(), complaint),
    breaches: (complaint: FiledComplaint) => breaches(h(), complaint),
    notifications: (complaint: FiledComplaint) => notifications(h(), complaint),
    notified: (complaint: FiledComplaint) => notified(h(), complaint),
    instanceState: (complaint: FiledComplaint) => instanceState(h(), complaint),
    closingMetrics: (complaint: FiledComplaint) => closingMetrics(h(), complaint),
  };
}

export type Lifecycle = ReturnType<typeof useLifecycle>;
