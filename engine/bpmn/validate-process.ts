import { validateBoundaryEvents } from './validate-boundary-events';
import { validateFlows } from './validate-flows';
import { validateLoops } from './validate-loops';
import { validateScopes } from './validate-scopes';
import { type ProcessDraft } from './process-draft';
import { type Problems } from './problems';

/**
 * The structural rules Zeebe checks on deployment, over the processes of one resource (element-level
 * rules are checked while reading, see build-process.ts).
 */
export function validateProcesses(drafts: readonly ProcessDraft[], problems: Problems): void {
  for (const draft of drafts) {
    validateScopes(draft, problems);
    validateFlows(draft, problems);
    validateBoundaryEvents(draft, problems);
  }
  validateLoops(drafts, problems);
}
