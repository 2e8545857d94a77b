import { type Expression } from '../feel/expression';

/**
 * The executable model of one BPMN process, as the runtime walks it. Produced by `parse-bpmn.ts` from
 * the deployed XML; the XML itself is kept for clients (Operate, bpmn-js).
 *
 * Element types use Zeebe's `BpmnElementType` names: they are what records, element-instance
 * searches and incidents report.
 */
export type ElementType =
  | 'PROCESS'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY'
  | 'START_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'END_EVENT'
  | 'TASK'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY';

/** What an event waits for or throws. Start, catch, boundary, throw and end events all carry one. */
export type EventDefinition =
  | { readonly kind: 'none' }
  /**
   * Catch: `correlationKey` is required except on process-level message start events. Throw
   * (intermediate throw and end events, job-based): the name of the referenced message, if any, for
   * information only (static '' when the event references no message).
   */
  | { readonly kind: 'message'; readonly messageName: Expression; readonly correlationKey?: Expression }
  | { readonly kind: 'timer'; readonly timerType: 'duration' | 'date' | 'cycle'; readonly value: Expression }
  /** Catch: no `errorCode` = catch-all. Throw (end event): `errorCode` is required. */
  | { readonly kind: 'error'; readonly errorCode?: Expression }
  | { readonly kind: 'signal'; readonly signalName: Expression }
  | { readonly kind: 'terminate' }
  /** Intermediate link throw/catch events within one scope. */
  | { readonly kind: 'link'; readonly linkName: string };

/** `zeebe:input` / `zeebe:output`: `target` is a variable name or a dotted path (`a.b.c`). */
export interface Mapping {
  readonly source: Expression;
  readonly target: string;
}

/**
 * `zeebe:taskDefinition` + `zeebe:taskHeaders` of a job-based element. For a user task without
 * `zeebe:userTask` the type is `io.camunda.zeebe:userTask`, retries "1", and its static assignment,
 * schedule and form key are in Zeebe's reserved headers (`io.camunda.zeebe:assignee`,
 * `…:candidateGroups` / `…:candidateUsers` as JSON lists, `…:dueDate`, `…:followUpDate`, `…:formKey`).
 */
export interface JobDefinition {
  readonly type: Expression;
  /** Defaults to the static value "3", as in Zeebe. */
  readonly retries: Expression;
  readonly headers: Readonly<Record<string, string>>;
}

/** A Camunda user task (`zeebe:userTask`), managed through the REST API, not by a job worker. */
export interface UserTaskDefinition {
  readonly assignee?: Expression;
  /** FEEL list or static comma-separated list. */
  readonly candidateGroups?: Expression;
  readonly candidateUsers?: Expression;
  /** ISO 8601 date-time (static or FEEL). */
  readonly dueDate?: Expression;
  readonly followUpDate?: Expression;
  /** 0–100, default 50. */
  readonly priority?: Expression;
  /** `zeebe:formDefinition formId` (linked to the latest deployed form with that id) … */
  readonly formId?: string;
  /** … or `zeebe:formDefinition externalReference` (a URL or key shown to the user). */
  readonly externalFormReference?: Expression;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ScriptDefinition {
  /** Always FEEL. */
  readonly expression: Expression;
  readonly resultVariable: string;
}

export interface CallActivityDefinition {
  readonly processId: Expression;
  /** Default true: all variables of the child's root scope are merged back on completion. */
  readonly propagateAllChildVariables: boolean;
  /** Default true: all variables visible at the call activity are copied into the child. */
  readonly propagateAllParentVariables: boolean;
}

export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  /** FEEL expression that must produce a list. */
  readonly inputCollection: Expression;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: Expression;
  /** FEEL boolean; checked after each inner instance completes. */
  readonly completionCondition?: Expression;
}

export interface FlowNode {
  readonly id: string;
  readonly name?: string;
  readonly type: ElementType;
  /** Id of the enclosing flow scope: the process id, or the id of the (event) sub-process. */
  readonly scopeId: string;
  /** Ids of incoming and outgoing sequence flows, in document order. */
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** Exclusive / inclusive gateways and activities: the default flow's id. */
  readonly defaultFlow?: string;
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
  /** Events, and receive tasks (the message they wait for). */
  readonly event?: EventDefinition;
  /**
   * Job-based elements: service, send, business rule and job-based script tasks, message throw and
   * message end events, and user tasks without `zeebe:userTask` (job type `io.camunda.zeebe:userTask`).
   */
  readonly job?: JobDefinition;
  readonly userTask?: UserTaskDefinition;
  readonly script?: ScriptDefinition;
  readonly callActivity?: CallActivityDefinition;
  readonly multiInstance?: MultiInstanceDefinition;
  /** Ids of boundary events attached to this activity. */
  readonly boundaryEvents: readonly string[];
  /** Boundary events: the activity they are attached to. */
  readonly attachedTo?: string;
  /**
   * Boundary events (`cancelActivity`) and event sub-process start events (`isInterrupting`).
   * Always true for error boundary events.
   */
  readonly interrupting?: boolean;
  /** Containers (SUB_PROCESS, EVENT_SUB_PROCESS): what they contain. */
  readonly scope?: ScopeContents;
}

/** What a process or sub-process contains. */
export interface ScopeContents {
  /** Ids of all flow nodes directly inside this scope (event sub-processes included). */
  readonly children: readonly string[];
  /** The none start event the scope begins with (required for sub-processes; a process may have none). */
  readonly noneStartEvent?: string;
  /** Ids of event sub-processes directly inside this scope. */
  readonly eventSubProcesses: readonly string[];
}

export interface SequenceFlow {
  readonly id: string;
  readonly name?: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** Only on flows leaving exclusive or inclusive gateways. Always FEEL. */
  readonly condition?: Expression;
}

export interface ProcessModel {
  /** The BPMN process id (`bpmnProcessId`). */
  readonly id: string;
  readonly name?: string;
  readonly versionTag?: string;
  readonly scope: ScopeContents;
  /** Start events of the process itself, by kind: none (at most one), message, timer, signal. */
  readonly startEvents: {
    readonly none?: string;
    readonly message: readonly string[];
    readonly timer: readonly string[];
    readonly signal: readonly string[];
  };
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** Link catch events by link name, per scope id: `linkCatches.get(scopeId)?.get(name)`. */
  readonly linkCatches: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A problem found while parsing or validating a resource; `elementId` is absent for file-level problems. */
export interface ModelProblem {
  readonly elementId?: string;
  readonly elementType?: string;
  readonly message: string;
}

export class ModelValidationError extends Error {
  constructor(
    readonly resourceName: string,
    readonly problems: readonly ModelProblem[],
  ) {
    super(
      `'${resourceName}': ` +
        problems
          .map((p) =>
            p.elementId
              ? `- Element: ${p.elementId}${p.elementType ? ` (${p.elementType})` : ''}: ${p.message}`
              : `- ${p.message}`,
          )
          .join('\n'),
    );
    this.name = 'ModelValidationError';
  }
}

/** A deployed Camunda form (`.form` JSON). */
export interface FormModel {
  readonly formId: string;
  /** The form JSON as deployed. */
  readonly schema: string;
}
