import { type FlowNode, type ProcessModel, type ScopeContents, type SequenceFlow } from './model';
import { optional } from './optional-fields';
import { type NodeDraft, type ProcessDraft, type ScopeDraft } from './process-draft';

/** The finished, frozen model of a validated draft. */
export function toProcessModel(draft: ProcessDraft): ProcessModel {
  const nodes = new Map<string, FlowNode>();
  draft.nodes.forEach((node, id) => nodes.set(id, toFlowNode(node)));
  const flows = new Map<string, SequenceFlow>();
  draft.flows.forEach((flow, id) => flows.set(id, Object.freeze({ ...flow })));
  const startEvents = draft.scope.startEvents.map((id) => nodes.get(id) as FlowNode);
  const ofKind = (kind: string) =>
    Object.freeze(startEvents.filter((start) => start.event?.kind === kind).map((start) => start.id));
  return Object.freeze({
    id: draft.id,
    ...optional('name', draft.name),
    ...optional('versionTag', draft.versionTag),
    scope: toScope(draft.scope),
    startEvents: Object.freeze({
      ...optional('none', draft.scope.noneStartEvent),
      message: ofKind('message'),
      timer: ofKind('timer'),
      signal: ofKind('signal'),
    }),
    nodes,
    flows,
    linkCatches: new Map([...draft.linkCatches].map(([scopeId, catches]) => [scopeId, new Map(catches)])),
  });
}

function toFlowNode(node: NodeDraft): FlowNode {
  const { incoming, outgoing, boundaryEvents, scope, ...rest } = node;
  const defined = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  ) as typeof rest;
  return deepFreeze({
    ...defined,
    incoming: [...incoming],
    outgoing: [...outgoing],
    boundaryEvents: [...boundaryEvents],
    ...optional('scope', scope && toScope(scope)),
  });
}

function toScope(scope: ScopeDraft): ScopeContents {
  return deepFreeze({
    children: [...scope.children],
    ...optional('noneStartEvent', scope.noneStartEvent),
    eventSubProcesses: [...scope.eventSubProcesses],
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const property of Object.values(value)) {
    if (typeof property === 'object' && property !== null && !Object.isFrozen(property)) deepFreeze(property);
  }
  return Object.freeze(value);
}
