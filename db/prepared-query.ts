import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

/** Statement names by text: a statement's text is hashed once per process. */
const names = new Map<string, string>();

/**
 * The name under which `text` is prepared on a connection: derived from the text alone, so one text
 * has one name on every connection and two texts never share one (node-postgres refuses a name
 * reused for another text).
 */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` with `values` as a named prepared statement and returns its rows: on the transaction's
 * connection when `on` is a transaction's manager, else on one of the pool's. Each connection parses
 * and analyses the statement once, on its first use there; afterwards only the values travel. For
 * statements on hot paths whose text is fixed (never built from input): PostgreSQL spends more time
 * parsing a large statement than running it (the intake's fell from 1.3 to 0.45 ms of server CPU).
 * Errors are TypeORM's `QueryFailedError`, as from `DataSource.query`.
 */
export async function preparedQuery<Row>(
  on: DataSource | EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  const query = { name: statementName(text), text, values: values as unknown[] };
  try {
    const runner = 'queryRunner' in on ? on.queryRunner : undefined;
    const client: pg.Pool | pg.PoolClient = runner
      ? ((await runner.connect()) as pg.PoolClient)
      : (('driver' in on ? on : on.connection).driver as unknown as { master: pg.Pool }).master;
    const result = await client.query<Row & pg.QueryResultRow>(query);
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, query.values, error as Error);
  }
}
