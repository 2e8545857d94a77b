import pg from 'pg';

const INT8 = 20;
const parseInt8 = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`engine: bigint ${value} exceeds the safe integer range`);
  return n;
};

/**
 * A pool whose bigint columns come back as numbers (engine keys and epoch-ms times stay below 2^53),
 * without touching pg's process-wide type parsers that the application also uses.
 */
export function createPool(
  connectionString: string,
  max: number,
  onConnect?: (client: pg.ClientBase) => Promise<unknown>,
): pg.Pool {
  return new pg.Pool({
    connectionString,
    max,
    // open connections stay open: a new one is a new backend with cold caches and its prepared
    // statements parsed again (the first batches after a quiet spell were slow)
    min: max,
    ...(onConnect ? { onConnect } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? parseInt8
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
}

/** A schema name is interpolated into SQL: only plain identifiers are accepted. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`engine: invalid schema name '${schema}' (lower-case letters, digits and _ only)`);
  }
  return schema;
}
