import { type JsonObject } from '../feel/expression';
import { type Agenda } from './agenda';
import { type EngineClock } from './clock';
import { type EngineState } from './state/engine-state';

/** What the runtime tells the outside world once a batch is committed. */
export interface Notifier {
  /** Jobs of this type may be activatable now. */
  jobsAvailable(type: string): void;
  /** A process instance completed or was terminated (answers CreateProcessInstanceWithResult). */
  processInstanceEnded(
    processInstanceKey: number,
    state: 'COMPLETED' | 'TERMINATED',
    variables: JsonObject,
  ): void;
  /** Timers, job deadlines, back-offs or message lifetimes changed: re-plan the next wake-up. */
  scheduleChanged(): void;
}

/** The context every runtime function works in. */
export interface Runtime {
  readonly state: EngineState;
  readonly clock: EngineClock;
  readonly notify: Notifier;
  readonly agenda: Agenda;
}

/** Appends to the instance history (the `record` table). */
export function record(
  rt: Runtime,
  valueType: string,
  intent: string,
  key: number,
  processInstanceKey: number | undefined,
  value: JsonObject,
): void {
  rt.state.record({ key, processInstanceKey, valueType, intent, timestamp: rt.clock.now(), value });
}
