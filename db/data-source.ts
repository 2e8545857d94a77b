import 'reflect-metadata';
import type pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/**
 * The application's database: its own tables in the `public` schema (the embedded engine keeps its
 * state in the `engine` schema of the same database). Schema changes happen only through reviewed
 * migrations; `synchronize` is never on.
 */
export function createDataSource(
  url: string,
  options: Partial<Pick<DataSourceOptions, 'logging'>> & {
    poolSize?: number;
    /** Run on each new connection before it is used (pg-pool's `onConnect`). */
    onConnect?: (client: pg.ClientBase) => Promise<unknown>;
  } = {},
): DataSource {
  const poolSize = options.poolSize ?? 10;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: options.logging ?? false,
    extra: {
      max: poolSize,
      // connections once opened stay open: a new one costs a SCRAM handshake, a new backend with cold
      // caches and every prepared statement parsed again; the first requests after a quiet spell
      // took 100-160 ms instead of 5 when pg-pool closed idle connections after 10 s
      min: poolSize,
      ...(options.onConnect ? { onConnect: options.onConnect } : {}),
    },
  });
}

/** Connects and brings the schema up to date. */
export async function openDatabase(
  url: string,
  options: Parameters<typeof createDataSource>[1] = {},
): Promise<DataSource> {
  const dataSource = createDataSource(url, options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
