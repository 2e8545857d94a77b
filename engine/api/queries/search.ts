import type pg from 'pg';
import { Rejection } from '../../runtime/rejection';
import {
  afterCursor,
  type CursorValues,
  decodeCursor,
  encodeCursor,
  orderBy,
  reversed,
  type SortKey,
  type SortOrder,
} from './cursor';
import { and, type FilterField, filterCondition, type ScalarField, SqlParams } from './filters';

/** The database the queries read: the engine's pool and schema. */
export interface QueryDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
}

/** Offset paging, or cursor paging forwards (`after`) or backwards (`before`). */
export type Page =
  | { readonly from?: number; readonly limit?: number }
  | { readonly after: string; readonly limit?: number }
  | { readonly before: string; readonly limit?: number };

/** A search as the REST API v2 takes it (field names are the API's). */
export interface SearchRequest {
  readonly filter?: Readonly<Record<string, unknown>>;
  readonly sort?: ReadonlyArray<{ readonly field: string; readonly order: SortOrder }>;
  readonly page?: Page;
}

export interface SearchResult<Item> {
  readonly items: Item[];
  readonly page: {
    readonly totalItems: number;
    readonly hasMoreTotalItems: boolean;
    readonly startCursor?: string;
    readonly endCursor?: string;
  };
}

/** What one entity's search reads, and how a row becomes an item. `{schema}` is replaced. */
export interface SearchSpec<Item> {
  /** Optional `WITH …` clause (may add parameters). */
  readonly with?: (params: SqlParams) => string;
  readonly from: string;
  /** Always applied (e.g. `e.element_type = 'PROCESS'`). */
  readonly where?: string;
  readonly key: string;
  readonly columns: string;
  readonly filters: Readonly<Record<string, FilterField>>;
  readonly sorts: Readonly<Record<string, ScalarField>>;
  toItem(row: Record<string, unknown>): Item;
}

export const DEFAULT_LIMIT = 100;

/** Runs a search: the matching total, then one page in the requested order (entity key last). */
export async function search<Item>(
  db: QueryDatabase,
  spec: SearchSpec<Item>,
  request: SearchRequest,
  extraCondition?: (params: SqlParams) => string,
): Promise<SearchResult<Item>> {
  const params = new SqlParams();
  const withClause = spec.with ? spec.with(params) : '';
  const conditions = [filterCondition(spec.filters, request.filter, params)];
  if (spec.where) conditions.push(spec.where);
  if (extraCondition) conditions.push(extraCondition(params));
  const keys = sortKeys(spec, request.sort);
  const page = request.page ?? {};
  const limit = page.limit ?? DEFAULT_LIMIT;
  const backwards = 'before' in page;
  const cursor = 'after' in page ? page.after : 'before' in page ? page.before : undefined;
  const order = backwards ? reversed(keys) : keys;
  const countSql = `${withClause} SELECT count(*)::bigint AS total FROM ${spec.from} WHERE ${and(conditions)}`;
  const countValues = [...params.values];
  const pageConditions = [...conditions];
  if (cursor !== undefined)
    pageConditions.push(afterCursor(order, decodeCursor(cursor, keys.length), params));
  const offset = 'from' in page && page.from ? ` OFFSET ${params.add(page.from, 'integer')}` : '';
  const sortColumns = keys.map((k, i) => `${k.sql} AS sort_${i}`).join(', ');
  const pageSql = `${withClause} SELECT ${spec.columns}, ${sortColumns} FROM ${spec.from}
    WHERE ${and(pageConditions)} ORDER BY ${orderBy(order)} LIMIT ${params.add(limit, 'integer')}${offset}`;
  const [count, rows] = await inOneSnapshot(db, async (client) => [
    await client.query(countSql.replaceAll('{schema}', db.schema), countValues),
    await client.query(pageSql.replaceAll('{schema}', db.schema), params.values),
  ]);
  const ordered = backwards ? rows.rows.reverse() : rows.rows;
  const cursorOf = (row: Record<string, unknown>): string =>
    encodeCursor(keys.map((_, i) => row[`sort_${i}`]) as CursorValues);
  return {
    items: ordered.map((row) => spec.toItem(row)),
    page: {
      totalItems: Number(count.rows[0].total),
      hasMoreTotalItems: false,
      ...(ordered.length > 0
        ? { startCursor: cursorOf(ordered[0]), endCursor: cursorOf(ordered[ordered.length - 1]) }
        : {}),
    },
  };
}

/**
 * Runs the reads on one connection in one REPEATABLE READ snapshot, so the total and the page agree
 * even while the engine commits between them.
 */
async function inOneSnapshot<T>(db: QueryDatabase, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await read(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The one item with this key, or undefined. */
export async function findByKey<Item>(
  db: QueryDatabase,
  spec: SearchSpec<Item>,
  key: number,
): Promise<Item | undefined> {
  const result = await search(
    db,
    spec,
    { page: { limit: 1 } },
    (p) => `${spec.key} = ${p.add(key, 'bigint')}`,
  );
  return result.items[0];
}

function sortKeys(spec: SearchSpec<unknown>, sort: SearchRequest['sort']): SortKey[] {
  const keys: SortKey[] = (sort ?? []).map(({ field, order }) => {
    const column = spec.sorts[field];
    if (!column) throw new Rejection('INVALID_ARGUMENT', `The sort field '${field}' is not supported.`);
    return { ...column, order };
  });
  return [...keys, { sql: spec.key, type: 'key', order: 'ASC' }];
}
