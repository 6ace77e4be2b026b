import { DataSource, DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

export interface DatabaseOptions {
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  logging?: boolean;
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: options.logging ? ['error', 'warn', 'query'] : ['error'],
    extra: { max: options.poolSize ?? 10, application_name: 'clausewatch' },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/**
 * Runs pending migrations and records the record ID prefix that new records are minted with
 * (with `keepExistingPrefix`, as the CLI does, only when none is recorded yet).
 */
export async function migrate(dataSource: DataSource, recordIdPrefix: string, options: { keepExistingPrefix?: boolean } = {}): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.query(
    `INSERT INTO settings (key, value) VALUES ('record_id_prefix', $1)
     ON CONFLICT (key) DO ${options.keepExistingPrefix ? 'NOTHING' : 'UPDATE SET value = EXCLUDED.value'}`,
    [recordIdPrefix],
  );
}
