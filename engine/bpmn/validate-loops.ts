import { type ElementType } from './model';
import { type FlowDraft, type NodeDraft, type ProcessDraft } from './process-draft';
import { type Problems } from './problems';

/** Elements without any wait state or job that make a loop through them spin forever. */
const LOOPING_TYPES: ReadonlySet<ElementType> = new Set([
  'MANUAL_TASK',
  'TASK',
  'CALL_ACTIVITY',
  'INTERMEDIATE_THROW_EVENT',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
]);
const PASS_THROUGH_TYPES: ReadonlySet<ElementType> = new Set([
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'START_EVENT',
  'END_EVENT',
  'SUB_PROCESS',
]);

/**
 * Zeebe's StraightThroughProcessingLoopValidator: a process must not contain a loop made only of
 * elements that complete immediately (undefined, manual and FEEL script tasks, call activities of a
 * process of the same resource, throw events, gateways, sub-processes), with at least one task,
 * call activity or throw event in it. One loop is reported per process.
 */
export function validateLoops(drafts: readonly ProcessDraft[], problems: Problems): void {
  const graph = new StraightThroughGraph(drafts);
  for (const draft of drafts) {
    const starts = [...draft.nodes.values()]
      .filter((node) => LOOPING_TYPES.has(node.type) && isStraightThrough(node))
      .sort((a, b) => a.id.localeCompare(b.id));
    for (const start of starts) {
      const loop = graph.loopThrough(start);
      if (loop) {
        const process = draft.sources.get(draft.id);
        if (process)
          problems.at(
            process,
            `Processes are not allowed to contain a straight-through processing loop: ${loop.join(' > ')}`,
          );
        break;
      }
    }
  }
}

function isStraightThrough(node: NodeDraft): boolean {
  if (node.type === 'SCRIPT_TASK' || node.type === 'BUSINESS_RULE_TASK') return node.job === undefined;
  return LOOPING_TYPES.has(node.type) || PASS_THROUGH_TYPES.has(node.type);
}

class StraightThroughGraph {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly flows = new Map<string, FlowDraft>();
  private readonly noneStartOfProcess = new Map<string, string | undefined>();

  constructor(drafts: readonly ProcessDraft[]) {
    for (const draft of drafts) {
      draft.nodes.forEach((node, id) => this.nodes.set(id, node));
      draft.flows.forEach((flow, id) => this.flows.set(id, flow));
      this.noneStartOfProcess.set(draft.id, draft.scope.noneStartEvent);
    }
  }

  /** The shortest loop from `start` back to itself through straight-through elements, as ids. */
  loopThrough(start: NodeDraft): string[] | undefined {
    const cameFrom = new Map<string, string>();
    const queue = [start.id];
    for (let index = 0; index < queue.length; index += 1) {
      const current = queue[index] as string;
      for (const next of this.next(current)) {
        if (next === start.id) return [...this.pathTo(current, cameFrom, start.id), start.id];
        const node = this.nodes.get(next);
        if (cameFrom.has(next) || !node || !isStraightThrough(node)) continue;
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
    return undefined;
  }

  private pathTo(end: string, cameFrom: ReadonlyMap<string, string>, start: string): string[] {
    const path = [end];
    for (let id = end; id !== start;) {
      id = cameFrom.get(id) as string;
      path.unshift(id);
    }
    return path;
  }

  /** Where the token goes next, as Zeebe's validator follows it. */
  private next(id: string): string[] {
    const node = this.nodes.get(id);
    if (!node) return [];
    if (node.type === 'SUB_PROCESS') return node.scope?.noneStartEvent ? [node.scope.noneStartEvent] : [];
    if (node.type === 'CALL_ACTIVITY') {
      const processId = node.callActivity?.processId;
      const start =
        processId && 'static' in processId ? this.noneStartOfProcess.get(processId.static) : undefined;
      return start ? [start] : [];
    }
    if (node.outgoing.length > 0) return this.targets(node.outgoing);
    const scope = this.nodes.get(node.scopeId);
    return scope && !scope.multiInstance ? this.targets(scope.outgoing) : [];
  }

  private targets(flowIds: readonly string[]): string[] {
    return flowIds.map((id) => this.flows.get(id)?.targetId ?? '').filter((target) => target !== '');
  }
}
