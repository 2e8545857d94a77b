import { compact, isoDate, keyString } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';

/** An incident as `POST /v2/incidents/search` returns it; resolved ones stay with state RESOLVED. */
export interface IncidentItem {
  readonly incidentKey: string;
  readonly processDefinitionKey: string;
  readonly processDefinitionId: string;
  readonly processInstanceKey: string;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly elementId: string;
  readonly elementInstanceKey: string;
  readonly creationTime: string;
  readonly state: string;
  readonly jobKey?: string;
  readonly tenantId: string;
}

const incidents: SearchSpec<IncidentItem> = {
  from: '{schema}.incident i',
  key: 'i.key',
  columns: 'i.*',
  filters: {
    processDefinitionId: { sql: 'i.bpmn_process_id', type: 'text' },
    errorType: { sql: 'i.error_type', type: 'enum' },
    errorMessage: { sql: 'i.error_message', type: 'text' },
    elementId: { sql: 'i.element_id', type: 'text' },
    creationTime: { sql: 'i.creation_time', type: 'date' },
    state: { sql: 'i.state', type: 'enum' },
    tenantId: { sql: 'i.tenant_id', type: 'text' },
    incidentKey: { sql: 'i.key', type: 'key' },
    processDefinitionKey: { sql: 'i.process_definition_key', type: 'key' },
    processInstanceKey: { sql: 'i.process_instance_key', type: 'key' },
    elementInstanceKey: { sql: 'i.element_instance_key', type: 'key' },
    jobKey: { sql: 'i.job_key', type: 'key' },
  },
  sorts: {
    incidentKey: { sql: 'i.key', type: 'key' },
    processDefinitionKey: { sql: 'i.process_definition_key', type: 'key' },
    processDefinitionId: { sql: 'i.bpmn_process_id', type: 'text' },
    processInstanceKey: { sql: 'i.process_instance_key', type: 'key' },
    errorType: { sql: 'i.error_type', type: 'text' },
    errorMessage: { sql: 'i.error_message', type: 'text' },
    elementId: { sql: 'i.element_id', type: 'text' },
    elementInstanceKey: { sql: 'i.element_instance_key', type: 'key' },
    creationTime: { sql: 'i.creation_time', type: 'date' },
    state: { sql: 'i.state', type: 'text' },
    jobKey: { sql: 'i.job_key', type: 'key' },
    tenantId: { sql: 'i.tenant_id', type: 'text' },
  },
  toItem: (row) =>
    compact({
      incidentKey: String(row.key),
      processDefinitionKey: String(row.process_definition_key),
      processDefinitionId: row.bpmn_process_id as string,
      processInstanceKey: String(row.process_instance_key),
      errorType: row.error_type as string,
      errorMessage: row.error_message as string,
      elementId: row.element_id as string,
      elementInstanceKey: String(row.element_instance_key),
      creationTime: isoDate(row.creation_time)!,
      state: row.state as string,
      jobKey: keyString(row.job_key),
      tenantId: row.tenant_id as string,
    }),
};

export const searchIncidents = (
  db: QueryDatabase,
  request: SearchRequest,
): Promise<SearchResult<IncidentItem>> => search(db, incidents, request);

export const getIncident = (db: QueryDatabase, key: number): Promise<IncidentItem | undefined> =>
  findByKey(db, incidents, key);
