// Jest runs global setup outside its module system, where the path aliases do not resolve.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createDataSource, migrate, startEmbeddedDatabase } from '../../../db/src';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_DATABASE } from '../database/test-database';

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
  (globalThis as { __clausewatchDatabase?: { stop(): Promise<void> } }).__clausewatchDatabase = database;
}
