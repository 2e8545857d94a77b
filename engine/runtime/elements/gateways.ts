import { type FlowNode, type ProcessModel, type SequenceFlow } from '../../bpmn/model';
import { evaluateBoolean } from '../../feel/evaluate';
import { type Runtime } from '../runtime';
import { type ElementInstance } from '../state/entities';
import { visibleVariables } from '../variables';
import { incident, type IncidentStep } from './activation';
import { type ActivateOptions, activateElement, modelOf } from './lifecycle';

/**
 * Exclusive gateway: the first outgoing flow whose condition is true (in document order), else the
 * default flow. Inclusive gateway (fork): every flow whose condition is true, else the default flow.
 */
export function chooseFlows(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode,
): { readonly flows: readonly string[] } | IncidentStep {
  if (node.outgoing.length === 0) return { flows: [] };
  const model = modelOf(rt, instance);
  const candidates = node.outgoing.filter((id) => id !== node.defaultFlow);
  if (node.outgoing.length === 1 && !model.flows.get(node.outgoing[0])!.condition)
    return { flows: node.outgoing };
  const variables = visibleVariables(rt, instance.key);
  const chosen: string[] = [];
  for (const id of candidates) {
    const condition = model.flows.get(id)!.condition;
    if (!condition) {
      chosen.push(id);
    } else {
      const result = evaluateBoolean(condition, variables);
      if (!result.ok) return incident('EXTRACT_VALUE_ERROR', result.message);
      if (result.value) chosen.push(id);
    }
    if (chosen.length > 0 && instance.elementType === 'EXCLUSIVE_GATEWAY') break;
  }
  if (chosen.length === 0 && node.defaultFlow) chosen.push(node.defaultFlow);
  if (chosen.length === 0) {
    return incident(
      'CONDITION_ERROR',
      'Expected at least one condition to evaluate to true, or to have a default flow',
    );
  }
  return { flows: chosen };
}

const isJoin = (node: FlowNode) =>
  (node.type === 'PARALLEL_GATEWAY' || node.type === 'INCLUSIVE_GATEWAY') && node.incoming.length > 1;

/** A token taken along `flow` arrives at its target inside the scope. */
export function arriveAt(rt: Runtime, scopeKey: number, flow: SequenceFlow, options?: ActivateOptions): void {
  if (!rt.agenda.arrive(scopeKey)) return;
  const scope = rt.state.elements.get(scopeKey);
  if (!scope || scope.state !== 'ACTIVATED') return;
  const model = modelOf(rt, scope);
  const target = model.nodes.get(flow.targetId)!;
  if (!isJoin(target)) return activateElement(rt, scope, target, options);
  const joins = { ...(scope.joins ?? {}) };
  const waiting = { ...(joins[target.id] ?? {}) };
  waiting[flow.id] = (waiting[flow.id] ?? 0) + 1;
  joins[target.id] = waiting;
  rt.state.elements.update(scopeKey, { joins });
  if (target.type === 'PARALLEL_GATEWAY') {
    if (target.incoming.every((id) => (waiting[id] ?? 0) > 0)) fireJoin(rt, scopeKey, target);
  } else if (inclusiveJoinReady(rt, rt.state.elements.require(scopeKey), model, target)) {
    fireJoin(rt, scopeKey, target);
  }
}

/** Consumes one waiting token per incoming flow that has one, and activates the gateway. */
function fireJoin(rt: Runtime, scopeKey: number, gateway: FlowNode): void {
  const scope = rt.state.elements.require(scopeKey);
  const joins = { ...(scope.joins ?? {}) };
  const waiting: Record<string, number> = {};
  for (const [flowId, count] of Object.entries(joins[gateway.id] ?? {}))
    if (count > 1) waiting[flowId] = count - 1;
  if (Object.keys(waiting).length > 0) joins[gateway.id] = waiting;
  else delete joins[gateway.id];
  rt.state.elements.update(scopeKey, { joins: Object.keys(joins).length > 0 ? joins : undefined });
  activateElement(rt, rt.state.elements.require(scopeKey), gateway);
}

/** Whether tokens wait at joins of the scope: any join, or only inclusive ones. */
export function hasWaitingTokens(
  scope: ElementInstance | undefined,
  kind: 'any' | 'inclusive',
  model: ProcessModel,
): boolean {
  if (!scope?.joins) return false;
  if (kind === 'any') return Object.keys(scope.joins).length > 0;
  return Object.keys(scope.joins).some((id) => model.nodes.get(id)?.type === 'INCLUSIVE_GATEWAY');
}

/** Re-checks the inclusive joins of a scope after a token ended or moved (it may no longer reach them). */
export function checkInclusiveJoins(rt: Runtime, scopeKey: number): void {
  const scope = rt.state.elements.get(scopeKey);
  if (!scope || scope.state !== 'ACTIVATED' || !scope.joins) return;
  const model = modelOf(rt, scope);
  for (const gatewayId of Object.keys(scope.joins)) {
    const gateway = model.nodes.get(gatewayId)!;
    const current = rt.state.elements.get(scopeKey);
    if (gateway.type !== 'INCLUSIVE_GATEWAY' || !current?.joins?.[gatewayId]) continue;
    if (inclusiveJoinReady(rt, current, model, gateway)) fireJoin(rt, scopeKey, gateway);
  }
}

/**
 * An inclusive join fires when every incoming flow holds a token, or when no other token in the
 * scope (an active element, a token waiting at another join, or one on its way) can still reach
 * one of its incoming flows that holds none.
 */
function inclusiveJoinReady(
  rt: Runtime,
  scope: ElementInstance,
  model: ProcessModel,
  gateway: FlowNode,
): boolean {
  const waiting = scope.joins?.[gateway.id] ?? {};
  const empty = new Set(gateway.incoming.filter((id) => !(waiting[id] > 0)));
  if (empty.size === 0) return true;
  if (rt.agenda.tokensOnTheWay(scope.key) > 0) return false;
  const starts: string[] = [];
  for (const key of rt.state.childrenOf.keys(String(scope.key)))
    starts.push(rt.state.elements.require(key).elementId);
  for (const [otherId, flows] of Object.entries(scope.joins ?? {})) {
    if (otherId !== gateway.id && Object.values(flows).some((count) => count > 0)) starts.push(otherId);
  }
  return !starts.some((start) => canReach(model, start, gateway.id, empty));
}

/** Whether a token at `from` can travel to one of the `targetFlows` without passing through `gatewayId`. */
function canReach(
  model: ProcessModel,
  from: string,
  gatewayId: string,
  targetFlows: ReadonlySet<string>,
): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || id === gatewayId) continue;
    seen.add(id);
    const node = model.nodes.get(id);
    if (!node) continue;
    for (const flowId of node.outgoing) {
      if (targetFlows.has(flowId)) return true;
      stack.push(model.flows.get(flowId)!.targetId);
    }
    for (const boundaryId of node.boundaryEvents) stack.push(boundaryId);
    if (node.event?.kind === 'link' && node.type === 'INTERMEDIATE_THROW_EVENT') {
      const target = model.linkCatches.get(node.scopeId)?.get(node.event.linkName);
      if (target) stack.push(target);
    }
  }
  return false;
}
