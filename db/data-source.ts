import 'reflect-metadata';
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
  options: Partial<Pick<DataSourceOptions, 'logging'>> & { poolSize?: number } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: options.logging ?? false,
    extra: { max: options.poolSize ?? 10 },
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
