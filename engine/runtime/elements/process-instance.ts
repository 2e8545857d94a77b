import { type FlowNode, type ProcessModel, type ScopeContents } from '../../bpmn/model';
import { type JsonObject } from '../../feel/expression';
import { startNextBufferedMessage } from '../events/messages';
import { openSubscriptions, prepareSubscriptions } from '../events/subscriptions';
import { record, type Runtime } from '../runtime';
import { type ElementInstance, type ProcessDefinition } from '../state/entities';
import { setLocalVariables } from '../variables';
import { type ActivationStep, incident } from './activation';
import { calledProcessEnded } from './call-activity';
import { activateElement, childInstance, describe, modelOf, tryActivate } from './lifecycle';

export interface NewInstance {
  readonly variables?: JsonObject;
  /** Start at this start event (message, timer, signal start) instead of the none start event. */
  readonly startEventId?: string;
  /** Variables the start event brought (message/signal payload). */
  readonly eventVariables?: JsonObject;
  /** Start instructions: activate these elements instead of a start event. */
  readonly startInstructions?: readonly string[];
  /** Created by a call activity. */
  readonly parent?: ElementInstance;
  /** Started by a message with this correlation key. */
  readonly messageStartCorrelationKey?: string;
}

/** Creates and starts a process instance; returns its key. Callers validate the start first. */
export function createProcessInstance(
  rt: Runtime,
  definition: ProcessDefinition,
  options: NewInstance = {},
): ElementInstance {
  const key = rt.state.newKey();
  const root = rt.state.elements.insert({
    key,
    processInstanceKey: key,
    flowScopeKey: null,
    elementId: definition.bpmnProcessId,
    elementType: 'PROCESS',
    state: 'ACTIVATING',
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    tenantId: definition.tenantId,
    startDate: rt.clock.now(),
    ...(options.parent
      ? {
          parentProcessInstanceKey: options.parent.processInstanceKey,
          parentElementInstanceKey: options.parent.key,
        }
      : {}),
    ...(options.startEventId ? { triggeredBy: options.startEventId } : {}),
    ...(options.eventVariables ? { eventVariables: options.eventVariables } : {}),
    ...(options.startInstructions ? { startInstructions: options.startInstructions } : {}),
    ...(options.messageStartCorrelationKey !== undefined
      ? { messageStartCorrelationKey: options.messageStartCorrelationKey }
      : {}),
  });
  record(rt, 'PROCESS_INSTANCE_CREATION', 'CREATED', key, key, { ...describe(root) });
  if (options.variables) setLocalVariables(rt, root, options.variables);
  tryActivate(rt, root);
  return root;
}

/** A process starts: it subscribes to its event sub-processes, then starts at its start event. */
export function activateProcessScope(rt: Runtime, root: ElementInstance): ActivationStep {
  const model = modelOf(rt, root);
  return scopeStep(rt, root, model, model.scope, (activated) => {
    if (activated.startInstructions) {
      for (const elementId of activated.startInstructions) startAt(rt, activated, model, elementId);
      return;
    }
    const startId = activated.triggeredBy ?? model.startEvents.none!;
    activateElement(rt, activated, model.nodes.get(startId)!, {
      ...(activated.eventVariables ? { eventVariables: activated.eventVariables } : {}),
    });
  });
}

/** A sub-process starts at its none start event; an event sub-process at the start event that fired. */
export function activateSubProcessScope(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode,
): ActivationStep {
  const model = modelOf(rt, instance);
  const scope = node.scope!;
  return scopeStep(rt, instance, model, scope, (activated) => {
    const startId = activated.triggeredBy ?? scope.noneStartEvent!;
    activateElement(rt, activated, model.nodes.get(startId)!, {
      ...(activated.eventVariables ? { eventVariables: activated.eventVariables } : {}),
    });
  });
}

function scopeStep(
  rt: Runtime,
  instance: ElementInstance,
  model: ProcessModel,
  scope: ScopeContents,
  start: (activated: ElementInstance) => void,
): ActivationStep {
  const starts = scope.eventSubProcesses
    .map((id) => model.nodes.get(id)!)
    .flatMap((esp) => esp.scope!.children.map((id) => model.nodes.get(id)!))
    .filter((child) => child.type === 'START_EVENT');
  // Zeebe opens these after the start event, so their expressions see the variables it brought
  // (e.g. a correlation key from the message that started the instance): evaluate them with those.
  const prepared = prepareSubscriptions(rt, instance.key, starts, instance.eventVariables);
  if (!prepared.ok) return incident(prepared.errorType, prepared.message);
  return {
    then: (activated) => {
      openSubscriptions(rt, activated, prepared.subscriptions);
      start(activated);
    },
  };
}

/** Start instruction: activates an element directly, creating the sub-processes around it. */
function startAt(rt: Runtime, root: ElementInstance, model: ProcessModel, elementId: string): void {
  const node = model.nodes.get(elementId)!;
  if (node.scopeId === model.id) return activateElement(rt, root, node);
  const chain: FlowNode[] = [];
  for (let scope = model.nodes.get(node.scopeId); scope; scope = model.nodes.get(scope.scopeId))
    chain.unshift(scope);
  let parent = root;
  for (const container of chain) {
    parent = rt.state.elements.insert(childInstance(rt, parent, container.id, container.type, 'ACTIVATED'));
    record(rt, 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', parent.key, root.key, describe(parent));
  }
  activateElement(rt, parent, node);
}

/** A process instance ended: answer whoever waits for it, hand control back to a calling process. */
export function processEnded(
  rt: Runtime,
  root: ElementInstance,
  state: 'COMPLETED' | 'TERMINATED',
  variables: JsonObject,
): void {
  rt.state.afterCommit(() => rt.notify.processInstanceEnded(root.key, state, variables));
  if (state === 'COMPLETED' && root.parentElementInstanceKey !== undefined) {
    calledProcessEnded(rt, root.parentElementInstanceKey, variables);
  }
  if (root.messageStartCorrelationKey)
    startNextBufferedMessage(rt, root.bpmnProcessId, root.messageStartCorrelationKey);
}
