import { loadConfig } from '@clausewatch/config';
import { createDataSource, DatabaseModule, migrate } from '@clausewatch/db';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CaptureModule } from '../capture.module';

/**
 * A capture pipeline on a migrated test database, as the specs of this library use it: the database
 * migrated with the `CW` prefix, a fresh DATA_DIR, confirmation an hour away unless `env` says otherwise.
 */
export async function startCaptureContext(databaseUrl: string, env: Record<string, string> = {}): Promise<{ app: INestApplicationContext; dataSource: DataSource }> {
  const setup = createDataSource({ url: databaseUrl });
  await setup.initialize();
  await migrate(setup, 'CW');
  await setup.destroy();
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'clausewatch-capture-')), CONFIRM_DELAY_SECONDS: '3600', ...env });
  @Module({ imports: [DatabaseModule.forRoot({ url: databaseUrl }), CaptureModule.forRoot({ config, databaseUrl })] })
  class CaptureContextModule {}
  const app = await NestFactory.createApplicationContext(CaptureContextModule, { logger: false });
  return { app, dataSource: app.get(DataSource) };
}
