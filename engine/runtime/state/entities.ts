import { type ElementType, type FormModel, type ProcessModel } from '../../bpmn/model';
import { type JsonObject, type JsonValue } from '../../feel/expression';

/** The tenant of every entity: the engine is single-tenant, as a Camunda cluster without multi-tenancy. */
export const DEFAULT_TENANT = '<default>';

export interface ProcessDefinition {
  readonly key: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly versionTag?: string;
  readonly name?: string;
  readonly resourceName: string;
  readonly checksum: string;
  readonly xml: string;
  readonly deploymentKey: number;
  readonly createdAt: number;
  readonly tenantId: string;
  readonly model: ProcessModel;
  /** Message start events: element id → message name (evaluated at deployment). */
  readonly messageStartNames?: Readonly<Record<string, string>>;
  /** Signal start events: element id → signal name (evaluated at deployment). */
  readonly signalStartNames?: Readonly<Record<string, string>>;
}

export interface FormDefinition {
  readonly key: number;
  readonly formId: string;
  readonly version: number;
  readonly resourceName: string;
  readonly checksum: string;
  readonly schema: FormModel['schema'];
  readonly deploymentKey: number;
  readonly createdAt: number;
  readonly tenantId: string;
}

/**
 * Lifecycle of an element instance. ACTIVATING and COMPLETING are where an instance waits when its
 * activation or completion raised an incident (resolving the incident retries that step).
 */
export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstance {
  readonly key: number;
  readonly processInstanceKey: number;
  /** null for a process instance (the root scope). */
  readonly flowScopeKey: number | null;
  readonly elementId: string;
  readonly elementType: ElementType;
  readonly state: ElementState;
  readonly processDefinitionKey: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly tenantId: string;
  readonly startDate: number;
  readonly endDate?: number;
  /** Process instances created by a call activity. */
  readonly parentProcessInstanceKey?: number;
  readonly parentElementInstanceKey?: number;
  /** The incident this instance is stuck on. */
  readonly incidentKey?: number;
  readonly jobKey?: number;
  readonly userTaskKey?: number;
  /** Call activities: the process instance they started. */
  readonly calledProcessInstanceKey?: number;
  /** Scopes: tokens waiting at joining gateways, `joins[gatewayId][flowId] = count`. */
  readonly joins?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Scopes: set once an interrupting event sub-process started; the scope then ends with it. */
  readonly interrupted?: boolean;
  /** Multi-instance bodies. */
  readonly multiInstance?: MultiInstanceState;
  /** Inner instances of a multi-instance body: 1-based position in the input collection. */
  readonly loopCounter?: number;
  /** Process instances started by a message with a correlation key (one active per key and process). */
  readonly messageStartCorrelationKey?: string;
  /** Variables an event carried in (message, signal, error), merged when the instance completes. */
  readonly eventVariables?: JsonObject;
  /** Which event fired (the element id): start event of a process or event sub-process, catch event after an event-based gateway. */
  readonly triggeredBy?: string;
  /** Process instances created with start instructions: the elements to start at instead of the none start event. */
  readonly startInstructions?: readonly string[];
}

export interface MultiInstanceState {
  readonly total: number;
  /** Sequential: index of the next item to start. */
  readonly next: number;
  readonly completed: number;
  readonly terminated: number;
  /** The evaluated input collection; a sequential body reads it again after each iteration, as Zeebe does. */
  readonly items: readonly JsonValue[];
}

export interface Variable {
  readonly key: number;
  readonly scopeKey: number;
  readonly processInstanceKey: number;
  readonly name: string;
  readonly value: JsonValue;
  readonly tenantId: string;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN' | 'COMPLETED' | 'CANCELED';

export interface Job {
  readonly key: number;
  readonly type: string;
  readonly state: JobState;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly bpmnProcessId: string;
  readonly processDefinitionKey: number;
  readonly processDefinitionVersion: number;
  readonly tenantId: string;
  readonly retries: number;
  readonly customHeaders: Readonly<Record<string, string>>;
  readonly worker?: string;
  /** ACTIVATED: when the activation times out. */
  readonly deadline?: number;
  /** ACTIVATABLE after a failure with back-off: not before this time. */
  readonly retryAt?: number;
  readonly errorMessage?: string;
  readonly errorCode?: string;
  /** Timed out while activated: the next activation hands the job out under a new key. */
  readonly timedOut?: boolean;
  readonly createdAt: number;
  readonly endDate?: number;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

export interface UserTask {
  readonly key: number;
  readonly state: UserTaskState;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly name?: string;
  readonly bpmnProcessId: string;
  readonly processDefinitionKey: number;
  readonly processDefinitionVersion: number;
  readonly processName?: string;
  readonly tenantId: string;
  readonly assignee?: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority: number;
  readonly formKey?: number;
  readonly externalFormReference?: string;
  readonly customHeaders: Readonly<Record<string, string>>;
  readonly creationDate: number;
  readonly completionDate?: number;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'FORM_NOT_FOUND'
  | 'MESSAGE_SIZE_EXCEEDED'
  | 'UNKNOWN';

export interface Incident {
  readonly key: number;
  readonly state: 'ACTIVE' | 'RESOLVED';
  readonly errorType: IncidentErrorType;
  readonly errorMessage: string;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly jobKey?: number;
  readonly bpmnProcessId: string;
  readonly processDefinitionKey: number;
  readonly tenantId: string;
  readonly creationTime: number;
  readonly resolvedAt?: number;
}

/** What a timer belongs to. */
export interface Timer {
  readonly key: number;
  readonly dueAt: number;
  /** Firings left after this one for cycles (-1 = forever); 0 otherwise. */
  readonly repetitions: number;
  readonly cycle?: string;
  /** The timer event's element id. */
  readonly elementId: string;
  readonly processDefinitionKey: number;
  /**
   * The instance that owns the subscription: the catch event itself, the activity a boundary event
   * is attached to, the scope of an event sub-process, or the event-based gateway. Absent for
   * timer start events of a process.
   */
  readonly elementInstanceKey?: number;
  readonly processInstanceKey?: number;
  readonly tenantId: string;
}

export interface MessageSubscription {
  readonly key: number;
  readonly messageName: string;
  readonly correlationKey: string;
  /** The catch event (or receive task) element id. */
  readonly elementId: string;
  /** Owner, as for timers. */
  readonly elementInstanceKey: number;
  readonly processInstanceKey: number;
  readonly bpmnProcessId: string;
  readonly interrupting: boolean;
  readonly tenantId: string;
}

export interface SignalSubscription {
  readonly key: number;
  readonly signalName: string;
  readonly elementId: string;
  readonly elementInstanceKey: number;
  readonly processInstanceKey: number;
  readonly tenantId: string;
}

export interface Message {
  readonly key: number;
  readonly name: string;
  readonly correlationKey: string;
  readonly messageId?: string;
  readonly variables: JsonObject;
  readonly publishedAt: number;
  readonly expiresAt: number;
  /** BPMN process ids this message was correlated to: a message reaches at most one subscription per process. */
  readonly correlatedProcesses: readonly string[];
  readonly tenantId: string;
}
