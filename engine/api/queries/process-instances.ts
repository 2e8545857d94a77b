import { and, type CustomField, type FilterField, scalarCondition } from './filters';
import { compact, ELEMENT_STATE_SQL, isoDate, keyString } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';
import { variableValuesFilter } from './variables';

/** A process instance as `POST /v2/process-instances/search` returns it. */
export interface ProcessInstanceItem {
  readonly processInstanceKey: string;
  readonly processDefinitionId: string;
  readonly processDefinitionName: string;
  readonly processDefinitionVersion: number;
  readonly processDefinitionVersionTag?: string;
  readonly processDefinitionKey: string;
  readonly parentProcessInstanceKey?: string;
  readonly parentElementInstanceKey?: string;
  readonly startDate: string;
  readonly endDate?: string;
  readonly state: string;
  readonly hasIncident: boolean;
  readonly tenantId: string;
  readonly tags: string[];
}

const STATE = ELEMENT_STATE_SQL('e.state');
const NAME = 'COALESCE(d.name, d.bpmn_process_id)';
const HAS_INCIDENT = `EXISTS (SELECT 1 FROM {schema}.incident i WHERE i.process_instance_key = e.key AND i.state = 'ACTIVE')`;

/** Instances with an element instance matching `elementId` and `elementInstanceState` (both, when both are given). */
const elementFilter = (own: 'elementId' | 'elementInstanceState'): CustomField => ({
  condition: (_value, params, filter) => {
    if (own === 'elementInstanceState' && filter.elementId !== undefined) return 'TRUE';
    const parts = [];
    if (filter.elementId !== undefined)
      parts.push(scalarCondition('c.element_id', 'text', filter.elementId, params));
    if (filter.elementInstanceState !== undefined) {
      parts.push(scalarCondition(ELEMENT_STATE_SQL('c.state'), 'enum', filter.elementInstanceState, params));
    }
    return `EXISTS (SELECT 1 FROM {schema}.element_instance c WHERE c.process_instance_key = e.key
      AND c.element_type <> 'PROCESS' AND ${and(parts)})`;
  },
});

const boolean = (sql: string): FilterField => ({
  condition: (value, params) => `(${sql}) = ${params.add(Boolean(value), 'boolean')}`,
});

const processInstances: SearchSpec<ProcessInstanceItem> = {
  from: '{schema}.element_instance e JOIN {schema}.process_definition d ON d.key = e.process_definition_key',
  where: `e.element_type = 'PROCESS'`,
  key: 'e.key',
  columns: `e.key, e.bpmn_process_id, ${NAME} AS name, e.version, d.version_tag, e.process_definition_key,
    e.parent_process_instance_key, e.parent_element_instance_key, e.start_date, e.end_date, ${STATE} AS api_state,
    ${HAS_INCIDENT} AS has_incident, e.tenant_id`,
  filters: {
    startDate: { sql: 'e.start_date', type: 'date' },
    endDate: { sql: 'e.end_date', type: 'date' },
    state: { sql: STATE, type: 'enum' },
    hasIncident: boolean(HAS_INCIDENT),
    tenantId: { sql: 'e.tenant_id', type: 'text' },
    variables: variableValuesFilter('v.process_instance_key = e.key'),
    processInstanceKey: { sql: 'e.key', type: 'key' },
    parentProcessInstanceKey: { sql: 'e.parent_process_instance_key', type: 'key' },
    parentElementInstanceKey: { sql: 'e.parent_element_instance_key', type: 'key' },
    batchOperationId: { sql: 'NULL::text', type: 'text' },
    errorMessage: {
      condition: (
        value,
        params,
      ) => `EXISTS (SELECT 1 FROM {schema}.incident i WHERE i.process_instance_key = e.key
        AND i.state = 'ACTIVE' AND ${scalarCondition('i.error_message', 'text', value, params)})`,
    },
    hasRetriesLeft: boolean(
      `EXISTS (SELECT 1 FROM {schema}.job j WHERE j.process_instance_key = e.key AND j.end_date IS NULL AND j.retries > 0)`,
    ),
    elementInstanceState: elementFilter('elementInstanceState'),
    elementId: elementFilter('elementId'),
    hasElementInstanceIncident: boolean(
      `EXISTS (SELECT 1 FROM {schema}.element_instance c WHERE c.process_instance_key = e.key AND c.element_type <> 'PROCESS' AND c.incident_key IS NOT NULL)`,
    ),
    tags: { condition: (value) => ((value as unknown[]).length === 0 ? 'TRUE' : 'FALSE') },
    processDefinitionId: { sql: 'e.bpmn_process_id', type: 'text' },
    processDefinitionName: { sql: NAME, type: 'text' },
    processDefinitionVersion: { sql: 'e.version', type: 'integer' },
    processDefinitionVersionTag: { sql: 'd.version_tag', type: 'text' },
    processDefinitionKey: { sql: 'e.process_definition_key', type: 'key' },
  },
  sorts: {
    processInstanceKey: { sql: 'e.key', type: 'key' },
    processDefinitionId: { sql: 'e.bpmn_process_id', type: 'text' },
    processDefinitionName: { sql: NAME, type: 'text' },
    processDefinitionVersion: { sql: 'e.version', type: 'integer' },
    processDefinitionVersionTag: { sql: 'd.version_tag', type: 'text' },
    processDefinitionKey: { sql: 'e.process_definition_key', type: 'key' },
    parentProcessInstanceKey: { sql: 'e.parent_process_instance_key', type: 'key' },
    parentElementInstanceKey: { sql: 'e.parent_element_instance_key', type: 'key' },
    startDate: { sql: 'e.start_date', type: 'date' },
    endDate: { sql: 'e.end_date', type: 'date' },
    state: { sql: STATE, type: 'text' },
    hasIncident: { sql: HAS_INCIDENT, type: 'boolean' },
    tenantId: { sql: 'e.tenant_id', type: 'text' },
  },
  toItem: (row) =>
    compact({
      processInstanceKey: String(row.key),
      processDefinitionId: row.bpmn_process_id as string,
      processDefinitionName: row.name as string,
      processDefinitionVersion: row.version as number,
      processDefinitionVersionTag: (row.version_tag as string | null) ?? undefined,
      processDefinitionKey: String(row.process_definition_key),
      parentProcessInstanceKey: keyString(row.parent_process_instance_key),
      parentElementInstanceKey: keyString(row.parent_element_instance_key),
      startDate: isoDate(row.start_date)!,
      endDate: isoDate(row.end_date),
      state: row.api_state as string,
      hasIncident: row.has_incident as boolean,
      tenantId: row.tenant_id as string,
      tags: [],
    }),
};

export const searchProcessInstances = (
  db: QueryDatabase,
  request: SearchRequest,
): Promise<SearchResult<ProcessInstanceItem>> => search(db, processInstances, request);

export const getProcessInstance = (
  db: QueryDatabase,
  key: number,
): Promise<ProcessInstanceItem | undefined> => findByKey(db, processInstances, key);
