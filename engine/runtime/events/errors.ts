import { type FlowNode } from '../../bpmn/model';
import { expressionText, type JsonObject } from '../../feel/expression';
import { activateElement, modelOf, terminateElement } from '../elements/lifecycle';
import { type Runtime } from '../runtime';
import { type ElementInstance } from '../state/entities';
import { interruptScope } from './trigger';

/** Where a thrown BPMN error is caught. */
export type ErrorCatch =
  | { readonly kind: 'boundary'; readonly host: ElementInstance; readonly event: FlowNode }
  | { readonly kind: 'event-sub-process'; readonly scope: ElementInstance; readonly start: FlowNode };

/**
 * Finds the catch event for an error thrown at `thrower`: scope by scope upwards (through call
 * activities into the calling process), at each level the event sub-process start events first, then
 * the boundary events; a catch event with the thrown code wins over a catch-all one.
 */
export function findErrorCatch(rt: Runtime, thrower: ElementInstance, code: string): ErrorCatch | undefined {
  for (let level: ElementInstance | undefined = thrower; level; level = parentLevel(rt, level)) {
    if (level !== thrower && (level.state !== 'ACTIVATED' || level.interrupted)) return undefined;
    const candidates = catchCandidates(rt, level);
    const found = candidates.find((c) => c.code === code) ?? candidates.find((c) => c.code === undefined);
    if (found) return found.target;
  }
  return undefined;
}

/**
 * The error codes of catch events available when none matched (for the incident message): level by
 * level as the search went, each level's codes in descending order as Zeebe sorts them.
 */
export function availableErrorCodes(rt: Runtime, thrower: ElementInstance): string[] {
  const codes: string[] = [];
  for (let level: ElementInstance | undefined = thrower; level; level = parentLevel(rt, level)) {
    if (level !== thrower && (level.state !== 'ACTIVATED' || level.interrupted)) break;
    const levelCodes = catchCandidates(rt, level).flatMap((c) => (c.code === undefined ? [] : [c.code]));
    codes.push(...levelCodes.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  }
  return codes;
}

function parentLevel(rt: Runtime, level: ElementInstance): ElementInstance | undefined {
  if (level.flowScopeKey !== null) return rt.state.elements.get(level.flowScopeKey);
  return level.parentElementInstanceKey === undefined
    ? undefined
    : rt.state.elements.get(level.parentElementInstanceKey);
}

function catchCandidates(rt: Runtime, level: ElementInstance): Array<{ code?: string; target: ErrorCatch }> {
  const model = modelOf(rt, level);
  const candidates: Array<{ code?: string; target: ErrorCatch }> = [];
  const scope = level.elementType === 'PROCESS' ? model.scope : model.nodes.get(level.elementId)?.scope;
  const isInner = level.loopCounter !== undefined && level.elementType !== 'MULTI_INSTANCE_BODY';
  if (scope && level.elementType !== 'MULTI_INSTANCE_BODY') {
    for (const espId of scope.eventSubProcesses) {
      for (const childId of model.nodes.get(espId)!.scope!.children) {
        const start = model.nodes.get(childId)!;
        if (start.type === 'START_EVENT' && start.event?.kind === 'error') {
          candidates.push({
            code: staticCode(start),
            target: { kind: 'event-sub-process', scope: level, start },
          });
        }
      }
    }
  }
  const node = level.elementType === 'PROCESS' ? undefined : model.nodes.get(level.elementId);
  if (node && !isInner) {
    for (const boundaryId of node.boundaryEvents) {
      const event = model.nodes.get(boundaryId)!;
      if (event.event?.kind === 'error')
        candidates.push({ code: staticCode(event), target: { kind: 'boundary', host: level, event } });
    }
  }
  return candidates;
}

function staticCode(node: FlowNode): string | undefined {
  const code = node.event?.kind === 'error' ? node.event.errorCode : undefined;
  if (!code) return undefined;
  const text = expressionText(code);
  return text === '' ? undefined : text;
}

/**
 * The error is caught: the activity the boundary event sits on ends (with everything in it, the
 * thrower included), or the event sub-process takes over its scope.
 */
export function catchError(rt: Runtime, target: ErrorCatch, variables: JsonObject): void {
  if (target.kind === 'boundary') {
    const host = rt.state.elements.require(target.host.key);
    const scope = rt.state.elements.require(host.flowScopeKey!);
    terminateElement(rt, host);
    activateElement(rt, scope, target.event, { eventVariables: variables });
    return;
  }
  const model = modelOf(rt, target.scope);
  interruptScope(rt, rt.state.elements.require(target.scope.key));
  activateElement(rt, rt.state.elements.require(target.scope.key), model.nodes.get(target.start.scopeId)!, {
    triggeredBy: target.start.id,
    eventVariables: variables,
  });
}

/** Zeebe's incident text for an error nobody catches. */
export function unhandledErrorMessage(code: string, message: string, available: readonly string[]): string {
  const withMessage = message ? ` with message '${message}'` : '';
  const tail =
    available.length === 0
      ? ' No error events are available in the scope.'
      : ` Available error events are [${available.join(', ')}]`;
  return `Expected to throw an error event with the code '${code}'${withMessage}, but it was not caught.${tail}`;
}
