// `node dist/scripts/migrate.js`: migrates the database at DATABASE_URL and seeds the bundled catalog
// (when SEED_CATALOG is on and the catalog is empty), then exits. The one-shot migration service of
// infra/compose.yaml and the migration Job of infra/k8s run it before the API and crawler start;
// both then start alone against the migrated database.
import 'reflect-metadata';
import { bundledCatalog, CaptureModule, CatalogImporter } from '@clausewatch/capture';
import { ConfigError, loadConfig } from '@clausewatch/config';
import { createDataSource, DatabaseModule, migrate } from '@clausewatch/db';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const log = (message: string) => process.stdout.write(`[migrate] ${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const url = config.databaseUrl;
  if (!url) throw new ConfigError('DATABASE_URL', 'the migration needs it');
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    // Migrations run under TypeORM's lock table inside one transaction each; two runners at once wait for each other.
    await migrate(dataSource, config.recordIdPrefix);
    log('schema up to date');
  } finally {
    await dataSource.destroy();
  }
  if (!config.seedCatalog) return;
  @Module({ imports: [DatabaseModule.forRoot({ url, poolSize: 2 }), CaptureModule.forRoot({ config, databaseUrl: url })] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const report = await app.get(CatalogImporter).seedIfEmpty(bundledCatalog());
    log(report ? `seeded the bundled catalog: ${report.platforms} platforms, ${report.documentsCreated} documents` : 'catalog already seeded');
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`migrate: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
