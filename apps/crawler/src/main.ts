import 'reflect-metadata';
import { chromiumMissingMessage, chromiumProblem } from '@clausewatch/capture';
import { ConfigError, loadConfig } from '@clausewatch/config';
import { DocumentsRepository } from '@clausewatch/db';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CrawlerModule } from './crawler.module';

// The crawler and scheduler: a Nest application context (no HTTP). Started by scripts/start.ts; any
// number of extra crawler processes may run against the same database.
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'the crawler process needs it (npm start sets it for the embedded database)');
  const app = await NestFactory.createApplicationContext(CrawlerModule.forRoot({ config, databaseUrl: config.databaseUrl, logging: true }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  // Started on its own (no npm start above it to have said it already): say once if Chromium is missing.
  const problem = process.send ? null : chromiumProblem(config.chromiumPath);
  if (problem) process.stderr.write(`crawler: ${chromiumMissingMessage(problem, await app.get(DocumentsRepository).listNeedingBrowser())}\n`);
  process.send?.({ ready: 'crawler' });
}

main().catch((error) => {
  process.stderr.write(`crawler: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
