// `npm start`: one command for a working Clausewatch. Validates the configuration, starts (or joins)
// the embedded PostgreSQL when there is no DATABASE_URL, migrates, seeds the bundled catalog on first
// start, then runs the API and the crawler as child processes. Ctrl-C stops everything cleanly.
import 'reflect-metadata';
import { bundledCatalog, CaptureModule, CatalogImporter, chromiumMissingMessage, chromiumProblem } from '@clausewatch/capture';
import { AppConfig, ConfigError, configuredRecordIdPrefix, loadConfig, loadDotEnv } from '@clausewatch/config';
import { createDataSource, DatabaseModule, DocumentsRepository, EmbeddedDatabase, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { restartDelayMs } from './restart-backoff';

const log = (message: string) => process.stdout.write(`[clausewatch] ${message}\n`);

class StartError extends Error {}

async function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** ADMIN_TOKEN, or the one generated at first start and kept under DATA_DIR. */
function adminToken(config: AppConfig): string {
  if (config.adminToken) return config.adminToken;
  const file = join(config.dataDir, 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  log(`generated an admin token (kept in ${file}): ${token}`);
  return token;
}

async function prepareDatabase(config: AppConfig, url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2 });
  try {
    await dataSource.initialize();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartError(config.databaseUrl ? `DATABASE_URL: cannot connect to ${new URL(url).host}: ${reason}` : `embedded database: ${reason}`);
  }
  try {
    await migrate(dataSource, configuredRecordIdPrefix(config));
  } finally {
    await dataSource.destroy();
  }
  if (!config.seedCatalog) return;
  @Module({ imports: [DatabaseModule.forRoot({ url, poolSize: 2 }), CaptureModule.forRoot({ config, databaseUrl: url })] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const report = await app.get(CatalogImporter).seedIfEmpty(bundledCatalog());
    if (report) log(`seeded the bundled catalog: ${report.platforms} platforms, ${report.documentsCreated} documents`);
  } finally {
    await app.close();
  }
}

/** Says once, at start, when Chromium is missing and which documents need it (the forked crawler then stays quiet). */
async function reportChromium(config: AppConfig, url: string): Promise<void> {
  const problem = chromiumProblem(config.chromiumPath);
  if (!problem) return;
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    log(chromiumMissingMessage(problem, await new DocumentsRepository(dataSource).listNeedingBrowser()));
  } finally {
    await dataSource.destroy();
  }
}

interface Child {
  name: string;
  script: string;
  process: ChildProcess | null;
  restarts: number[];
}

async function main(): Promise<void> {
  // A .env file beside package.json is read if present (variables already set win).
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartError(error.message);
    throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  if (!(await portFree(config.port, config.host))) throw new StartError(`PORT: ${config.port} is already in use on ${config.host}`);

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const pgLog = createWriteStream(join(config.dataDir, 'postgres.log'), { flags: 'a' });
    log(`starting the embedded PostgreSQL under ${join(config.dataDir, 'postgres')}`);
    embedded = await startEmbeddedDatabase(config.dataDir, { log: (m) => pgLog.write(m.endsWith('\n') ? m : `${m}\n`) });
    url = embedded.url;
    if (!embedded.owned) log('joined the embedded PostgreSQL already running on this data directory');
  }

  let stopping = false;
  const children: Child[] = [
    { name: 'api', script: join(__dirname, '../apps/api/src/main.js'), process: null, restarts: [] },
    ...(config.crawlerEnabled ? [{ name: 'crawler', script: join(__dirname, '../apps/crawler/src/main.js'), process: null, restarts: [] }] : []),
  ];

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const proc = child.process;
            if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
            const kill = setTimeout(() => proc.kill('SIGKILL'), 15_000);
            proc.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            proc.kill('SIGTERM');
          }),
      ),
    );
    if (embedded?.owned) await embedded.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await prepareDatabase(config, url);
  } catch (error) {
    if (embedded?.owned) await embedded.stop();
    throw error;
  }
  await reportChromium(config, url);
  // The allocator settings infra/Dockerfile gives the processes (see there), unless already set.
  const env = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, DATABASE_URL: url, ADMIN_TOKEN: adminToken(config), DATA_DIR: config.dataDir };

  const spawnChild = (child: Child) => {
    const proc = fork(child.script, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.process = proc;
    proc.on('message', (message: { ready?: string; port?: number }) => {
      if (message.ready === 'api') log(`API ready on http://localhost:${message.port}/api/v1/health (OpenAPI at /api/docs)`);
      if (message.ready === 'crawler') log('crawler and scheduler running');
    });
    proc.on('exit', (code, signal) => {
      if (stopping) return;
      // Restart with backoff and never give up: PostgreSQL and the other child keep running meanwhile.
      const { delayMs, recent } = restartDelayMs(child.restarts, Date.now());
      child.restarts = recent;
      log(`${child.name} exited (code ${code ?? signal}); restarting in ${Math.round(delayMs / 1000)} s`);
      setTimeout(() => !stopping && spawnChild(child), delayMs);
    });
  };
  children.forEach(spawnChild);
}

main().catch((error) => {
  process.stderr.write(`clausewatch: ${error instanceof StartError ? error.message : error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
