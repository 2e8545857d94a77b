import { type JsonObject } from '../../feel/expression';
import { createProcessInstance } from '../elements/process-instance';
import { record, type Runtime } from '../runtime';
import { triggerEvent } from './trigger';

/**
 * A signal reaches every subscriber at once: waiting catch events, boundary events, event
 * sub-processes, and the signal start events of the latest version of each process. Nothing is
 * buffered: without subscribers the signal is simply gone.
 */
export function broadcastSignal(rt: Runtime, name: string, variables: JsonObject): number {
  const key = rt.state.newKey();
  record(rt, 'SIGNAL', 'BROADCASTED', key, undefined, { signalName: name });
  const subscriptions = [...rt.state.signalSubscriptionsByName.keys(name)].map((k) =>
    rt.state.signalSubscriptions.require(k),
  );
  for (const subscription of subscriptions) {
    if (!rt.state.signalSubscriptions.has(subscription.key)) continue; // closed by an earlier trigger
    const owner = rt.state.elements.get(subscription.elementInstanceKey);
    if (owner) triggerEvent(rt, owner, subscription.elementId, variables);
  }
  for (const start of rt.state.startEvents().signal.get(name) ?? []) {
    createProcessInstance(rt, start.definition, { startEventId: start.elementId, eventVariables: variables });
  }
  return key;
}
