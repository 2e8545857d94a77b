import { compact } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';

/** A deployed process as `POST /v2/process-definitions/search` returns it. */
export interface ProcessDefinitionItem {
  readonly processDefinitionKey: string;
  readonly name: string;
  readonly resourceName: string;
  readonly version: number;
  readonly versionTag?: string;
  readonly processDefinitionId: string;
  readonly tenantId: string;
  readonly hasStartForm: boolean;
}

const NAME = 'COALESCE(d.name, d.bpmn_process_id)';
const IS_LATEST = `d.version = (SELECT max(l.version) FROM {schema}.process_definition l
  WHERE l.bpmn_process_id = d.bpmn_process_id AND l.tenant_id = d.tenant_id)`;

const processDefinitions: SearchSpec<ProcessDefinitionItem> = {
  from: '{schema}.process_definition d',
  key: 'd.key',
  columns: `d.key, ${NAME} AS name, d.resource_name, d.version, d.version_tag, d.bpmn_process_id, d.tenant_id`,
  filters: {
    name: { sql: NAME, type: 'text' },
    isLatestVersion: {
      condition: (value, params) => `(${IS_LATEST}) = ${params.add(Boolean(value), 'boolean')}`,
    },
    resourceName: { sql: 'd.resource_name', type: 'text' },
    version: { sql: 'd.version', type: 'integer' },
    versionTag: { sql: 'd.version_tag', type: 'text' },
    processDefinitionId: { sql: 'd.bpmn_process_id', type: 'text' },
    tenantId: { sql: 'd.tenant_id', type: 'text' },
    processDefinitionKey: { sql: 'd.key', type: 'key' },
    // Start forms are not supported by the engine: no process has one.
    hasStartForm: { condition: (value, params) => `FALSE = ${params.add(Boolean(value), 'boolean')}` },
  },
  sorts: {
    processDefinitionKey: { sql: 'd.key', type: 'key' },
    name: { sql: NAME, type: 'text' },
    resourceName: { sql: 'd.resource_name', type: 'text' },
    version: { sql: 'd.version', type: 'integer' },
    versionTag: { sql: 'd.version_tag', type: 'text' },
    processDefinitionId: { sql: 'd.bpmn_process_id', type: 'text' },
    tenantId: { sql: 'd.tenant_id', type: 'text' },
  },
  toItem: (row) =>
    compact({
      processDefinitionKey: String(row.key),
      name: row.name as string,
      resourceName: row.resource_name as string,
      version: row.version as number,
      versionTag: (row.version_tag as string | null) ?? undefined,
      processDefinitionId: row.bpmn_process_id as string,
      tenantId: row.tenant_id as string,
      hasStartForm: false,
    }),
};

export const searchProcessDefinitions = (
  db: QueryDatabase,
  request: SearchRequest,
): Promise<SearchResult<ProcessDefinitionItem>> => search(db, processDefinitions, request);

export const getProcessDefinition = (
  db: QueryDatabase,
  key: number,
): Promise<ProcessDefinitionItem | undefined> => findByKey(db, processDefinitions, key);

/** The BPMN XML exactly as deployed. */
export async function getProcessDefinitionXml(db: QueryDatabase, key: number): Promise<string | undefined> {
  const { rows } = await db.pool.query(`SELECT xml FROM ${db.schema}.process_definition WHERE key = $1`, [
    key,
  ]);
  return rows[0]?.xml as string | undefined;
}
