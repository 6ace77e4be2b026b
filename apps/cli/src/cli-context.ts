import 'reflect-metadata';
import { CaptureModule } from '@clausewatch/capture';
import { AppConfig, configuredRecordIdPrefix, loadConfig, loadDotEnv } from '@clausewatch/config';
import { createDataSource, DatabaseModule, EmbeddedDatabase, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

export interface CliContext {
  config: AppConfig;
  dataSource: DataSource;
  databaseUrl: string;
}

/**
 * Runs `work` with a migrated database: DATABASE_URL, or else the embedded PostgreSQL under DATA_DIR
 * (joining the one `npm start` runs, or starting it for the command and stopping it afterwards).
 */
export async function withDatabase<T>(work: (context: CliContext) => Promise<T>): Promise<T> {
  // Like npm start: a .env file is read, so the CLI sees the same DATABASE_URL, DATA_DIR and prefix.
  loadDotEnv();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir);
    databaseUrl = embedded.url;
  }
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
  try {
    await dataSource.initialize();
    await migrate(dataSource, configuredRecordIdPrefix(config));
    return await work({ config, dataSource, databaseUrl });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

/** Like `withDatabase`, with the capture pipeline's Nest services (RecordCapture, CheckDocument...). */
export async function withServices<T>(work: (context: CliContext & { app: INestApplicationContext }) => Promise<T>): Promise<T> {
  return withDatabase(async (context) => {
    @Module({
      imports: [
        DatabaseModule.forRoot({ url: context.databaseUrl, poolSize: 4 }),
        CaptureModule.forRoot({ config: context.config, databaseUrl: context.databaseUrl }),
      ],
    })
    class CliModule {}
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'], abortOnError: false });
    try {
      return await work({ ...context, app });
    } finally {
      await app.close();
    }
  });
}
