import { type FlowNode } from '../../bpmn/model';
import { expressionText, type JsonObject, type JsonValue } from '../../feel/expression';
import { evaluateBoolean, evaluateList, evaluateValue } from '../../feel/evaluate';
import { type Runtime } from '../runtime';
import { type ElementInstance, type IncidentErrorType } from '../state/entities';
import { localVariables, propagateVariables, setLocalVariable, visibleVariables } from '../variables';
import { type ActivationStep, incident } from './activation';
import { activateElement, completeElement, nodeOf, terminateElement } from './lifecycle';

/** Whether the instance is an inner instance of a multi-instance body. */
export function isInnerInstance(instance: ElementInstance): boolean {
  return instance.loopCounter !== undefined && instance.elementType !== 'MULTI_INSTANCE_BODY';
}

/**
 * The body evaluates the input collection, initialises the output collection (a list of nulls) and
 * starts the inner instances: all at once (parallel) or one after the other (sequential).
 */
export function activateBody(rt: Runtime, body: ElementInstance, node: FlowNode): ActivationStep {
  const mi = node.multiInstance!;
  const collection = evaluateList(mi.inputCollection, visibleVariables(rt, body.key));
  if (!collection.ok) return incident('EXTRACT_VALUE_ERROR', collection.message);
  const items = collection.value;
  return {
    then: (activated) => {
      const withState = rt.state.elements.update(activated.key, {
        multiInstance: { total: items.length, next: 0, completed: 0, terminated: 0, items },
      });
      if (mi.outputCollection)
        setLocalVariable(
          rt,
          withState,
          mi.outputCollection,
          items.map(() => null),
        );
      if (items.length === 0) return completeBody(rt, withState, node);
      const startNow = mi.sequential ? 1 : items.length;
      for (let i = 0; i < startNow; i++) startInner(rt, body.key, node, i);
    },
  };
}

function startInner(rt: Runtime, bodyKey: number, node: FlowNode, index: number): void {
  const body = rt.state.elements.require(bodyKey);
  const state = body.multiInstance!;
  rt.state.elements.update(bodyKey, { multiInstance: { ...state, next: index + 1 } });
  const mi = node.multiInstance!;
  const locals: JsonObject = { loopCounter: index + 1 };
  if (mi.inputElement) locals[mi.inputElement] = state.items[index] ?? null;
  const outputName = mi.outputElement && plainVariable(mi.outputElement);
  if (outputName && outputName !== mi.inputElement && outputName !== 'loopCounter') locals[outputName] = null;
  activateElement(rt, rt.state.elements.require(bodyKey), node, {
    inner: { loopCounter: index + 1, locals },
  });
}

/** `=result` or `=a.b` names a variable the inner instance should start with (as null). */
function plainVariable(
  expression: NonNullable<FlowNode['multiInstance']>['outputElement'],
): string | undefined {
  const text = expression ? expressionText(expression) : '';
  const match = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text);
  return match?.[1];
}

export type InnerCompletion =
  | { readonly incident: { readonly errorType: IncidentErrorType; readonly message: string } }
  | { readonly condition: boolean };

/**
 * The fallible part of an inner instance completing: its output element goes into the body's output
 * collection, and the completion condition is evaluated.
 */
export function innerCompletion(rt: Runtime, inner: ElementInstance, node: FlowNode): InnerCompletion {
  const mi = node.multiInstance!;
  const body = rt.state.elements.require(inner.flowScopeKey!);
  const variables = visibleVariables(rt, inner.key);
  if (mi.outputCollection && mi.outputElement) {
    const element = evaluateValue(mi.outputElement, variables);
    if (!element.ok) return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message: element.message } };
    const current = localVariables(rt, body.key)[mi.outputCollection];
    const list: JsonValue[] = Array.isArray(current) ? [...current] : [];
    list[inner.loopCounter! - 1] = element.value;
    setLocalVariable(
      rt,
      body,
      mi.outputCollection,
      list.map((item) => item ?? null),
    );
  }
  if (!mi.completionCondition) return { condition: false };
  const state = body.multiInstance!;
  const active = rt.state.childrenOf.size(String(body.key));
  const result = evaluateBoolean(mi.completionCondition, {
    ...variables,
    numberOfInstances: mi.sequential ? state.next : state.total,
    numberOfActiveInstances: active - 1,
    numberOfCompletedInstances: state.completed + 1,
    numberOfTerminatedInstances: state.terminated,
  });
  if (!result.ok) return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message: result.message } };
  return { condition: result.value };
}

/** An inner instance completed: start the next one, or complete the body when all are done or the condition holds. */
export function innerInstanceEnded(rt: Runtime, inner: ElementInstance, conditionMet: boolean): void {
  const bodyKey = inner.flowScopeKey!;
  const body = rt.state.elements.get(bodyKey);
  if (!body || body.state !== 'ACTIVATED') return;
  const state = body.multiInstance!;
  const updated = rt.state.elements.update(bodyKey, {
    multiInstance: { ...state, completed: state.completed + 1 },
  });
  const node = nodeOf(rt, updated);
  if (conditionMet) {
    let terminated = 0;
    for (const key of [...rt.state.childrenOf.keys(String(bodyKey))]) {
      terminateElement(rt, rt.state.elements.require(key));
      terminated++;
    }
    const now = rt.state.elements.require(bodyKey);
    rt.state.elements.update(bodyKey, {
      multiInstance: { ...now.multiInstance!, terminated: now.multiInstance!.terminated + terminated },
    });
    return completeBody(rt, rt.state.elements.require(bodyKey), node);
  }
  const mi = updated.multiInstance!;
  if (node.multiInstance!.sequential && mi.next < mi.total) return startInner(rt, bodyKey, node, mi.next);
  if (rt.state.childrenOf.size(String(bodyKey)) === 0) completeBody(rt, updated, node);
}

/** The body completes: its output collection is propagated to the flow scope. */
function completeBody(rt: Runtime, body: ElementInstance, node: FlowNode): void {
  const name = node.multiInstance!.outputCollection;
  if (name && body.flowScopeKey !== null) {
    propagateVariables(rt, body.flowScopeKey, { [name]: localVariables(rt, body.key)[name] ?? [] });
  }
  completeElement(rt, body);
}
