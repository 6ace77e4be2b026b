import { AppConfig, configuredRecordIdPrefix, loadConfig } from '@clausewatch/config';
import { createDataSource, migrate } from '@clausewatch/db';
import { createTestDatabase, readCorpusPage, TestDatabase } from '@clausewatch/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiModuleOptions } from '../api.module';
import { createApiApp } from '../bootstrap';
import { parseEml } from './eml';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface OutboxEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  idempotencyKey: string;
}

export interface ApiHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  admin: { authorization: string };
  outbox(): OutboxEmail[];
  close(): Promise<void>;
}

/** The API on a fresh database of its own, with a temporary DATA_DIR (its outbox) and test config. */
export async function startApi(env: Record<string, string> = {}, overrides: Partial<ApiModuleOptions> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-api-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    ALLOW_PRIVATE_NETWORKS: 'true',
    // Specs send hundreds of requests from one address; the limits have their own spec.
    RATE_LIMIT_PER_MINUTE: '1000000',
    VERIFY_RATE_LIMIT_PER_MINUTE: '1000000', CONFIRM_DELAY_SECONDS: '0', PUBLIC_URL: 'http://clausewatch.test', ...env });
  const dataSource = createDataSource({ url: database.url });
  await dataSource.initialize();
  await migrate(dataSource, configuredRecordIdPrefix(config));
  await dataSource.destroy();
  const app = await createApiApp({ config, databaseUrl: database.url, ticks: false, logger: false, ...overrides });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const outboxDir = join(dataDir, 'outbox');
  return {
    app,
    config,
    database,
    admin: { authorization: `Bearer ${ADMIN_TOKEN}` },
    outbox: () => {
      let files: string[] = [];
      try {
        files = readdirSync(outboxDir).filter((f) => f.endsWith('.eml')).sort();
      } catch {
        return [];
      }
      return files.map((f) => {
        const { headers, text, html } = parseEml(readFileSync(join(outboxDir, f), 'utf8'));
        return { to: headers.To, subject: headers.Subject, text, html, headers, idempotencyKey: f.replace(/\.eml$/, '') };
      });
    },
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates the corpus's Midjourney Terms of Service document through the admin route; answers its record ID (CW-D-…). */
export async function createMidjourneyTerms(api: ApiHarness): Promise<string> {
  const created = await api.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: api.admin,
    payload: { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: 'https://docs.midjourney.com/terms' },
  });
  if (created.statusCode !== 201) throw new Error(`creating the Midjourney Terms of Service answered ${created.statusCode}: ${created.body}`);
  return created.json().document.id;
}

/** Posts a Midjourney Terms of Service page of the corpus (`2025-06-23`, …) as a capture of `documentId` made at `capturedAt`. */
export function postTermsCapture(api: ApiHarness, documentId: string, page: string, capturedAt: string) {
  return api.app.inject({
    method: 'POST',
    url: `/api/v1/documents/${documentId}/captures?capturedAt=${capturedAt}`,
    headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    payload: readCorpusPage(`sites/midjourney/terms-of-service/${page}.html`),
  });
}
