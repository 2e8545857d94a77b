import { childOf, childrenOf, idOf, type ModdleElement } from './moddle-element';
import { duplicates, duplicateTriggers } from './duplicate-triggers';
import { type NodeDraft, type ProcessDraft, type ScopeDraft } from './process-draft';
import { type Problems } from './problems';

/**
 * Start events of the process and its sub-processes, competing event sub-process triggers in each
 * scope, and link events.
 */
export function validateScopes(draft: ProcessDraft, problems: Problems): void {
  const process = source(draft, draft.id);
  validateProcessStartEvents(draft, process, problems);
  checkEventSubProcessTriggers(draft, draft.scope, process, problems);
  for (const node of draft.nodes.values()) {
    if (!node.scope) continue;
    const element = source(draft, node.id);
    if (node.scope.startEvents.length !== 1)
      problems.at(element, `Must have exactly one start event (found ${node.scope.startEvents.length})`);
    checkEventSubProcessTriggers(draft, node.scope, element, problems);
  }
  validateLinks(draft, problems);
}

function validateProcessStartEvents(draft: ProcessDraft, process: ModdleElement, problems: Problems): void {
  const starts = draft.scope.startEvents.map((id) => draft.nodes.get(id) as NodeDraft);
  if (starts.length === 0) problems.at(process, 'Must have at least one start event');
  const noneStarts = starts.filter(
    (start) => childrenOf(source(draft, start.id), 'eventDefinitions').length === 0,
  );
  if (noneStarts.length > 1)
    problems.at(
      process,
      `Multiple none start events are not allowed (${noneStarts.map((start) => start.id).join(', ')})`,
    );
  for (const problem of duplicateTriggers(starts)) problems.at(process, problem);
  const messageRefs = starts.flatMap((start) =>
    childrenOf(source(draft, start.id), 'eventDefinitions')
      .filter((definition) => definition.$type === 'bpmn:MessageEventDefinition')
      .map((definition) => idOf(childOf(definition, 'messageRef'))),
  );
  for (const message of duplicates(messageRefs.filter((id) => id !== ''))) {
    problems.at(process, `A message cannot be referred by more than one start event (message '${message}')`);
  }
}

/** The start events of the event sub-processes directly in a scope must not compete. */
function checkEventSubProcessTriggers(
  draft: ProcessDraft,
  scope: ScopeDraft,
  owner: ModdleElement,
  problems: Problems,
): void {
  const starts = scope.eventSubProcesses
    .flatMap((id) => draft.nodes.get(id)?.scope?.startEvents ?? [])
    .map((id) => draft.nodes.get(id) as NodeDraft);
  for (const problem of duplicateTriggers(starts)) problems.at(owner, problem);
}

/**
 * Link catch names are unique in the process (Zeebe checks the process with all its sub-processes
 * at once); every link throw needs a catch with its name in the same scope.
 */
function validateLinks(draft: ProcessDraft, problems: Problems): void {
  const catchNames = new Set<string>();
  for (const node of draft.nodes.values()) {
    if (node.event?.kind !== 'link') continue;
    const name = node.event.linkName;
    if (node.type === 'INTERMEDIATE_CATCH_EVENT') {
      if (catchNames.has(name))
        problems.at(
          source(draft, node.id),
          `Multiple intermediate catch link event definitions with the same name '${name}' are not allowed`,
        );
      catchNames.add(name);
    } else if (!draft.linkCatches.get(node.scopeId)?.has(name)) {
      problems.at(
        source(draft, node.id),
        `Can't find a catch link event with the name '${name}' in the same scope`,
      );
    }
  }
}

function source(draft: ProcessDraft, id: string): ModdleElement {
  return draft.sources.get(id) as ModdleElement;
}
