import { type JsonObject } from '../../feel/expression';
import {
  activateElement,
  completeElement,
  modelOf,
  terminateChildren,
  terminateElement,
} from '../elements/lifecycle';
import { type Runtime } from '../runtime';
import { type ElementInstance } from '../state/entities';
import { closeSubscriptions } from './subscriptions';

/**
 * An event the owner subscribed to has fired (message correlated, timer due, signal broadcast):
 * the waiting catch event completes, a boundary event interrupts or branches off its activity, an
 * event sub-process starts in its scope, or an event-based gateway takes the event's branch.
 */
export function triggerEvent(
  rt: Runtime,
  owner: ElementInstance,
  eventElementId: string,
  variables: JsonObject,
): void {
  const current = rt.state.elements.get(owner.key);
  if (!current || current.state !== 'ACTIVATED') return;
  const model = modelOf(rt, current);
  const event = model.nodes.get(eventElementId)!;
  if (current.elementId === eventElementId) return completeElement(rt, current, variables);
  if (current.elementType === 'EVENT_BASED_GATEWAY') {
    const flow = event.incoming.find((id) => model.flows.get(id)!.sourceId === current.elementId);
    closeSubscriptions(rt, current.key);
    return completeElement(rt, current, undefined, {
      flows: flow ? [flow] : [],
      triggered: { eventVariables: variables },
    });
  }
  if (event.attachedTo === current.elementId) {
    const scope = rt.state.elements.require(current.flowScopeKey!);
    if (event.interrupting !== false) terminateElement(rt, current);
    return activateElement(rt, scope, event, { eventVariables: variables });
  }
  const eventSubProcess = model.nodes.get(event.scopeId)!;
  if (event.interrupting !== false) interruptScope(rt, current);
  activateElement(rt, rt.state.elements.require(current.key), eventSubProcess, {
    triggeredBy: event.id,
    eventVariables: variables,
  });
}

/**
 * An interrupting event sub-process takes over its scope: everything else in the scope ends, and
 * the scope's other event sub-processes can no longer start.
 */
export function interruptScope(rt: Runtime, scope: ElementInstance): void {
  terminateChildren(rt, scope.key);
  const model = modelOf(rt, scope);
  const contents = scope.elementType === 'PROCESS' ? model.scope : model.nodes.get(scope.elementId)!.scope!;
  const starts = new Set(contents.eventSubProcesses.flatMap((id) => model.nodes.get(id)!.scope!.children));
  closeSubscriptions(rt, scope.key, (elementId) => starts.has(elementId));
  rt.state.elements.update(scope.key, { interrupted: true });
}
