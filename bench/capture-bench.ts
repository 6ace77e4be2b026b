// The set-up the capture benches share: a throwaway embedded PostgreSQL (restarted with server settings when a
// bench needs some), the schema migrated, and the whole Nest capture pipeline on it.
import 'reflect-metadata';
import { CaptureModule } from '@clausewatch/capture';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, DatabaseModule, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export interface CaptureBench {
  app: INestApplicationContext;
  dataSource: DataSource;
  /** The server's files are under `<dataDir>/postgres` (for its processes' CPU, see process-cpu.ts). */
  dataDir: string;
}

export interface CaptureBenchOptions {
  /** Server settings (ALTER SYSTEM), applied by restarting the throwaway server before the schema is migrated. */
  settings?: Record<string, string>;
  /** Runs on the migrated database before the pipeline starts (extensions, bench-only tables and triggers). */
  prepare?: (dataSource: DataSource) => Promise<void>;
}

/** Runs `body` on a fresh capture pipeline and database, and removes both afterwards, whatever happens. */
export async function withCaptureBench<T>(options: CaptureBenchOptions, body: (bench: CaptureBench) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-'));
  let database = await startEmbeddedDatabase(dataDir);
  let app: INestApplicationContext | null = null;
  try {
    const settings = Object.entries(options.settings ?? {});
    if (settings.length) {
      const admin = createDataSource({ url: database.adminUrl });
      await admin.initialize();
      for (const [name, value] of settings) await admin.query(`ALTER SYSTEM SET ${name} = '${value.replace(/'/g, "''")}'`);
      await admin.destroy();
      await database.stop();
      database = await startEmbeddedDatabase(dataDir);
    }
    const setup = createDataSource({ url: database.url });
    await setup.initialize();
    await migrate(setup, 'CW');
    await options.prepare?.(setup);
    await setup.destroy();
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    @Module({ imports: [DatabaseModule.forRoot({ url: database.url }), CaptureModule.forRoot({ config, databaseUrl: database.url })] })
    class BenchModule {}
    app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
    return await body({ app, dataSource: app.get(DataSource), dataDir });
  } finally {
    await app?.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` subscribers (every other one on the paid watcher plan) who follow the platform. */
export async function addFollowers(dataSource: DataSource, platformId: string, count: number): Promise<void> {
  for (let s = 0; s < count; s++) {
    const [row] = await dataSource.query(`INSERT INTO subscribers (email, plan, unsubscribe_token) VALUES ($1, $2, $3) RETURNING id`, [`s${s}@example.test`, s % 2 ? 'watcher' : 'free', `t${s}`]);
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) VALUES ($1, $2)`, [row.id, platformId]);
  }
}
