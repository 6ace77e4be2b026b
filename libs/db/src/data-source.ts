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

/** `pg_advisory_lock` key of migrations ("CWMIGRAT" in ASCII): processes starting together migrate one at a time. */
const MIGRATION_LOCK_ID = BigInt('0x43574d4947524154').toString();
const DEFAULT_RECORD_ID_PREFIX = 'CW';

/**
 * Runs pending migrations under an advisory lock (several processes may start at once) and records the
 * record ID prefix new records are minted with. A prefix stored already is kept unless one is given
 * explicitly (RECORD_ID_PREFIX set): a command that merely migrates never rewrites it.
 */
export async function migrate(dataSource: DataSource, recordIdPrefix: string | null): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_ID]);
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(
      `INSERT INTO settings (key, value) VALUES ('record_id_prefix', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE $2::boolean`,
      [recordIdPrefix ?? DEFAULT_RECORD_ID_PREFIX, recordIdPrefix !== null],
    );
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
  }
}
