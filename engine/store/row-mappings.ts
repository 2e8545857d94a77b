import {
  type ElementInstance,
  type Incident,
  type Job,
  type Message,
  type MessageSubscription,
  type SignalSubscription,
  type Timer,
  type UserTask,
  type Variable,
} from '../runtime/state/entities';

/**
 * How each in-memory entity becomes a row of its table. `runtime` columns hold the whole entity, from
 * which it is restored at start-up; the other columns exist for searches and for people reading the
 * database.
 */
export interface RowMapping<T> {
  readonly table: string;
  readonly columns: readonly string[];
  toRow(entity: T): Record<string, unknown>;
  /** SQL selecting the `runtime` (or full row) of live entities, `{schema}` replaced. */
  readonly loadSql: string;
  fromRow(row: Record<string, unknown>): T;
}

const fromRuntime = <T>(row: Record<string, unknown>): T => row.runtime as T;
const endOf = (state: string, endDate: number | undefined) =>
  state === 'COMPLETED' || state === 'TERMINATED' ? endDate : null;

export const elementInstanceRows: RowMapping<ElementInstance> = {
  table: 'element_instance',
  columns: [
    'key',
    'process_instance_key',
    'flow_scope_key',
    'element_id',
    'element_type',
    'state',
    'process_definition_key',
    'bpmn_process_id',
    'version',
    'parent_process_instance_key',
    'parent_element_instance_key',
    'incident_key',
    'start_date',
    'end_date',
    'tenant_id',
    'runtime',
  ],
  toRow: (e) => ({
    key: e.key,
    process_instance_key: e.processInstanceKey,
    flow_scope_key: e.flowScopeKey,
    element_id: e.elementId,
    element_type: e.elementType,
    state: e.state,
    process_definition_key: e.processDefinitionKey,
    bpmn_process_id: e.bpmnProcessId,
    version: e.version,
    parent_process_instance_key: e.parentProcessInstanceKey ?? null,
    parent_element_instance_key: e.parentElementInstanceKey ?? null,
    incident_key: e.incidentKey ?? null,
    start_date: e.startDate,
    end_date: endOf(e.state, e.endDate),
    tenant_id: e.tenantId,
    runtime: e,
  }),
  loadSql: 'SELECT runtime FROM {schema}.element_instance WHERE end_date IS NULL ORDER BY key',
  fromRow: fromRuntime,
};

export const variableRows: RowMapping<Variable> = {
  table: 'variable',
  columns: ['key', 'scope_key', 'process_instance_key', 'name', 'value', 'tenant_id'],
  toRow: (v) => ({
    key: v.key,
    scope_key: v.scopeKey,
    process_instance_key: v.processInstanceKey,
    name: v.name,
    value: v.value,
    tenant_id: v.tenantId,
  }),
  loadSql: `SELECT v.* FROM {schema}.variable v JOIN {schema}.element_instance e ON e.key = v.scope_key
            WHERE e.end_date IS NULL ORDER BY v.key`,
  fromRow: (row) => ({
    key: row.key as number,
    scopeKey: row.scope_key as number,
    processInstanceKey: row.process_instance_key as number,
    name: row.name as string,
    value: row.value as Variable['value'],
    tenantId: row.tenant_id as string,
  }),
};

export const jobRows: RowMapping<Job> = {
  table: 'job',
  columns: [
    'key',
    'type',
    'state',
    'process_instance_key',
    'element_instance_key',
    'element_id',
    'retries',
    'worker',
    'deadline',
    'retry_at',
    'error_message',
    'end_date',
    'runtime',
  ],
  toRow: (j) => ({
    key: j.key,
    type: j.type,
    state: j.state,
    process_instance_key: j.processInstanceKey,
    element_instance_key: j.elementInstanceKey,
    element_id: j.elementId,
    retries: j.retries,
    worker: j.worker ?? null,
    deadline: j.deadline ?? null,
    retry_at: j.retryAt ?? null,
    error_message: j.errorMessage ?? null,
    end_date: j.endDate ?? null,
    runtime: j,
  }),
  loadSql: 'SELECT runtime FROM {schema}.job WHERE end_date IS NULL ORDER BY key',
  fromRow: fromRuntime,
};

export const userTaskRows: RowMapping<UserTask> = {
  table: 'user_task',
  columns: [
    'key',
    'state',
    'process_instance_key',
    'element_instance_key',
    'element_id',
    'bpmn_process_id',
    'assignee',
    'candidate_groups',
    'candidate_users',
    'priority',
    'creation_date',
    'completion_date',
    'tenant_id',
    'runtime',
  ],
  toRow: (t) => ({
    key: t.key,
    state: t.state,
    process_instance_key: t.processInstanceKey,
    element_instance_key: t.elementInstanceKey,
    element_id: t.elementId,
    bpmn_process_id: t.bpmnProcessId,
    assignee: t.assignee ?? null,
    candidate_groups: t.candidateGroups,
    candidate_users: t.candidateUsers,
    priority: t.priority,
    creation_date: t.creationDate,
    completion_date: t.completionDate ?? null,
    tenant_id: t.tenantId,
    runtime: t,
  }),
  loadSql: 'SELECT runtime FROM {schema}.user_task WHERE completion_date IS NULL ORDER BY key',
  fromRow: fromRuntime,
};

export const incidentRows: RowMapping<Incident> = {
  table: 'incident',
  columns: [
    'key',
    'state',
    'error_type',
    'error_message',
    'process_instance_key',
    'element_instance_key',
    'element_id',
    'job_key',
    'bpmn_process_id',
    'process_definition_key',
    'creation_time',
    'resolved_at',
    'tenant_id',
  ],
  toRow: (i) => ({
    key: i.key,
    state: i.state,
    error_type: i.errorType,
    error_message: i.errorMessage,
    process_instance_key: i.processInstanceKey,
    element_instance_key: i.elementInstanceKey,
    element_id: i.elementId,
    job_key: i.jobKey ?? null,
    bpmn_process_id: i.bpmnProcessId,
    process_definition_key: i.processDefinitionKey,
    creation_time: i.creationTime,
    resolved_at: i.resolvedAt ?? null,
    tenant_id: i.tenantId,
  }),
  loadSql: 'SELECT * FROM {schema}.incident WHERE resolved_at IS NULL ORDER BY key',
  fromRow: (row) => ({
    key: row.key as number,
    state: row.state as Incident['state'],
    errorType: row.error_type as Incident['errorType'],
    errorMessage: row.error_message as string,
    processInstanceKey: row.process_instance_key as number,
    elementInstanceKey: row.element_instance_key as number,
    elementId: row.element_id as string,
    ...(row.job_key === null ? {} : { jobKey: row.job_key as number }),
    bpmnProcessId: row.bpmn_process_id as string,
    processDefinitionKey: row.process_definition_key as number,
    creationTime: row.creation_time as number,
    tenantId: row.tenant_id as string,
  }),
};

export const timerRows: RowMapping<Timer> = {
  table: 'timer',
  columns: ['key', 'due_at', 'runtime'],
  toRow: (t) => ({ key: t.key, due_at: t.dueAt, runtime: t }),
  loadSql: 'SELECT runtime FROM {schema}.timer ORDER BY key',
  fromRow: fromRuntime,
};

export const messageSubscriptionRows: RowMapping<MessageSubscription> = {
  table: 'message_subscription',
  columns: ['key', 'message_name', 'correlation_key', 'runtime'],
  toRow: (s) => ({ key: s.key, message_name: s.messageName, correlation_key: s.correlationKey, runtime: s }),
  loadSql: 'SELECT runtime FROM {schema}.message_subscription ORDER BY key',
  fromRow: fromRuntime,
};

export const signalSubscriptionRows: RowMapping<SignalSubscription> = {
  table: 'signal_subscription',
  columns: ['key', 'signal_name', 'runtime'],
  toRow: (s) => ({ key: s.key, signal_name: s.signalName, runtime: s }),
  loadSql: 'SELECT runtime FROM {schema}.signal_subscription ORDER BY key',
  fromRow: fromRuntime,
};

export const messageRows: RowMapping<Message> = {
  table: 'message',
  columns: ['key', 'name', 'correlation_key', 'message_id', 'expires_at', 'runtime'],
  toRow: (m) => ({
    key: m.key,
    name: m.name,
    correlation_key: m.correlationKey,
    message_id: m.messageId ?? null,
    expires_at: m.expiresAt,
    runtime: m,
  }),
  loadSql: 'SELECT runtime FROM {schema}.message ORDER BY key',
  fromRow: fromRuntime,
};
