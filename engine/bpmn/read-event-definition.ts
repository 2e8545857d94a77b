import { type EventDefinition } from './model';
import { childOf, childrenOf, type ModdleElement } from './moddle-element';
import {
  readError,
  readLink,
  readMessage,
  readSignal,
  readTimer,
  type TriggerUse,
} from './read-event-triggers';
import { type Problems } from './problems';

/** Where an event sits: decides which event definitions it may have. */
export type EventPosition =
  | 'process-start'
  | 'event-sub-process-start'
  | 'sub-process-start'
  | 'intermediate-catch'
  | 'intermediate-throw'
  | 'boundary'
  | 'end';

type Kind = EventDefinition['kind'];

const KINDS: Readonly<Record<string, Kind>> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
};

const ALLOWED: Readonly<Record<EventPosition, readonly Kind[]>> = {
  'process-start': ['none', 'message', 'timer', 'signal'],
  'event-sub-process-start': ['message', 'timer', 'error', 'signal'],
  'sub-process-start': ['none'],
  'intermediate-catch': ['message', 'timer', 'signal', 'link'],
  'intermediate-throw': ['none', 'message', 'signal', 'link'],
  boundary: ['message', 'timer', 'error', 'signal'],
  end: ['none', 'error', 'message', 'terminate', 'signal'],
};

/** Only these may be non-interrupting (boundary events, event sub-process start events). */
const NON_INTERRUPTING_KINDS: readonly Kind[] = ['message', 'timer', 'signal'];

/**
 * The event definition of an event in its position, with Zeebe's rules: how many definitions, which
 * kinds, interrupting or not. Returns undefined when something is wrong (reported to `problems`).
 */
export function readEventDefinition(
  event: ModdleElement,
  position: EventPosition,
  interrupting: boolean,
  problems: Problems,
): EventDefinition | undefined {
  const definitions = childrenOf(event, 'eventDefinitions');
  if (!hasValidCount(event, position, definitions.length, problems)) return undefined;
  const definition = definitions[0];
  const kind = definition ? KINDS[definition.$type] : 'none';
  if (kind === undefined) {
    problems.unsupported(event, `'${definition?.$type}'`);
    return undefined;
  }
  if (!ALLOWED[position].includes(kind)) {
    reportNotAllowed(event, position, definition, problems);
    return undefined;
  }
  if (!interrupting && !NON_INTERRUPTING_KINDS.includes(kind)) {
    problems.at(event, `Non-interrupting ${kind} events are not allowed`);
    return undefined;
  }
  return definition
    ? readTrigger(event, definition, kind, { position, interrupting }, problems)
    : { kind: 'none' };
}

function hasValidCount(
  event: ModdleElement,
  position: EventPosition,
  count: number,
  problems: Problems,
): boolean {
  if (position.endsWith('start') && count > 1)
    problems.at(event, "Start event can't have more than one type");
  else if ((position === 'intermediate-catch' || position === 'boundary') && count !== 1)
    problems.at(event, 'Must have exactly one event definition');
  else if ((position === 'intermediate-throw' || position === 'end') && count > 1)
    problems.at(event, 'Must have at most one event definition');
  else return true;
  return false;
}

function reportNotAllowed(
  event: ModdleElement,
  position: EventPosition,
  definition: ModdleElement | undefined,
  problems: Problems,
): void {
  if (position === 'sub-process-start')
    problems.at(event, 'Start events in subprocesses must be of type none');
  else if (position === 'event-sub-process-start')
    problems.at(event, 'Start events in event subprocesses must be one of: message, timer, error, signal');
  else
    problems.unsupported(
      event,
      definition ? `'${definition.$type}'` : 'no event definition',
      `allowed here: ${ALLOWED[position].join(', ')}`,
    );
}

interface Placement {
  readonly position: EventPosition;
  readonly interrupting: boolean;
}

function readTrigger(
  event: ModdleElement,
  definition: ModdleElement,
  kind: Kind,
  placement: Placement,
  problems: Problems,
): EventDefinition | undefined {
  const use = triggerUse(placement.position);
  switch (kind) {
    case 'message':
      return readMessage(event, childOf(definition, 'messageRef'), use, problems);
    case 'timer':
      return readTimer(event, definition, timerPlacement(placement), problems);
    case 'error':
      return readError(event, definition, use, problems);
    case 'signal':
      return readSignal(event, definition, use, problems);
    case 'link':
      return readLink(event, definition, problems);
    default:
      return { kind: 'terminate' };
  }
}

function triggerUse(position: EventPosition): TriggerUse {
  if (position === 'process-start') return 'process-start';
  return position === 'intermediate-throw' || position === 'end' ? 'throw' : 'catch';
}

function timerPlacement({ position, interrupting }: Placement) {
  return {
    intermediate: position === 'intermediate-catch',
    interrupting,
    mayInterrupt: position === 'boundary' || position === 'event-sub-process-start',
    atDeployment: position === 'process-start',
  };
}
