import { childOf, type ModdleElement } from './moddle-element';
import { duplicateTriggers } from './duplicate-triggers';
import { type NodeDraft, type ProcessDraft } from './process-draft';
import { type Problems } from './problems';

/**
 * Sequence flows around each node: conditions only leave exclusive and inclusive gateways, where
 * every flow but the default needs one; default flows; event-based gateway targets; end, boundary
 * and event sub-process flows.
 */
export function validateFlows(draft: ProcessDraft, problems: Problems): void {
  for (const node of draft.nodes.values()) {
    const element = draft.sources.get(node.id) as ModdleElement;
    if (node.type === 'EXCLUSIVE_GATEWAY' || node.type === 'INCLUSIVE_GATEWAY')
      validateConditions(node, draft, problems);
    else if (node.outgoing.some((id) => hasCondition(draft, id))) {
      problems.at(
        element,
        'Conditional sequence flows are only supported at exclusive or inclusive gateways',
      );
    }
    if (node.defaultFlow !== undefined && draft.flows.get(node.defaultFlow)?.sourceId !== node.id) {
      problems.at(element, `Default flow '${node.defaultFlow}' must start at this element`);
    }
    if (node.type === 'EVENT_BASED_GATEWAY') validateEventBasedGateway(node, element, draft, problems);
    if (node.type === 'END_EVENT' && node.outgoing.length > 0)
      problems.at(element, 'End events must not have outgoing sequence flows');
    if (node.type === 'BOUNDARY_EVENT' && node.incoming.length > 0)
      problems.at(element, 'Boundary events cannot have incoming sequence flows');
    if (node.type === 'EVENT_SUB_PROCESS' && node.incoming.length + node.outgoing.length > 0) {
      problems.at(element, 'Event sub-processes cannot have incoming or outgoing sequence flows');
    }
  }
}

function hasCondition(draft: ProcessDraft, flowId: string): boolean {
  return childOf(draft.sources.get(flowId), 'conditionExpression') !== undefined;
}

/** With more than one outgoing flow, each flow but the default needs a condition; the default has none. */
function validateConditions(gateway: NodeDraft, draft: ProcessDraft, problems: Problems): void {
  for (const flowId of gateway.outgoing) {
    const flow = draft.sources.get(flowId) as ModdleElement;
    const isDefault = flowId === gateway.defaultFlow;
    if (isDefault && hasCondition(draft, flowId)) {
      problems.at(flow, `The default flow of gateway '${gateway.id}' must not have a condition`);
    } else if (!isDefault && gateway.outgoing.length > 1 && !hasCondition(draft, flowId)) {
      problems.at(flow, `Must have a condition or be the default flow of gateway '${gateway.id}'`);
    }
  }
}

const GATEWAY_TARGET_KINDS = new Set(['message', 'timer', 'signal']);

/**
 * At least two outgoing flows, each to an intermediate message, timer or signal catch event that no
 * other flow enters; no two targets waiting for the same message or signal.
 */
function validateEventBasedGateway(
  gateway: NodeDraft,
  element: ModdleElement,
  draft: ProcessDraft,
  problems: Problems,
): void {
  if (gateway.outgoing.length < 2)
    problems.at(element, 'Event-based gateway must have at least 2 outgoing sequence flows');
  const targets = gateway.outgoing
    .map((id) => draft.nodes.get(draft.flows.get(id)?.targetId ?? ''))
    .filter((node) => node !== undefined);
  const invalid = targets.filter(
    (target) =>
      target.type !== 'INTERMEDIATE_CATCH_EVENT' || !GATEWAY_TARGET_KINDS.has(target.event?.kind ?? ''),
  );
  if (invalid.length > 0) {
    const ids = invalid.map((target) => target.id).join(', ');
    problems.at(
      element,
      `Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events (${ids})`,
    );
  }
  const shared = targets.filter((target) =>
    target.incoming.some((id) => draft.flows.get(id)?.sourceId !== gateway.id),
  );
  if (shared.length > 0) {
    const ids = shared.map((target) => target.id).join(', ');
    problems.at(
      element,
      `Target elements of an event-based gateway must not have any additional incoming sequence flows (${ids})`,
    );
  }
  for (const problem of duplicateTriggers(targets)) problems.at(element, problem);
}
