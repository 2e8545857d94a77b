import { type JsonValue } from '../../feel/expression';
import { and, type CustomField, scalarCondition, type SqlParams } from './filters';
import { compact } from './items';
import {
  findByKey,
  type QueryDatabase,
  search,
  type SearchRequest,
  type SearchResult,
  type SearchSpec,
} from './search';

/** A variable as `POST /v2/variables/search` returns it: `value` is its JSON text. */
export interface VariableItem {
  readonly variableKey: string;
  readonly name: string;
  readonly value: string;
  readonly scopeKey: string;
  readonly processInstanceKey: string;
  readonly tenantId: string;
  readonly isTruncated?: boolean;
}

/** Values longer than this many characters are cut in search results unless `truncateValues=false`. */
export const VARIABLE_PREVIEW_SIZE = 8191;

const VALUE_TEXT = 'v.value::text';

function variables(truncate: boolean | undefined): SearchSpec<VariableItem> {
  return {
    from: '{schema}.variable v',
    key: 'v.key',
    columns: 'v.key, v.name, v.value, v.scope_key, v.process_instance_key, v.tenant_id',
    filters: {
      name: { sql: 'v.name', type: 'text' },
      value: { sql: 'v.value', type: 'json' },
      tenantId: { sql: 'v.tenant_id', type: 'text' },
      isTruncated: {
        condition: (value, params) =>
          `(length(${VALUE_TEXT}) > ${VARIABLE_PREVIEW_SIZE}) = ${params.add(Boolean(value), 'boolean')}`,
      },
      variableKey: { sql: 'v.key', type: 'key' },
      scopeKey: { sql: 'v.scope_key', type: 'key' },
      processInstanceKey: { sql: 'v.process_instance_key', type: 'key' },
    },
    sorts: {
      value: { sql: VALUE_TEXT, type: 'text' },
      name: { sql: 'v.name', type: 'text' },
      tenantId: { sql: 'v.tenant_id', type: 'text' },
      variableKey: { sql: 'v.key', type: 'key' },
      scopeKey: { sql: 'v.scope_key', type: 'key' },
      processInstanceKey: { sql: 'v.process_instance_key', type: 'key' },
    },
    toItem: (row) => variableItem(row, truncate),
  };
}

function variableItem(row: Record<string, unknown>, truncate: boolean | undefined): VariableItem {
  const full = JSON.stringify(row.value as JsonValue) ?? 'null';
  const truncated = truncate === true && full.length > VARIABLE_PREVIEW_SIZE;
  return compact({
    variableKey: String(row.key),
    name: row.name as string,
    value: truncated ? full.slice(0, VARIABLE_PREVIEW_SIZE) : full,
    scopeKey: String(row.scope_key),
    processInstanceKey: String(row.process_instance_key),
    tenantId: row.tenant_id as string,
    isTruncated: truncate === undefined ? undefined : truncated,
  });
}

/** Variables of every scope, current values, including those of finished instances. */
export const searchVariables = (
  db: QueryDatabase,
  request: SearchRequest,
  truncateValues: boolean,
): Promise<SearchResult<VariableItem>> => variableSearch(db, request, truncateValues);

export const variableSearch = (
  db: QueryDatabase,
  request: SearchRequest,
  truncateValues: boolean,
  scope?: (params: SqlParams) => string,
): Promise<SearchResult<VariableItem>> => search(db, variables(truncateValues), request, scope);

/** The full value, without `isTruncated` (as `GET /v2/variables/{key}`). */
export const getVariable = (db: QueryDatabase, key: number): Promise<VariableItem | undefined> =>
  findByKey(db, variables(undefined), key);

/**
 * The `[{name, value}]` filters of user tasks and process instances: every entry must match a
 * variable of the scope that `scope` selects (`v` is the variable).
 */
export function variableValuesFilter(scope: string): CustomField {
  return {
    condition: (value, params) =>
      and(
        (value as ReadonlyArray<{ name: string; value: unknown }>).map(
          (entry) =>
            `EXISTS (SELECT 1 FROM {schema}.variable v WHERE ${scope} AND v.name = ${params.add(entry.name, 'text')}
              AND ${scalarCondition('v.value', 'json', entry.value, params)})`,
        ),
      ),
  };
}
