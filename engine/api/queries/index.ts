import type pg from 'pg';
import { type DefinitionLookup, getElementInstance, searchElementInstances } from './element-instances';
import { getIncident, searchIncidents } from './incidents';
import {
  getProcessDefinition,
  getProcessDefinitionXml,
  searchProcessDefinitions,
} from './process-definitions';
import { getProcessInstance, searchProcessInstances } from './process-instances';
import { type QueryDatabase, type SearchRequest } from './search';
import { getUserTask, searchUserTasks, searchUserTaskVariables } from './user-tasks';
import { getVariable, searchVariables } from './variables';

export { DEFAULT_LIMIT, type Page, type SearchRequest, type SearchResult } from './search';
export { type SortOrder } from './cursor';

/**
 * The read side of the engine: searches and lookups over the committed state in PostgreSQL,
 * history included (finished instances, completed tasks, resolved incidents). Commands go through
 * `EngineApi`; these never change anything.
 */
export function createEngineQueries(pool: pg.Pool, schema: string, definitions: DefinitionLookup) {
  const db: QueryDatabase = { pool, schema };
  return {
    searchUserTasks: (request: SearchRequest) => searchUserTasks(db, request),
    getUserTask: (key: number) => getUserTask(db, key),
    searchUserTaskVariables: (key: number, request: SearchRequest, truncate: boolean) =>
      searchUserTaskVariables(db, key, request, truncate),
    searchProcessInstances: (request: SearchRequest) => searchProcessInstances(db, request),
    getProcessInstance: (key: number) => getProcessInstance(db, key),
    searchElementInstances: (request: SearchRequest) => searchElementInstances(db, definitions, request),
    getElementInstance: (key: number) => getElementInstance(db, definitions, key),
    searchVariables: (request: SearchRequest, truncate: boolean) => searchVariables(db, request, truncate),
    getVariable: (key: number) => getVariable(db, key),
    searchIncidents: (request: SearchRequest) => searchIncidents(db, request),
    getIncident: (key: number) => getIncident(db, key),
    searchProcessDefinitions: (request: SearchRequest) => searchProcessDefinitions(db, request),
    getProcessDefinition: (key: number) => getProcessDefinition(db, key),
    getProcessDefinitionXml: (key: number) => getProcessDefinitionXml(db, key),
  };
}

export type EngineQueries = ReturnType<typeof createEngineQueries>;
