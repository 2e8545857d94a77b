import { type FlowNode } from '../../bpmn/model';
import { type JsonObject } from '../../feel/expression';
import { evaluateCorrelationKey, evaluateString } from '../../feel/evaluate';
import { evaluateTimer, type TimerSchedule } from '../../feel/timer';
import { type ElementInstance, type IncidentErrorType } from '../state/entities';
import { record, type Runtime } from '../runtime';
import { visibleVariables } from '../variables';
import { correlateBufferedMessage } from './messages';

/** An event subscription, evaluated (names, correlation keys, due dates) and ready to open. */
export interface PreparedSubscription {
  readonly node: FlowNode;
  readonly interrupting: boolean;
  readonly message?: { readonly name: string; readonly correlationKey: string };
  readonly timer?: TimerSchedule;
  readonly signal?: { readonly name: string };
}

export type Prepared =
  | { readonly ok: true; readonly subscriptions: PreparedSubscription[] }
  | { readonly ok: false; readonly errorType: IncidentErrorType; readonly message: string };

/**
 * Evaluates the subscriptions of the given event elements in the variables of `contextScopeKey`.
 * Evaluation can fail (an incident); opening them afterwards cannot.
 */
export function prepareSubscriptions(
  rt: Runtime,
  contextScopeKey: number,
  nodes: readonly FlowNode[],
  /** Variables about to be set in the scope (a start event's payload), visible to the expressions. */
  incoming?: JsonObject,
): Prepared {
  const subscriptions: PreparedSubscription[] = [];
  let context: ReturnType<typeof visibleVariables> | undefined;
  const variables = () => (context ??= { ...visibleVariables(rt, contextScopeKey), ...(incoming ?? {}) });
  for (const node of nodes) {
    const event = node.event;
    const interrupting = node.interrupting ?? true;
    if (event?.kind === 'message') {
      const name = evaluateString(event.messageName, variables());
      if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
      const key = event.correlationKey
        ? evaluateCorrelationKey(event.correlationKey, variables())
        : { ok: true as const, value: '' };
      // the message already reads "Failed to extract the correlation key for '<expression>': …"
      if (!key.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: key.message };
      subscriptions.push({ node, interrupting, message: { name: name.value, correlationKey: key.value } });
    } else if (event?.kind === 'timer') {
      const timer = evaluateTimer(event.timerType, event.value, variables(), rt.clock.now());
      if (!timer.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: timer.message };
      subscriptions.push({ node, interrupting, timer: timer.value });
    } else if (event?.kind === 'signal') {
      const name = evaluateString(event.signalName, variables());
      if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
      subscriptions.push({ node, interrupting, signal: { name: name.value } });
    }
  }
  return { ok: true, subscriptions };
}

/** Opens prepared subscriptions owned by `owner` (closed again when the owner ends). */
export function openSubscriptions(
  rt: Runtime,
  owner: ElementInstance,
  subscriptions: readonly PreparedSubscription[],
): void {
  for (const sub of subscriptions) {
    const key = rt.state.newKey();
    if (sub.message) {
      rt.state.messageSubscriptions.insert({
        key,
        messageName: sub.message.name,
        correlationKey: sub.message.correlationKey,
        elementId: sub.node.id,
        elementInstanceKey: owner.key,
        processInstanceKey: owner.processInstanceKey,
        bpmnProcessId: owner.bpmnProcessId,
        interrupting: sub.interrupting,
        tenantId: owner.tenantId,
      });
      record(rt, 'PROCESS_MESSAGE_SUBSCRIPTION', 'CREATED', key, owner.processInstanceKey, {
        messageName: sub.message.name,
        correlationKey: sub.message.correlationKey,
        elementId: sub.node.id,
        elementInstanceKey: owner.key,
      });
      rt.agenda.push(() => correlateBufferedMessage(rt, key));
    } else if (sub.timer) {
      openTimer(rt, owner, sub.node, sub.timer);
    } else if (sub.signal) {
      rt.state.signalSubscriptions.insert({
        key,
        signalName: sub.signal.name,
        elementId: sub.node.id,
        elementInstanceKey: owner.key,
        processInstanceKey: owner.processInstanceKey,
        tenantId: owner.tenantId,
      });
      record(rt, 'SIGNAL_SUBSCRIPTION', 'CREATED', key, owner.processInstanceKey, {
        signalName: sub.signal.name,
        elementId: sub.node.id,
      });
    }
  }
}

export function openTimer(rt: Runtime, owner: ElementInstance, node: FlowNode, timer: TimerSchedule): void {
  const key = rt.state.newKey();
  rt.state.timers.insert({
    key,
    dueAt: timer.dueAt,
    repetitions: timer.repetitions,
    ...(timer.cycle === undefined ? {} : { cycle: timer.cycle }),
    elementId: node.id,
    processDefinitionKey: owner.processDefinitionKey,
    elementInstanceKey: owner.key,
    processInstanceKey: owner.processInstanceKey,
    tenantId: owner.tenantId,
  });
  record(rt, 'TIMER', 'CREATED', key, owner.processInstanceKey, {
    elementId: node.id,
    dueDate: timer.dueAt,
    repetitions: timer.repetitions,
  });
  rt.state.afterCommit(() => rt.notify.scheduleChanged());
}

/**
 * Closes the subscriptions `ownerKey` holds; with `only`, just those of the event elements it names
 * (e.g. the event sub-process starts of a scope, but not the scope's own boundary events).
 */
export function closeSubscriptions(
  rt: Runtime,
  ownerKey: number,
  only?: (elementId: string) => boolean,
): void {
  const owner = String(ownerKey);
  for (const key of [...rt.state.messageSubscriptionsOf.keys(owner)]) {
    const sub = rt.state.messageSubscriptions.require(key);
    if (only && !only(sub.elementId)) continue;
    rt.state.messageSubscriptions.remove(key);
    record(rt, 'PROCESS_MESSAGE_SUBSCRIPTION', 'DELETED', key, sub.processInstanceKey, {
      elementId: sub.elementId,
    });
  }
  for (const key of [...rt.state.timersOf.keys(owner)]) {
    const timer = rt.state.timers.require(key);
    if (only && !only(timer.elementId)) continue;
    rt.state.timers.remove(key);
    record(rt, 'TIMER', 'CANCELED', key, timer.processInstanceKey, { elementId: timer.elementId });
  }
  for (const key of [...rt.state.signalSubscriptionsOf.keys(owner)]) {
    const sub = rt.state.signalSubscriptions.require(key);
    if (only && !only(sub.elementId)) continue;
    rt.state.signalSubscriptions.remove(key);
    record(rt, 'SIGNAL_SUBSCRIPTION', 'DELETED', key, sub.processInstanceKey, { elementId: sub.elementId });
  }
}
