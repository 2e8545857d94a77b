import { type ElementType } from './model';
import { childOf, childrenOf, flagOf, idOf, type ModdleElement } from './moddle-element';
import { readEventDefinition, type EventPosition } from './read-event-definition';
import { readJob } from './read-job';
import { type NodeDraft } from './process-draft';
import { type Problems } from './problems';

/** The kind of flow scope an element sits in. */
export type ScopeKind = 'process' | 'sub-process' | 'event-sub-process';

/**
 * Reads an event's definition, its interrupting flag (boundary events, event sub-process start
 * events), the activity a boundary event is attached to, and the job of message throw events.
 */
export function readEvent(
  element: ModdleElement,
  node: NodeDraft,
  scopeKind: ScopeKind,
  problems: Problems,
): void {
  const position = positionOf(node.type, scopeKind);
  const interrupting = interruptingOf(element, position);
  if (position === 'boundary' || position === 'event-sub-process-start') node.interrupting = interrupting;
  node.event = readEventDefinition(element, position, interrupting, problems);
  if (position === 'boundary') {
    const attachedTo = idOf(childOf(element, 'attachedToRef'));
    if (attachedTo) node.attachedTo = attachedTo;
    else problems.at(element, 'Must be attached to an activity');
  }
  if (isMessageThrow(element, position)) {
    node.job = readJob(element, problems);
  }
}

function positionOf(type: ElementType, scopeKind: ScopeKind): EventPosition {
  switch (type) {
    case 'START_EVENT':
      return scopeKind === 'process'
        ? 'process-start'
        : scopeKind === 'sub-process'
          ? 'sub-process-start'
          : 'event-sub-process-start';
    case 'INTERMEDIATE_CATCH_EVENT':
      return 'intermediate-catch';
    case 'INTERMEDIATE_THROW_EVENT':
      return 'intermediate-throw';
    case 'BOUNDARY_EVENT':
      return 'boundary';
    default:
      return 'end';
  }
}

function interruptingOf(element: ModdleElement, position: EventPosition): boolean {
  if (position === 'boundary') return flagOf(element, 'cancelActivity') !== false;
  if (position === 'event-sub-process-start') return flagOf(element, 'isInterrupting') !== false;
  return true;
}

/** Message intermediate throw and end events are job-based in Camunda 8 (zeebe:taskDefinition). */
function isMessageThrow(element: ModdleElement, position: EventPosition): boolean {
  const [definition] = childrenOf(element, 'eventDefinitions');
  return (
    (position === 'intermediate-throw' || position === 'end') &&
    definition?.$type === 'bpmn:MessageEventDefinition'
  );
}
