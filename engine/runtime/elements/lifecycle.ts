import { type FlowNode, type ProcessModel } from '../../bpmn/model';
import { type JsonObject } from '../../feel/expression';
import { evaluateInputMappings, evaluateOutputMappings } from '../../feel/mappings';
import { closeSubscriptions, openSubscriptions, prepareSubscriptions } from '../events/subscriptions';
import { closeIncidentsOf, raiseIncident } from '../incidents';
import { cancelJobOf } from '../jobs';
import { record, type Runtime } from '../runtime';
import { type ElementInstance, type ElementState } from '../state/entities';
import { cancelUserTaskOf } from '../user-tasks';
import {
  forgetVariables,
  localVariables,
  propagateVariables,
  setLocalVariables,
  visibleVariables,
} from '../variables';
import { activationStep } from './activation';
import { arriveAt, checkInclusiveJoins, hasWaitingTokens } from './gateways';
import { innerCompletion, innerInstanceEnded, isInnerInstance } from './multi-instance';
import { processEnded } from './process-instance';

export interface ActivateOptions {
  /** Variables an event brought (message, signal, error); merged when the element completes. */
  readonly eventVariables?: JsonObject;
  /** The event that fired (catch events after an event-based gateway, event sub-process start). */
  readonly triggeredBy?: string;
  /** Multi-instance inner instance: its position and local variables (input element, loop counter). */
  readonly inner?: { readonly loopCounter: number; readonly locals: JsonObject };
}

export function modelOf(rt: Runtime, instance: ElementInstance): ProcessModel {
  const definition = rt.state.definitions.get(instance.processDefinitionKey);
  if (!definition)
    throw new Error(`engine state: process definition ${instance.processDefinitionKey} is unknown`);
  return definition.model;
}

export function nodeOf(rt: Runtime, instance: ElementInstance): FlowNode {
  const node = modelOf(rt, instance).nodes.get(instance.elementId);
  if (!node) throw new Error(`engine state: element '${instance.elementId}' is not in its process`);
  return node;
}

/** A token enters `node` inside `scope`: creates the element instance and activates it. */
export function activateElement(
  rt: Runtime,
  scope: ElementInstance,
  node: FlowNode,
  options: ActivateOptions = {},
): void {
  const asBody = node.multiInstance !== undefined && options.inner === undefined;
  const instance = rt.state.elements.insert({
    ...childInstance(rt, scope, node.id, asBody ? 'MULTI_INSTANCE_BODY' : node.type, 'ACTIVATING'),
    ...(options.eventVariables ? { eventVariables: options.eventVariables } : {}),
    ...(options.triggeredBy ? { triggeredBy: options.triggeredBy } : {}),
    ...(options.inner ? { loopCounter: options.inner.loopCounter } : {}),
  });
  if (options.inner) setLocalVariables(rt, instance, options.inner.locals);
  tryActivate(rt, instance);
}

/** A new element instance inside `scope`. */
export function childInstance(
  rt: Runtime,
  scope: ElementInstance,
  elementId: string,
  elementType: ElementInstance['elementType'],
  state: ElementState,
): ElementInstance {
  return {
    key: rt.state.newKey(),
    processInstanceKey: scope.processInstanceKey,
    flowScopeKey: scope.key,
    elementId,
    elementType,
    state,
    processDefinitionKey: scope.processDefinitionKey,
    bpmnProcessId: scope.bpmnProcessId,
    version: scope.version,
    tenantId: scope.tenantId,
    startDate: rt.clock.now(),
  };
}

/**
 * Activation: input mappings, the element's own preparation and its boundary events are evaluated
 * first; if any fails, an incident holds the element in ACTIVATING (resolving it retries from here).
 */
export function tryActivate(rt: Runtime, instance: ElementInstance): void {
  const node = instance.elementType === 'PROCESS' ? undefined : nodeOf(rt, instance);
  const isBody = instance.elementType === 'MULTI_INSTANCE_BODY';
  if (node && !isBody && node.inputs.length > 0) {
    const mapped = evaluateInputMappings(node.inputs, visibleVariables(rt, instance.key));
    if (!mapped.ok) return void raiseIncident(rt, instance, 'IO_MAPPING_ERROR', mapped.message);
    setLocalVariables(rt, instance, mapped.value);
  }
  const boundaries = node && !isInnerInstance(instance) ? boundaryNodes(rt, instance, node) : [];
  const prepared = prepareSubscriptions(rt, instance.key, boundaries);
  if (!prepared.ok) return void raiseIncident(rt, instance, prepared.errorType, prepared.message);
  const step = activationStep(rt, rt.state.elements.require(instance.key), node);
  if ('incident' in step)
    return void raiseIncident(rt, instance, step.incident.errorType, step.incident.message);
  const activated = setState(rt, instance.key, 'ACTIVATED');
  record(
    rt,
    'PROCESS_INSTANCE',
    'ELEMENT_ACTIVATED',
    instance.key,
    instance.processInstanceKey,
    describe(activated),
  );
  openSubscriptions(rt, activated, prepared.subscriptions);
  step.then(activated);
}

function boundaryNodes(rt: Runtime, instance: ElementInstance, node: FlowNode): FlowNode[] {
  const model = modelOf(rt, instance);
  return node.boundaryEvents.map((id) => model.nodes.get(id)!);
}

export interface CompleteOptions {
  /** Without output mappings, are the variables propagated (default) or dropped? */
  readonly propagate?: boolean;
  /** Gateways: the flows chosen; default: all outgoing flows. */
  readonly flows?: readonly string[];
  /** Event-based gateway: the event at the end of the chosen flow has already fired, with these variables. */
  readonly triggered?: { readonly eventVariables: JsonObject };
}

/**
 * The element's work is done (job completed, message arrived, child scope ended). Variables it
 * brings are set locally when the element has output mappings, or else propagated.
 */
export function completeElement(
  rt: Runtime,
  instance: ElementInstance,
  variables?: JsonObject,
  options: CompleteOptions = {},
): void {
  const current = rt.state.elements.require(instance.key);
  if (variables && Object.keys(variables).length > 0) {
    const node = current.elementType === 'PROCESS' ? undefined : nodeOf(rt, current);
    const outputs = node && current.elementType !== 'MULTI_INSTANCE_BODY' && node.outputs.length > 0;
    if (outputs) setLocalVariables(rt, current, variables);
    else if (options.propagate !== false) propagateVariables(rt, current.key, variables);
  }
  setState(rt, current.key, 'COMPLETING');
  tryComplete(rt, current, options.flows, options.triggered);
}

/** Completion: output mappings (an incident holds the element in COMPLETING), then the token leaves. */
export function tryComplete(
  rt: Runtime,
  instance: ElementInstance,
  flows?: readonly string[],
  triggered?: CompleteOptions['triggered'],
): void {
  const node = instance.elementType === 'PROCESS' ? undefined : nodeOf(rt, instance);
  let outputs: JsonObject | undefined;
  if (node && instance.elementType !== 'MULTI_INSTANCE_BODY' && node.outputs.length > 0) {
    const mapped = evaluateOutputMappings(node.outputs, visibleVariables(rt, instance.key));
    if (!mapped.ok) return void raiseIncident(rt, instance, 'IO_MAPPING_ERROR', mapped.message);
    outputs = mapped.value;
  }
  const inner = node && isInnerInstance(instance) ? innerCompletion(rt, instance, node) : undefined;
  if (inner && 'incident' in inner)
    return void raiseIncident(rt, instance, inner.incident.errorType, inner.incident.message);
  if (outputs && instance.flowScopeKey !== null) propagateVariables(rt, instance.flowScopeKey, outputs);
  closeSubscriptions(rt, instance.key);
  if (!node) {
    const variables = localVariables(rt, instance.key);
    return processEnded(rt, finish(rt, instance, 'COMPLETED'), 'COMPLETED', variables);
  }
  const final = finish(rt, instance, 'COMPLETED');
  if (inner) return innerInstanceEnded(rt, final, inner.condition);
  leave(rt, final, node, flows, triggered);
}

/** Takes the outgoing flows of a completed element (or ends its token). */
function leave(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode,
  chosen?: readonly string[],
  triggered?: CompleteOptions['triggered'],
): void {
  const scopeKey = instance.flowScopeKey!;
  const model = modelOf(rt, instance);
  if (node.event?.kind === 'link' && node.type === 'INTERMEDIATE_THROW_EVENT') {
    const target = model.linkCatches.get(node.scopeId)?.get(node.event.linkName);
    if (target) {
      rt.agenda.depart(scopeKey);
      rt.agenda.push(() => arriveAtElement(rt, scopeKey, target));
      return;
    }
  }
  const flows = chosen ?? node.outgoing;
  for (const flowId of flows) {
    record(rt, 'PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', rt.state.newKey(), instance.processInstanceKey, {
      elementId: flowId,
      flowScopeKey: scopeKey,
      bpmnProcessId: instance.bpmnProcessId,
    });
    rt.agenda.depart(scopeKey);
    const flow = model.flows.get(flowId)!;
    const options: ActivateOptions | undefined = triggered
      ? { eventVariables: triggered.eventVariables, triggeredBy: flow.targetId }
      : undefined;
    rt.agenda.push(() => arriveAt(rt, scopeKey, flow, options));
  }
  if (flows.length === 0) childEnded(rt, scopeKey);
  else if (hasWaitingTokens(rt.state.elements.get(scopeKey), 'inclusive', model)) {
    rt.agenda.push(() => checkInclusiveJoins(rt, scopeKey));
  }
}

function arriveAtElement(rt: Runtime, scopeKey: number, elementId: string): void {
  if (!rt.agenda.arrive(scopeKey)) return;
  const scope = rt.state.elements.get(scopeKey);
  if (!scope || scope.state !== 'ACTIVATED') return;
  activateElement(rt, scope, modelOf(rt, scope).nodes.get(elementId)!);
}

/**
 * A token ended in a scope. When nothing is left in it (no element, no token on its way, none
 * waiting at a join), the scope completes.
 */
export function childEnded(rt: Runtime, scopeKey: number): void {
  const scope = rt.state.elements.get(scopeKey);
  if (!scope || scope.state !== 'ACTIVATED' || scope.elementType === 'MULTI_INSTANCE_BODY') return;
  if (hasWaitingTokens(scope, 'inclusive', modelOf(rt, scope))) {
    rt.agenda.push(() => {
      checkInclusiveJoins(rt, scopeKey);
      scopeMayComplete(rt, scopeKey);
    });
    return;
  }
  scopeMayComplete(rt, scopeKey);
}

function scopeMayComplete(rt: Runtime, scopeKey: number): void {
  const scope = rt.state.elements.get(scopeKey);
  if (!scope || scope.state !== 'ACTIVATED') return;
  if (rt.state.childrenOf.size(String(scopeKey)) > 0 || rt.agenda.tokensOnTheWay(scopeKey) > 0) return;
  if (hasWaitingTokens(scope, 'any', modelOf(rt, scope))) return;
  completeElement(rt, scope);
}

/** Ends an element instance and everything inside it (children, job, user task, called process). */
export function terminateElement(rt: Runtime, instance: ElementInstance): void {
  terminateChildren(rt, instance.key);
  const current = rt.state.elements.get(instance.key);
  if (!current) return;
  cancelJobOf(rt, current);
  cancelUserTaskOf(rt, current);
  if (current.calledProcessInstanceKey !== undefined) {
    const called = rt.state.elements.get(current.calledProcessInstanceKey);
    if (called) terminateElement(rt, called);
  }
  closeSubscriptions(rt, current.key);
  closeIncidentsOf(rt, current.key);
  const final = finish(rt, current, 'TERMINATED');
  if (final.elementType === 'PROCESS') processEnded(rt, final, 'TERMINATED', {});
}

export function terminateChildren(rt: Runtime, scopeKey: number, except?: number): void {
  for (const key of [...rt.state.childrenOf.keys(String(scopeKey))]) {
    if (key === except) continue;
    const child = rt.state.elements.get(key);
    if (child) terminateElement(rt, child);
  }
  rt.agenda.voidTokens(scopeKey);
  const scope = rt.state.elements.get(scopeKey);
  if (scope?.joins) rt.state.elements.update(scopeKey, { joins: undefined });
}

/** The instance leaves memory; its final row stays in the database as history. */
function finish(rt: Runtime, instance: ElementInstance, state: 'COMPLETED' | 'TERMINATED'): ElementInstance {
  forgetVariables(rt, instance.key);
  const final: ElementInstance = {
    ...rt.state.elements.require(instance.key),
    state,
    endDate: rt.clock.now(),
  };
  rt.state.elements.remove(instance.key, final);
  const intent = state === 'COMPLETED' ? 'ELEMENT_COMPLETED' : 'ELEMENT_TERMINATED';
  record(rt, 'PROCESS_INSTANCE', intent, instance.key, instance.processInstanceKey, describe(final));
  return final;
}

export function setState(rt: Runtime, key: number, state: ElementState): ElementInstance {
  return rt.state.elements.update(key, { state });
}

/** The record value of an element instance. */
export function describe(instance: ElementInstance) {
  return {
    elementId: instance.elementId,
    bpmnElementType: instance.elementType,
    flowScopeKey: instance.flowScopeKey ?? -1,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    version: instance.version,
    ...(instance.parentProcessInstanceKey === undefined
      ? {}
      : {
          parentProcessInstanceKey: instance.parentProcessInstanceKey,
          parentElementInstanceKey: instance.parentElementInstanceKey!,
        }),
  };
}
