import { bodyOf, childOf, childrenOf, idOf, nonBlankTextOf, type ModdleElement } from './moddle-element';
import { elementTypeOf, isActivity, isContainer, NON_EXECUTABLE_TYPES } from './element-types';
import { checkExpression } from './expression-checks';
import { rejectUnsupportedExtensions, singleExtension } from './read-extensions';
import { readNode } from './read-node';
import { type ScopeKind } from './read-event';
import { optional } from './optional-fields';
import { emptyScope, type FlowDraft, type ProcessDraft, type ScopeDraft } from './process-draft';
import { type Problems } from './problems';

/**
 * Reads one executable process into a draft model: every flow node with its scope, every sequence
 * flow connected to its source and target (in document order), default flows, boundary events on
 * their activities and link catch events by scope. Element-level problems go to `problems`.
 */
export function buildProcess(process: ModdleElement, problems: Problems): ProcessDraft {
  const id = idOf(process);
  rejectUnsupportedExtensions(process, problems);
  const draft: ProcessDraft = {
    id,
    ...optional('name', nonBlankTextOf(process, 'name')),
    ...optional(
      'versionTag',
      nonBlankTextOf(singleExtension(process, 'zeebe:VersionTag', problems), 'value'),
    ),
    scope: emptyScope(),
    nodes: new Map(),
    flows: new Map(),
    linkCatches: new Map(),
    sources: new Map([[id, process]]),
  };
  readScope(process, draft.scope, id, 'process', draft, problems);
  connectFlows(draft, problems);
  readDefaultFlows(draft);
  attachBoundaryEvents(draft);
  return draft;
}

function readScope(
  container: ModdleElement,
  scope: ScopeDraft,
  scopeId: string,
  kind: ScopeKind,
  draft: ProcessDraft,
  problems: Problems,
): void {
  for (const element of childrenOf(container, 'flowElements')) {
    if (element.$type === 'bpmn:SequenceFlow') readFlow(element, draft, problems);
    else if (!NON_EXECUTABLE_TYPES.has(element.$type))
      readScopeNode(element, scope, scopeId, kind, draft, problems);
  }
}

function readScopeNode(
  element: ModdleElement,
  scope: ScopeDraft,
  scopeId: string,
  kind: ScopeKind,
  draft: ProcessDraft,
  problems: Problems,
): void {
  const node = readNode(element, scopeId, kind, problems);
  if (!node) return;
  draft.nodes.set(node.id, node);
  draft.sources.set(node.id, element);
  scope.children.push(node.id);
  if (node.type === 'START_EVENT') {
    scope.startEvents.push(node.id);
    if (childrenOf(element, 'eventDefinitions').length === 0) scope.noneStartEvent ??= node.id;
  }
  if (node.type === 'EVENT_SUB_PROCESS') scope.eventSubProcesses.push(node.id);
  if (node.type === 'INTERMEDIATE_CATCH_EVENT' && node.event?.kind === 'link') {
    const catches = draft.linkCatches.get(scopeId) ?? new Map<string, string>();
    if (!catches.has(node.event.linkName)) catches.set(node.event.linkName, node.id);
    draft.linkCatches.set(scopeId, catches);
  }
  if (isContainer(node.type)) {
    node.scope = emptyScope();
    readScope(
      element,
      node.scope,
      node.id,
      node.type === 'SUB_PROCESS' ? 'sub-process' : 'event-sub-process',
      draft,
      problems,
    );
  }
}

/** A sequence flow; a condition must be FEEL (whether it is allowed is checked with the gateways). */
function readFlow(element: ModdleElement, draft: ProcessDraft, problems: Problems): void {
  const flow: FlowDraft = {
    id: idOf(element),
    ...optional('name', nonBlankTextOf(element, 'name')),
    sourceId: idOf(childOf(element, 'sourceRef')),
    targetId: idOf(childOf(element, 'targetRef')),
  };
  if (childOf(element, 'conditionExpression')) {
    const condition = checkExpression(
      problems,
      element,
      'Condition',
      bodyOf(element, 'conditionExpression'),
      { mandatory: true, nonStatic: true },
    );
    if (condition) flow.condition = condition;
  }
  draft.flows.set(flow.id, flow);
  draft.sources.set(flow.id, element);
}

function connectFlows(draft: ProcessDraft, problems: Problems): void {
  for (const flow of draft.flows.values()) {
    const element = draft.sources.get(flow.id) as ModdleElement;
    if (!flow.sourceId || !flow.targetId) {
      problems.at(element, 'Sequence flow must have a source (sourceRef) and a target (targetRef)');
      continue;
    }
    const source = draft.nodes.get(flow.sourceId);
    const target = draft.nodes.get(flow.targetId);
    if (!source || !target) {
      if (isForeignNode(element, 'sourceRef', source) || isForeignNode(element, 'targetRef', target)) {
        problems.at(element, 'Sequence flow must connect flow nodes of its own process');
      }
      continue;
    }
    if (source.scopeId !== target.scopeId) {
      problems.at(
        element,
        `Sequence flow must connect elements of the same scope ('${flow.sourceId}' and '${flow.targetId}' are not)`,
      );
      continue;
    }
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
  }
}

/** The reference is not a node of this process, and not an unsupported element (reported already). */
function isForeignNode(flow: ModdleElement, property: string, node: unknown): boolean {
  const reference = childOf(flow, property);
  return (
    node === undefined &&
    reference !== undefined &&
    (elementTypeOf(reference) !== undefined || NON_EXECUTABLE_TYPES.has(reference.$type))
  );
}

function readDefaultFlows(draft: ProcessDraft): void {
  for (const node of draft.nodes.values()) {
    if (node.type !== 'EXCLUSIVE_GATEWAY' && node.type !== 'INCLUSIVE_GATEWAY' && !isActivity(node.type))
      continue;
    const defaultFlow = idOf(childOf(draft.sources.get(node.id), 'default'));
    if (defaultFlow) node.defaultFlow = defaultFlow;
  }
}

function attachBoundaryEvents(draft: ProcessDraft): void {
  for (const node of draft.nodes.values()) {
    const activity = node.attachedTo === undefined ? undefined : draft.nodes.get(node.attachedTo);
    if (node.type === 'BOUNDARY_EVENT' && activity && isActivity(activity.type))
      activity.boundaryEvents.push(node.id);
  }
}
