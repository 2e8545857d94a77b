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
      for (let i = 0; i < startNow; i++) rt.agenda.push(() => startInner(rt, body.key, node, i));
    },
  };
}

/** Starts the inner instance for item `index` (from the agenda: the body may have ended meanwhile). */
function startInner(rt: Runtime, bodyKey: number, node: FlowNode, index: number): void {
  const body = rt.state.elements.get(bodyKey);
  if (!body || body.state !== 'ACTIVATED') return;
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
 * The fallible part of an inner instance completing, in Zeebe's order: its output element goes into
 * the body's output collection, the completion condition is evaluated, and the input collection is
 * read again (a sequential body takes its next item from the collection as it is now).
 */
export function innerCompletion(rt: Runtime, inner: ElementInstance, node: FlowNode): InnerCompletion {
  const mi = node.multiInstance!;
  const body = rt.state.elements.require(inner.flowScopeKey!);
  const variables = visibleVariables(rt, inner.key);
  if (mi.outputCollection && mi.outputElement) {
    const element = evaluateValue(mi.outputElement, variables);
    if (!element.ok) return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message: element.message } };
    const current = localVariables(rt, body.key)[mi.outputCollection];
    const list = replaceItem(mi.outputCollection, current, inner.loopCounter!, element.value);
    if ('incident' in list) return list;
    setLocalVariable(rt, body, mi.outputCollection, list);
  }
  let condition = false;
  if (mi.completionCondition) {
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
    condition = result.value;
  }
  const collection = evaluateList(mi.inputCollection, visibleVariables(rt, body.key));
  if (!collection.ok) return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message: collection.message } };
  if (mi.sequential) {
    const state = rt.state.elements.require(body.key).multiInstance!;
    const items = collection.value;
    rt.state.elements.update(body.key, { multiInstance: { ...state, items, total: items.length } });
  }
  return { condition };
}

/**
 * The output collection with the item at `loopCounter` (1-based) replaced. As in Zeebe, it must
 * still be a list long enough: another element may have overwritten the variable.
 */
function replaceItem(
  name: string,
  current: JsonValue | undefined,
  loopCounter: number,
  item: JsonValue,
): JsonValue[] | { readonly incident: { readonly errorType: IncidentErrorType; readonly message: string } } {
  const hint = 'This may happen when multiple BPMN elements write to the same variable.';
  if (current === undefined) {
    const message = `Expected the output collection variable '${name}' to be of type list, but it was NIL`;
    return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message } };
  }
  if (!Array.isArray(current)) {
    const message = `Unable to update an item in output collection '${name}' because the type of the output collection is: ${msgPackType(current)}. ${hint}`;
    return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message } };
  }
  if (loopCounter > current.length) {
    const message = `Unable to update an item in output collection '${name}' at position ${loopCounter} because the size of the collection is: ${current.length}. ${hint}`;
    return { incident: { errorType: 'EXTRACT_VALUE_ERROR', message } };
  }
  const list = [...current];
  list[loopCounter - 1] = item;
  return list;
}

/** The MessagePack type Zeebe names for a variable value. */
function msgPackType(value: JsonValue): string {
  if (value === null) return 'NIL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return Array.isArray(value) ? 'ARRAY' : 'MAP';
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
  if (node.multiInstance!.sequential && mi.next < mi.total) {
    const next = mi.next;
    return void rt.agenda.push(() => startInner(rt, bodyKey, node, next));
  }
  if (mi.completed + mi.terminated >= mi.total) completeBody(rt, updated, node);
}

/** The body completes: its output collection is propagated to the flow scope. */
function completeBody(rt: Runtime, body: ElementInstance, node: FlowNode): void {
  const name = node.multiInstance!.outputCollection;
  if (name && body.flowScopeKey !== null) {
    propagateVariables(rt, body.flowScopeKey, { [name]: localVariables(rt, body.key)[name] ?? [] });
  }
  completeElement(rt, body);
}
