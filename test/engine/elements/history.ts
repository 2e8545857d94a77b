import { type EngineRecord } from '../../../engine';
import { eventually, type TestEngine } from '../../helpers/engine';

/** Reading the engine's append-only history of a process instance (`t.engine.records`). */

export const history = (t: TestEngine, processInstanceKey: number): Promise<EngineRecord[]> =>
  t.engine.records(processInstanceKey);

/** Element ids with the given lifecycle intent, in the order they happened. */
export function elementsWith(records: readonly EngineRecord[], intent: string): string[] {
  return records.filter((r) => r.intent === intent).map((r) => String(r.value.elementId));
}

export const completedElements = (records: readonly EngineRecord[]) =>
  elementsWith(records, 'ELEMENT_COMPLETED');
export const terminatedElements = (records: readonly EngineRecord[]) =>
  elementsWith(records, 'ELEMENT_TERMINATED');
export const activatedElements = (records: readonly EngineRecord[]) =>
  elementsWith(records, 'ELEMENT_ACTIVATED');

/** Waits until the instance's history holds a record matching `predicate`; returns the history. */
export async function waitForRecord(
  t: TestEngine,
  processInstanceKey: number,
  predicate: (record: EngineRecord) => boolean,
  what: string,
): Promise<EngineRecord[]> {
  return eventually(
    async () => {
      const records = await history(t, processInstanceKey);
      return records.some(predicate) ? records : undefined;
    },
    10_000,
    what,
  );
}

/** Waits until the element `elementId` has completed `times` times in the instance. */
export function waitForCompleted(
  t: TestEngine,
  processInstanceKey: number,
  elementId: string,
  times = 1,
): Promise<EngineRecord[]> {
  return eventually(
    async () => {
      const records = await history(t, processInstanceKey);
      return completedElements(records).filter((id) => id === elementId).length >= times
        ? records
        : undefined;
    },
    10_000,
    `'${elementId}' completed ${times} time(s)`,
  );
}

/** Waits until the process instance has ended; returns how, and its history. */
export async function waitForEnd(
  t: TestEngine,
  processInstanceKey: number,
): Promise<{ state: 'COMPLETED' | 'TERMINATED'; records: EngineRecord[] }> {
  const isEnd = (r: EngineRecord) =>
    r.key === processInstanceKey && (r.intent === 'ELEMENT_COMPLETED' || r.intent === 'ELEMENT_TERMINATED');
  const records = await waitForRecord(t, processInstanceKey, isEnd, `instance ${processInstanceKey} to end`);
  const end = records.find(isEnd)!;
  return { state: end.intent === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED', records };
}

export interface RaisedIncident {
  readonly key: string;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly elementId: string;
}

/** Waits for the `nth` incident (1-based) of the instance. */
export async function waitForIncident(
  t: TestEngine,
  processInstanceKey: number,
  nth = 1,
): Promise<RaisedIncident> {
  const records = await eventually(
    async () => {
      const all = await history(t, processInstanceKey);
      return all.filter(isIncident).length >= nth ? all : undefined;
    },
    10_000,
    `incident #${nth} in instance ${processInstanceKey}`,
  );
  const incident = records.filter(isIncident)[nth - 1];
  return {
    key: String(incident.key),
    errorType: String(incident.value.errorType),
    errorMessage: String(incident.value.errorMessage),
    elementId: String(incident.value.elementId),
  };
}

const isIncident = (r: EngineRecord) => r.valueType === 'INCIDENT' && r.intent === 'CREATED';
