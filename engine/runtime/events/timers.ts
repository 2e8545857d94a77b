import { nextCycleDueDate } from '../../feel/timer';
import { createProcessInstance } from '../elements/process-instance';
import { record, type Runtime } from '../runtime';
import { type Timer } from '../state/entities';
import { triggerEvent } from './trigger';

/**
 * Fires the timers due at `now` (each exactly once: the timer row is deleted in the same transaction
 * as what it triggers). A cycle schedules its next firing first, so that an interrupting trigger
 * that ends its owner also ends the cycle.
 */
export function triggerDueTimers(rt: Runtime, now: number, limit: number): number {
  const keys = rt.state.timers.takeDue(rt.state.timersDue, now, limit);
  for (const key of keys) {
    const timer = rt.state.timers.get(key);
    if (!timer) continue; // closed by an earlier trigger in this batch
    rt.state.timers.remove(key);
    record(rt, 'TIMER', 'TRIGGERED', key, timer.processInstanceKey, {
      elementId: timer.elementId,
      dueDate: timer.dueAt,
    });
    scheduleNextCycle(rt, timer);
    if (timer.elementInstanceKey === undefined) {
      const definition = rt.state.definitions.get(timer.processDefinitionKey);
      if (definition) createProcessInstance(rt, definition, { startEventId: timer.elementId });
    } else {
      const owner = rt.state.elements.get(timer.elementInstanceKey);
      if (owner) triggerEvent(rt, owner, timer.elementId, {});
    }
    rt.agenda.drain();
  }
  if (keys.length > 0) rt.state.afterCommit(() => rt.notify.scheduleChanged());
  return keys.length;
}

function scheduleNextCycle(rt: Runtime, timer: Timer): void {
  if (!timer.cycle || timer.repetitions === 0) return;
  const next = nextCycleDueDate(timer.cycle, timer.dueAt);
  if (next === null) return;
  const key = rt.state.newKey();
  rt.state.timers.insert({
    ...timer,
    key,
    dueAt: next,
    repetitions: timer.repetitions < 0 ? -1 : timer.repetitions - 1,
  });
  record(rt, 'TIMER', 'CREATED', key, timer.processInstanceKey, {
    elementId: timer.elementId,
    dueDate: next,
  });
}
