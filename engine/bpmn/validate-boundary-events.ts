import { expressionText } from '../feel/expression';
import { type ModdleElement } from './moddle-element';
import { isActivity } from './element-types';
import { duplicateTriggers } from './duplicate-triggers';
import { type NodeDraft, type ProcessDraft } from './process-draft';
import { type Problems } from './problems';

/**
 * Boundary events sit on an activity of their own scope (not on an event sub-process, not on an
 * event or gateway); the boundary events of one activity must not compete, and a receive task must
 * not wait for the message one of its boundary events waits for. Boundary events without outgoing
 * flows are allowed (Zeebe 8.8: the token ends there).
 */
export function validateBoundaryEvents(draft: ProcessDraft, problems: Problems): void {
  for (const node of draft.nodes.values()) {
    if (node.type === 'BOUNDARY_EVENT' && node.attachedTo !== undefined)
      validateAttachment(node, node.attachedTo, draft, problems);
    if (node.boundaryEvents.length > 0) validateCompetition(node, draft, problems);
  }
}

function validateAttachment(
  event: NodeDraft,
  attachedTo: string,
  draft: ProcessDraft,
  problems: Problems,
): void {
  const element = draft.sources.get(event.id) as ModdleElement;
  const activity = draft.nodes.get(attachedTo);
  if (!activity || !isActivity(activity.type)) {
    const what = activity ? `'${attachedTo}' (${activity.type})` : `'${attachedTo}'`;
    problems.at(element, `Must be attached to an activity, but is attached to ${what}`);
  } else if (activity.scopeId !== event.scopeId) {
    problems.at(element, `Must be in the same scope as the activity '${attachedTo}' it is attached to`);
  }
}

function validateCompetition(activity: NodeDraft, draft: ProcessDraft, problems: Problems): void {
  const element = draft.sources.get(activity.id) as ModdleElement;
  const events = activity.boundaryEvents.map((id) => draft.nodes.get(id) as NodeDraft);
  for (const problem of duplicateTriggers(events)) problems.at(element, problem);
  if (activity.type === 'RECEIVE_TASK' && activity.event?.kind === 'message') {
    const name = expressionText(activity.event.messageName);
    const same = events.some(
      (event) => event.event?.kind === 'message' && expressionText(event.event.messageName) === name,
    );
    if (same) problems.at(element, `Cannot reference the same message name '${name}' as a boundary event`);
  }
}
