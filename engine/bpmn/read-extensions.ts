import { childOf, childrenOf, type ModdleElement } from './moddle-element';
import { type Problems } from './problems';

/** The `zeebe:*` (and foreign) elements inside `bpmn:extensionElements`. */
export function extensionsOf(element: ModdleElement | undefined): readonly ModdleElement[] {
  return childrenOf(childOf(element, 'extensionElements'), 'values');
}

export function extensionsOfType(element: ModdleElement | undefined, type: string): readonly ModdleElement[] {
  return extensionsOf(element).filter((extension) => extension.$type === type);
}

/** `zeebe:TaskDefinition` → `zeebe:taskDefinition`, as written in the XML. */
export function xmlName(type: string): string {
  const [prefix, name = ''] = type.split(':');
  return `${prefix}:${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** The one extension element of a type; more than one is a problem (Zeebe allows a single one). */
export function singleExtension(
  element: ModdleElement,
  type: string,
  problems: Problems,
): ModdleElement | undefined {
  const found = extensionsOfType(element, type);
  if (found.length > 1)
    problems.at(element, `Must not have more than one '${xmlName(type)}' extension element`);
  return found[0];
}

/**
 * Zeebe extensions with behaviour the embedded engine does not implement. Ignored on purpose:
 * `zeebe:properties` (modeler metadata), `zeebe:jobPriorityDefinition` (not part of Camunda 8.8),
 * and `zeebe:formDefinition` on start events (Tasklist start forms).
 */
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, readonly [string, string?]>> = {
  'zeebe:ExecutionListeners': ['execution listeners (zeebe:executionListeners)'],
  'zeebe:TaskListeners': ['task listeners (zeebe:taskListeners)'],
  'zeebe:UserTaskForm': [
    'an embedded form (zeebe:userTaskForm)',
    'deploy the form and link it with zeebe:formDefinition formId',
  ],
  'zeebe:CalledDecision': [
    'a DMN decision (zeebe:calledDecision)',
    'implement it with a job worker (zeebe:taskDefinition)',
  ],
  'zeebe:LinkedResources': ['linked resources (zeebe:linkedResources)'],
  'zeebe:AdHoc': ['ad-hoc activation (zeebe:adHoc)'],
  'zeebe:AgentDefinition': ['an AI agent (zeebe:agentDefinition)'],
};

export function rejectUnsupportedExtensions(element: ModdleElement, problems: Problems): void {
  for (const extension of extensionsOf(element)) {
    const unsupported = UNSUPPORTED_EXTENSIONS[extension.$type];
    if (unsupported) problems.unsupported(element, ...unsupported);
  }
}
