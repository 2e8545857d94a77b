import { type ProcessDefinition } from '../../runtime/state/entities';
import { type SqlParams } from './filters';
import { compact, ELEMENT_STATE_SQL, isoDate, keyString } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';

/** An element instance as `POST /v2/element-instances/search` returns it. */
export interface ElementInstanceItem {
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly elementName: string;
  readonly type: string;
  readonly state: string;
  readonly hasIncident: boolean;
  readonly processInstanceKey: string;
  readonly processDefinitionKey: string;
  readonly processDefinitionId: string;
  readonly startDate: string;
  readonly endDate?: string;
  readonly tenantId: string;
  readonly incidentKey?: string;
}

/** The deployed definitions (held in memory by the engine): element names are not stored per row. */
export type DefinitionLookup = () => Iterable<ProcessDefinition>;

const STATE = ELEMENT_STATE_SQL('e.state');
const NAME = `COALESCE((SELECT n.name FROM element_name n
  WHERE n.definition_key = e.process_definition_key AND n.element_id = e.element_id), e.element_id)`;

/** `WITH element_name(...)`: the names of every named element of every deployed process. */
function elementNames(definitions: DefinitionLookup, params: SqlParams): string {
  const keys: number[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  for (const definition of definitions()) {
    for (const node of definition.model.nodes.values()) {
      if (!node.name) continue;
      keys.push(definition.key);
      ids.push(node.id);
      names.push(node.name);
    }
  }
  return `WITH element_name(definition_key, element_id, name) AS (SELECT * FROM unnest(
    ${params.add(keys, 'bigint[]')}, ${params.add(ids, 'text[]')}, ${params.add(names, 'text[]')}))`;
}

/** Flow nodes only: the process instance itself is not an element instance here (as in 8.8). */
function elementInstances(definitions: DefinitionLookup): SearchSpec<ElementInstanceItem> {
  return {
    with: (params) => elementNames(definitions, params),
    from: '{schema}.element_instance e',
    where: `e.element_type <> 'PROCESS'`,
    key: 'e.key',
    columns: `e.key, e.element_id, ${NAME} AS element_name, e.element_type, ${STATE} AS api_state,
      e.incident_key, e.process_instance_key, e.process_definition_key, e.bpmn_process_id, e.start_date,
      e.end_date, e.tenant_id`,
    filters: {
      processDefinitionId: { sql: 'e.bpmn_process_id', type: 'text' },
      state: { sql: STATE, type: 'enum' },
      type: { sql: 'e.element_type', type: 'enum' },
      elementId: { sql: 'e.element_id', type: 'text' },
      elementName: { sql: NAME, type: 'text' },
      hasIncident: {
        condition: (value, params) =>
          `(e.incident_key IS NOT NULL) = ${params.add(Boolean(value), 'boolean')}`,
      },
      tenantId: { sql: 'e.tenant_id', type: 'text' },
      elementInstanceKey: { sql: 'e.key', type: 'key' },
      processInstanceKey: { sql: 'e.process_instance_key', type: 'key' },
      processDefinitionKey: { sql: 'e.process_definition_key', type: 'key' },
      incidentKey: { sql: 'e.incident_key', type: 'key' },
      startDate: { sql: 'e.start_date', type: 'date' },
      endDate: { sql: 'e.end_date', type: 'date' },
      elementInstanceScopeKey: { sql: 'e.flow_scope_key', type: 'key' },
    },
    sorts: {
      elementInstanceKey: { sql: 'e.key', type: 'key' },
      processInstanceKey: { sql: 'e.process_instance_key', type: 'key' },
      processDefinitionKey: { sql: 'e.process_definition_key', type: 'key' },
      processDefinitionId: { sql: 'e.bpmn_process_id', type: 'text' },
      startDate: { sql: 'e.start_date', type: 'date' },
      endDate: { sql: 'e.end_date', type: 'date' },
      elementId: { sql: 'e.element_id', type: 'text' },
      elementName: { sql: NAME, type: 'text' },
      type: { sql: 'e.element_type', type: 'text' },
      state: { sql: STATE, type: 'text' },
      incidentKey: { sql: 'e.incident_key', type: 'key' },
      tenantId: { sql: 'e.tenant_id', type: 'text' },
    },
    toItem: (row) =>
      compact({
        elementInstanceKey: String(row.key),
        elementId: row.element_id as string,
        elementName: row.element_name as string,
        type: row.element_type as string,
        state: row.api_state as string,
        hasIncident: row.incident_key !== null,
        processInstanceKey: String(row.process_instance_key),
        processDefinitionKey: String(row.process_definition_key),
        processDefinitionId: row.bpmn_process_id as string,
        startDate: isoDate(row.start_date)!,
        endDate: isoDate(row.end_date),
        tenantId: row.tenant_id as string,
        incidentKey: keyString(row.incident_key),
      }),
  };
}

export const searchElementInstances = (
  db: QueryDatabase,
  definitions: DefinitionLookup,
  request: SearchRequest,
): Promise<SearchResult<ElementInstanceItem>> => search(db, elementInstances(definitions), request);

export const getElementInstance = (
  db: QueryDatabase,
  definitions: DefinitionLookup,
  key: number,
): Promise<ElementInstanceItem | undefined> => findByKey(db, elementInstances(definitions), key);
