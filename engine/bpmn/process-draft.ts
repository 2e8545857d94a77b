import { type FlowNode, type SequenceFlow } from './model';
import { type ModdleElement } from './moddle-element';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A scope while it is being read: ScopeContents plus its start events. */
export interface ScopeDraft {
  readonly children: string[];
  noneStartEvent?: string;
  readonly eventSubProcesses: string[];
  readonly startEvents: string[];
}

/** A FlowNode while it is being read and validated. */
export interface NodeDraft extends Omit<
  Mutable<FlowNode>,
  'incoming' | 'outgoing' | 'boundaryEvents' | 'scope'
> {
  readonly incoming: string[];
  readonly outgoing: string[];
  readonly boundaryEvents: string[];
  scope?: ScopeDraft;
}

export type FlowDraft = Mutable<SequenceFlow>;

/** One process while it is being read: the model under construction and the moddle elements it came from. */
export interface ProcessDraft {
  readonly id: string;
  readonly name?: string;
  versionTag?: string;
  readonly scope: ScopeDraft;
  readonly nodes: Map<string, NodeDraft>;
  readonly flows: Map<string, FlowDraft>;
  /** Link catch events by scope id and link name. */
  readonly linkCatches: Map<string, Map<string, string>>;
  /** The moddle element of every node and flow, by id; the process itself under its own id. */
  readonly sources: Map<string, ModdleElement>;
}

export function emptyScope(): ScopeDraft {
  return { children: [], eventSubProcesses: [], startEvents: [] };
}
