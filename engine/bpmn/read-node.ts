import {
  childOf,
  childrenOf,
  flagOf,
  idOf,
  nonBlankTextOf,
  textOf,
  type ModdleElement,
} from './moddle-element';
import { elementTypeOf, isActivity, isEvent } from './element-types';
import { extensionsOfType, rejectUnsupportedExtensions } from './read-extensions';
import { readMappings } from './read-mappings';
import { readEvent, type ScopeKind } from './read-event';
import { readActivity } from './read-activity';
import { optional } from './optional-fields';
import { type NodeDraft } from './process-draft';
import { type Problems } from './problems';

/** A flow node of a scope, or undefined (and a problem) when the embedded engine does not support it. */
export function readNode(
  element: ModdleElement,
  scopeId: string,
  scopeKind: ScopeKind,
  problems: Problems,
): NodeDraft | undefined {
  const type = elementTypeOf(element);
  if (type === undefined) {
    problems.unsupported(element);
    return undefined;
  }
  rejectUnsupportedExtensions(element, problems);
  const { inputs, outputs } = readMappings(element, problems);
  const node: NodeDraft = {
    id: idOf(element),
    ...optional('name', nonBlankTextOf(element, 'name')),
    type,
    scopeId,
    incoming: [],
    outgoing: [],
    inputs,
    outputs,
    boundaryEvents: [],
  };
  if (isEvent(type)) readEvent(element, node, scopeKind, problems);
  else if (isActivity(type)) readActivity(element, node, problems);
  else if (type === 'EVENT_SUB_PROCESS') checkEventSubProcess(element, problems);
  if (type === 'START_EVENT') checkStartForm(element, problems);
  return node;
}

function checkEventSubProcess(element: ModdleElement, problems: Problems): void {
  const loop = childOf(element, 'loopCharacteristics');
  if (loop) problems.unsupported(element, `'${loop.$type}' on an event sub-process`);
  if (flagOf(element, 'isForCompensation') === true)
    problems.unsupported(element, 'compensation (isForCompensation)');
}

/** Zeebe rejects start event forms with public access (`zeebe:properties` publicAccess=true). */
function checkStartForm(element: ModdleElement, problems: Problems): void {
  const properties = extensionsOfType(element, 'zeebe:Properties').flatMap((extension) =>
    childrenOf(extension, 'properties'),
  );
  const publicAccess = properties.some(
    (property) =>
      textOf(property, 'name') === 'publicAccess' &&
      textOf(property, 'value')?.trim().toLowerCase() === 'true',
  );
  if (publicAccess) problems.at(element, 'Start event forms with public access enabled are not supported');
}
