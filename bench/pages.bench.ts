// `npm run bench -- pages`: server-side render time of the web pages on the 1,000-document /
// 100,000-version database of the records-api bench (requests through the whole Fastify stack with
// app.inject, one at a time, so the figure is the server's own time), and the weight of each page
// (HTML + the stylesheet + the script, before compression). Targets (issue 11): `/`, `/platforms/:slug`,
// a change page and a document page p95 ≤ 50 ms; the registry with three filters p95 ≤ 100 ms;
// every page ≤ 100 KB.
import 'reflect-metadata';
import { createApiApp } from '../apps/api/src/bootstrap';
import { ASSETS } from '../apps/api/src/web/assets.constants';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENTS, seed, VERSIONS_PER_DOCUMENT } from './records-api.bench';

const SAMPLES = Number(process.env.PAGES_BENCH_SAMPLES) || 300;
/**
 * `PAGES_BENCH_DIR=<dir>` keeps the seeded database in that directory between runs (seeded on the first
 * run only), so that before/after runs can alternate on the same data; `PAGES_BENCH_ONLY=<text>` runs
 * only the pages whose label contains the text.
 */
const KEEP_DIR = process.env.PAGES_BENCH_DIR;
const ONLY = process.env.PAGES_BENCH_ONLY;
const ASSET_BYTES = Object.values(ASSETS).reduce((sum, a) => sum + a.body.length, 0);

function percentile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export async function run(): Promise<void> {
  const dataDir = KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'cw-pages-bench-'));
  const seeded = KEEP_DIR !== undefined && existsSync(join(KEEP_DIR, 'seeded'));
  const database = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: database.url, poolSize: 10 });
  try {
    await db.initialize();
    await migrate(db, 'CW');
    if (!seeded) {
      const t = Date.now();
      await seed(db);
      // Vary severities so the home page's high/critical list and the registry's filters select something real.
      await db.query(`UPDATE change_records SET severity = (ARRAY['low','medium','high','critical'])[1 + (id % 4)::int]`);
      await db.query('VACUUM ANALYZE');
      if (KEEP_DIR) mkdirSync(join(KEEP_DIR, 'seeded'));
      process.stdout.write(`seeded ${DOCUMENTS} documents, ${DOCUMENTS * VERSIONS_PER_DOCUMENT} versions in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    }
    // One client sends every request: the per-client rate limit would answer 429 after 600 a minute.
    const config = loadConfig({ DATA_DIR: dataDir, ADMIN_TOKEN: 'bench-admin-token-0123456789', PUBLIC_URL: 'http://127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000' });
    const app = await createApiApp({ config, databaseUrl: database.url, ticks: false, logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const pick = async (sql: string) => ((await db.query(sql)) as Array<{ v: string }>).map((r) => r.v);
      const slugs = await pick(`SELECT slug AS v FROM platforms ORDER BY random() LIMIT 50`);
      const changes = await pick(`SELECT record_id AS v FROM change_records ORDER BY random() LIMIT 200`);
      const documents = await pick(`SELECT record_id AS v FROM documents ORDER BY random() LIMIT 200`);
      const types = await pick(`SELECT DISTINCT type AS v FROM documents`);
      const at = <T>(list: T[], i: number) => list[i % list.length];
      const pages: Array<[string, (i: number) => string, number]> = [
        ['GET /', () => '/', 50],
        ['GET /platforms/:slug', (i) => `/platforms/${at(slugs, i)}`, 50],
        ['GET /r/:id (change)', (i) => `/r/${at(changes, i)}`, 50],
        ['GET /r/:id (document)', (i) => `/r/${at(documents, i)}`, 50],
        ['GET /changes (platform, type, severity)', (i) => `/changes?platform=${at(slugs, i)}&type=${at(types, i)}&severity=high`, 100],
        ['GET /changes (no filter)', () => '/changes', 100],
      ];
      for (const [label, url, target] of pages.filter(([label]) => !ONLY || label.includes(ONLY))) {
        for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url: url(i) });
        const samples: number[] = [];
        let maxBytes = 0;
        for (let i = 0; i < SAMPLES; i++) {
          const start = process.hrtime.bigint();
          const response = await app.inject({ method: 'GET', url: url(i) });
          samples.push(Number(process.hrtime.bigint() - start) / 1e6);
          if (response.statusCode !== 200) throw new Error(`${url(i)}: ${response.statusCode}`);
          maxBytes = Math.max(maxBytes, response.rawPayload.length);
        }
        const p95 = percentile(samples, 0.95);
        const weight = (maxBytes + ASSET_BYTES) / 1024;
        process.stdout.write(
          `${label}: n=${SAMPLES} p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ${target}: ${p95 <= target ? 'met' : 'NOT met'}); heaviest page ${(maxBytes / 1024).toFixed(1)} KB + assets ${(ASSET_BYTES / 1024).toFixed(1)} KB = ${weight.toFixed(1)} KB (≤ 100: ${weight <= 100 ? 'met' : 'NOT met'})\n`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await database.stop();
    if (!KEEP_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}
