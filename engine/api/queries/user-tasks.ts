import { type UserTask } from '../../runtime/state/entities';
import { JSON_DATE_SQL, compact, isoDate, keyString } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';
import { variableSearch, variableValuesFilter, type VariableItem } from './variables';

/** A user task as `POST /v2/user-tasks/search` and `GET /v2/user-tasks/{key}` return it. */
export interface UserTaskItem {
  readonly userTaskKey: string;
  readonly name: string;
  readonly state: string;
  readonly assignee?: string;
  readonly elementId: string;
  readonly candidateGroups: string[];
  readonly candidateUsers: string[];
  readonly processDefinitionId: string;
  readonly processName?: string;
  readonly processDefinitionVersion: number;
  readonly processDefinitionKey: string;
  readonly processInstanceKey: string;
  readonly elementInstanceKey: string;
  readonly creationDate: string;
  readonly completionDate?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly tenantId: string;
  readonly customHeaders: Record<string, string>;
  readonly priority: number;
  readonly formKey?: string;
  readonly externalFormReference?: string;
}

const NAME = `COALESCE(t.runtime->>'name', t.element_id)`;

const userTasks: SearchSpec<UserTaskItem> = {
  from: '{schema}.user_task t',
  key: 't.key',
  columns: 't.runtime',
  filters: {
    state: { sql: 't.state', type: 'enum' },
    assignee: { sql: 't.assignee', type: 'text' },
    priority: { sql: 't.priority', type: 'integer' },
    elementId: { sql: 't.element_id', type: 'text' },
    name: { sql: NAME, type: 'text' },
    candidateGroup: { list: 't.candidate_groups' },
    candidateUser: { list: 't.candidate_users' },
    tenantId: { sql: 't.tenant_id', type: 'text' },
    processDefinitionId: { sql: 't.bpmn_process_id', type: 'text' },
    creationDate: { sql: 't.creation_date', type: 'date' },
    completionDate: { sql: 't.completion_date', type: 'date' },
    followUpDate: { sql: JSON_DATE_SQL('t.runtime', 'followUpDate'), type: 'date' },
    dueDate: { sql: JSON_DATE_SQL('t.runtime', 'dueDate'), type: 'date' },
    processInstanceVariables: variableValuesFilter('v.scope_key = t.process_instance_key'),
    localVariables: variableValuesFilter('v.scope_key = t.element_instance_key'),
    userTaskKey: { sql: 't.key', type: 'key' },
    processDefinitionKey: { sql: `(t.runtime->>'processDefinitionKey')::bigint`, type: 'key' },
    processInstanceKey: { sql: 't.process_instance_key', type: 'key' },
    elementInstanceKey: { sql: 't.element_instance_key', type: 'key' },
  },
  sorts: {
    creationDate: { sql: 't.creation_date', type: 'date' },
    completionDate: { sql: 't.completion_date', type: 'date' },
    followUpDate: { sql: JSON_DATE_SQL('t.runtime', 'followUpDate'), type: 'date' },
    dueDate: { sql: JSON_DATE_SQL('t.runtime', 'dueDate'), type: 'date' },
    priority: { sql: 't.priority', type: 'integer' },
    name: { sql: NAME, type: 'text' },
  },
  toItem: (row) => userTaskItem(row.runtime as UserTask),
};

function userTaskItem(task: UserTask): UserTaskItem {
  return compact({
    userTaskKey: String(task.key),
    name: task.name ?? task.elementId,
    state: task.state,
    assignee: task.assignee,
    elementId: task.elementId,
    candidateGroups: [...task.candidateGroups],
    candidateUsers: [...task.candidateUsers],
    processDefinitionId: task.bpmnProcessId,
    processName: task.processName,
    processDefinitionVersion: task.processDefinitionVersion,
    processDefinitionKey: String(task.processDefinitionKey),
    processInstanceKey: String(task.processInstanceKey),
    elementInstanceKey: String(task.elementInstanceKey),
    creationDate: isoDate(task.creationDate)!,
    completionDate: isoDate(task.completionDate),
    dueDate: isoDate(task.dueDate),
    followUpDate: isoDate(task.followUpDate),
    tenantId: task.tenantId,
    customHeaders: { ...task.customHeaders },
    priority: task.priority,
    formKey: keyString(task.formKey),
    externalFormReference: task.externalFormReference,
  });
}

export const searchUserTasks = (
  db: QueryDatabase,
  request: SearchRequest,
): Promise<SearchResult<UserTaskItem>> => search(db, userTasks, request);

/** Open, completed and canceled tasks alike. */
export const getUserTask = (db: QueryDatabase, key: number): Promise<UserTaskItem | undefined> =>
  findByKey(db, userTasks, key);

/**
 * The variables a task sees: those of every scope from the process instance down to the task's own
 * element instance (not de-duplicated by name). Undefined when there is no such task.
 */
export async function searchUserTaskVariables(
  db: QueryDatabase,
  userTaskKey: number,
  request: SearchRequest,
  truncateValues: boolean,
): Promise<SearchResult<VariableItem> | undefined> {
  const task = await db.pool.query(`SELECT element_instance_key FROM ${db.schema}.user_task WHERE key = $1`, [
    userTaskKey,
  ]);
  if (task.rows.length === 0) return undefined;
  const elementInstanceKey = task.rows[0].element_instance_key as number;
  return variableSearch(db, request, truncateValues, (params) => {
    const start = params.add(elementInstanceKey, 'bigint');
    return `v.scope_key IN (
      WITH RECURSIVE path(key, parent) AS (
        SELECT key, flow_scope_key FROM {schema}.element_instance WHERE key = ${start}
        UNION ALL
        SELECT e.key, e.flow_scope_key FROM {schema}.element_instance e JOIN path ON e.key = path.parent)
      SELECT key FROM path)`;
  });
}
