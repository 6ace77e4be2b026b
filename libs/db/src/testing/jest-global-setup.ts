// Jest runs global setup outside its module system, where the path aliases do not resolve: this file
// imports only within libs/db (the test harness in libs/testing builds on it, never the other way round).
import { createDataSource, migrate } from '../data-source';
import { startEmbeddedDatabase } from '../embedded/embedded-database';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_TEMPLATE_DATABASE as TEMPLATE_DATABASE } from './test-template.constants';

// One embedded PostgreSQL per test run; each test file clones a fresh database from a migrated template.
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-test-'));
  const database = await startEmbeddedDatabase(dataDir, { fast: true });
  const admin = createDataSource({ url: database.adminUrl });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.destroy();
  const template = createDataSource({ url: database.adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`) });
  await template.initialize();
  await migrate(template, 'CW');
  await template.destroy();
  process.env.CLAUSEWATCH_TEST_ADMIN_URL = database.adminUrl;
  process.env.CLAUSEWATCH_TEST_TEMPLATE = TEMPLATE_DATABASE;
  (globalThis as { __clausewatchDatabase?: { stop(): Promise<void> } }).__clausewatchDatabase = database;
}
