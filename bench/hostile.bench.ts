// `npm run bench -- hostile`: hostile pages posted as captures to a running API (in this process, the
// worker pool's threads beside it) while a client polls GET /api/v1/health every 20 ms. Each page must
// end within its deadline (WORKER_DEADLINE_MS) with a version or a permanent cause, /health must stay
// fast throughout, and the process's RSS (threads included) must stay bounded.
import 'reflect-metadata';
import { createApiApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADMIN = 'bench-admin-token-0123456789';
const PARAGRAPH = 'You agree that we may process your personal data for the purposes described in this policy. ';

function page(body: string): string {
  return `<!doctype html><html><head><title>Terms</title></head><body><main><h1>Terms of Service</h1>${body}</main></body></html>`;
}

/** The hostile corpus of issue 13, each with a second version to force an analysis. */
function corpus(): Array<{ name: string; first: string; second: string }> {
  const deep = (n: number, inner: string) => page(`<p>${PARAGRAPH}</p>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`);
  const line = (words: number, changed: boolean) => page(`<p>${Array.from({ length: words }, (_, i) => (changed && i === words >> 1 ? 'CHANGED' : `word${i % 5000}`)).join(' ')}</p>`);
  const sections = (n: number, changed: boolean) =>
    page(Array.from({ length: n }, (_, i) => `<h2>Section ${i}</h2><p>Clause ${i}: ${changed && i % 1000 === 0 ? 'we may share it' : 'we never share it'}.</p>`).join(''));
  return [
    { name: '100,000 nested <div> (1.1 MB)', first: deep(100_000, 'deep clause one'), second: deep(100_000, 'deep clause two') },
    { name: '10 MB single line, one word changed', first: line(1_100_000, false), second: line(1_100_000, true) },
    { name: '90,000 sections, 90 changed', first: sections(90_000, false), second: sections(90_000, true) },
    {
      name: 'NUL, bidi and control characters',
      first: page(`<p>${PARAGRAPH}\u0000\u202e${PARAGRAPH}\u0007\u001b[31m${PARAGRAPH}</p>`),
      second: page(`<p>${PARAGRAPH}\u0000\u202e${PARAGRAPH}\u0007\u001b[32m${PARAGRAPH} more.</p>`),
    },
  ];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function run(): Promise<void> {
  // Built before the API starts: this process hosts the API too, and building 10 MB of pages held its
  // event loop for 9-13 s, which the first /health request used to be charged with.
  const pages = corpus();
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-hostile-'));
  const database = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: database.url, poolSize: 4 });
  await db.initialize();
  await migrate(db, 'CW');
  await db.destroy();
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: database.url, ADMIN_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '1000000', MAX_PAGE_BYTES: String(12 * 1024 * 1024),
    // The pool's limits can be tried from the environment (WORKER_MEMORY_MB, WORKER_THREADS); defaults otherwise.
    ...Object.fromEntries(['WORKER_MEMORY_MB', 'WORKER_THREADS', 'WORKER_DEADLINE_MS'].flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : []))),
  });
  const app = await createApiApp({ config, databaseUrl: database.url, ticks: false, logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const admin = { authorization: `Bearer ${ADMIN}` };
  let peakRss = process.memoryUsage().rss;
  const health: number[] = [];
  const started = performance.now();
  const at = () => `+${((performance.now() - started) / 1000).toFixed(1)} s`;
  /** /health requests over 1 s, with when they began: to tell which step of the run held the process. */
  const slow: string[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t = performance.now();
      const began = at();
      await fetch(`${url}/api/v1/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - t);
      if (performance.now() - t > 1000) slow.push(`${began} (${(performance.now() - t).toFixed(0)} ms)`);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    let n = 0;
    for (const { name, first, second } of pages) {
      n += 1;
      const created = await fetch(`${url}/api/v1/documents`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ platform: `Hostile ${n}`, title: `Page ${n}`, type: 'terms-of-service', url: `https://hostile${n}.example/tos` }),
      }).then((r) => r.json() as Promise<{ document: { id: string } }>);
      process.stdout.write(`${at()} document ${n} created\n`);
      for (const [label, html] of [['first', first], ['second', second]] as const) {
        const before = health.length;
        process.stdout.write(`${at()} ${name} (${label}) posted\n`);
        const t = performance.now();
        const result = (await fetch(`${url}/api/v1/documents/${created.document.id}/captures?capturedAt=2026-0${label === 'first' ? 1 : 2}-01T00:00:00Z`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/html; charset=utf-8' },
          body: html,
        }).then((r) => r.json())) as { outcome?: string; cause?: string; change?: { clauses?: unknown[] } | null; statusCode?: number; message?: string };
        const during = health.slice(before);
        process.stdout.write(
          `${name} (${label}, ${(Buffer.byteLength(html) / 2 ** 20).toFixed(1)} MB): ${result.outcome ?? result.statusCode} in ${((performance.now() - t) / 1000).toFixed(1)} s` +
            `${result.cause ? ` (${result.cause.slice(0, 90)})` : ''}${result.change ? `, change record ${(JSON.stringify(result.change).length / 2 ** 10).toFixed(0)} KB` : ''}` +
            `; /health meanwhile: ${during.length} requests, p50 ${percentile(during, 50).toFixed(1)} ms, p99 ${percentile(during, 99).toFixed(1)} ms, max ${Math.max(0, ...during).toFixed(1)} ms\n`,
        );
      }
    }
  } finally {
    polling = false;
    await poller;
    await app.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `/health requests over 1 s, by when they began: ${slow.join(', ') || 'none'}\n` +
    `/health over the whole run: ${health.length} requests, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (API process, worker threads included)\n`,
  );
}
