// `npm run bench -- hostile`: the hostile corpus of issue 13 through both processes as infra/ deploys
// them, each started alone from dist/ on one embedded PostgreSQL. Phase 1: every page posted as a
// capture to the API (twice: a first version, then a changed one) while a client polls
// GET /api/v1/health every 20 ms. Phase 2: a crawler process checks the same pages served from a
// loopback site (cycle 1: first versions; cycle 2: after every page changed). Each page must end within
// its deadline (WORKER_DEADLINE_MS) with a version or a permanent cause, /health must stay fast, and the
// peak RSS of each process (its worker threads included: VmHWM of /proc/<pid>/status) must stay bounded.
// WORKER_MEMORY_MB, WORKER_THREADS, WORKER_DEADLINE_MS (and the other pool settings) pass through to both.
import { createDataSource, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { generateLedgerKey } from '@clausewatch/records';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** dist/, where this file runs from; the apps are built beside it. */
const DIST = join(__dirname, '..');
const ADMIN = 'bench-admin-token-0123456789';
const PARAGRAPH = 'You agree that we may process your personal data for the purposes described in this policy. ';
const POOL_SETTINGS = ['WORKER_MEMORY_MB', 'WORKER_THREADS', 'WORKER_DEADLINE_MS', 'WORKER_LARGE_TASK_BYTES', 'WORKER_SMALL_MEMORY_MB', 'WORKER_IDLE_MS'];

function page(body: string): string {
  return `<!doctype html><html><head><title>Terms</title></head><body><main><h1>Terms of Service</h1>${body}</main></body></html>`;
}

/** The hostile corpus of issue 13, each with a second version to force an analysis. */
function corpus(): Array<{ name: string; first: Uint8Array<ArrayBuffer>; second: Uint8Array<ArrayBuffer> }> {
  // BENCH_PAGES=2,3 runs only those pages of the corpus (1-based), e.g. to look at one of them.
  const only = process.env.BENCH_PAGES?.split(',').map(Number);
  return allPages().filter((_, i) => !only || only.includes(i + 1));
}

function allPages(): Array<{ name: string; first: Uint8Array<ArrayBuffer>; second: Uint8Array<ArrayBuffer> }> {
  const deep = (n: number, inner: string) => page(`<p>${PARAGRAPH}</p>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`);
  const line = (words: number, changed: boolean) => page(`<p>${Array.from({ length: words }, (_, i) => (changed && i === words >> 1 ? 'CHANGED' : `word${i % 5000}`)).join(' ')}</p>`);
  const sections = (n: number, changed: boolean) =>
    page(Array.from({ length: n }, (_, i) => `<h2>Section ${i}</h2><p>Clause ${i}: ${changed && i % 1000 === 0 ? 'we may share it' : 'we never share it'}.</p>`).join(''));
  // Bytes, not strings: the client's copy of the corpus is half the size, and requests send it as is.
  const pair = (name: string, first: string, second: string) => ({ name, first: new Uint8Array(Buffer.from(first)), second: new Uint8Array(Buffer.from(second)) });
  return [
    pair('100,000 nested <div> (1.1 MB)', deep(100_000, 'deep clause one'), deep(100_000, 'deep clause two')),
    pair('10 MB single line, one word changed', line(1_100_000, false), line(1_100_000, true)),
    pair('90,000 sections, 90 changed', sections(90_000, false), sections(90_000, true)),
    pair(
      'NUL, bidi and control characters',
      page(`<p>${PARAGRAPH}\u0000\u202e${PARAGRAPH}\u0007\u001b[31m${PARAGRAPH}</p>`),
      page(`<p>${PARAGRAPH}\u0000\u202e${PARAGRAPH}\u0007\u001b[32m${PARAGRAPH} more.</p>`),
    ),
    // Just under MAX_TEXT_CHARS (2,000,000 by default; this text is 1,953,799 characters, the 10 MB and
    // 90,000-section pages are over it): a large page that is allowed must still be captured. Last, so the
    // numbers of the pages above (BENCH_PAGES) stay what they were.
    pair('38,000 sections, 38 changed (1.95 M characters)', sections(38_000, false), sections(38_000, true)),
  ];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** VmHWM (peak) and VmRSS (now) of a process, in MB, threads included. */
function memoryOf(pid: number | undefined): { peak: number; now: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return { peak: 0, now: 0 };
  }
}

type Child = { name: string; child: ChildProcess; output: string[] };

function startApp(children: Child[], name: string, script: string, env: Record<string, string>): Child {
  // Diagnosis: BENCH_NODE_ARGS (e.g. --trace-gc) go to the apps' node, and BENCH_OUTPUT_DIR keeps their whole output.
  const args = [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(DIST, script)];
  const child = spawn(process.execPath, args, { cwd: join(DIST, '..'), env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const log = process.env.BENCH_OUTPUT_DIR ? createWriteStream(join(process.env.BENCH_OUTPUT_DIR, `${name}.log`)) : null;
  const keep = (d: unknown) => {
    log?.write(String(d));
    if (output.push(String(d)) > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const app = { name, child, output };
  children.push(app);
  return app;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function run(): Promise<void> {
  // Built before anything starts (10 MB of pages take seconds of this process's event loop).
  const pages = corpus();
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-hostile-'));
  const database = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: database.url, poolSize: 2 });
  await db.initialize();
  await migrate(db, 'CW');
  // The loopback site the crawler fetches: one path per page, its version switched for cycle 2.
  const served = new Map<string, Uint8Array>();
  const site = createHttpServer((req, res) => {
    const body = served.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const sitePort = (site.address() as { port: number }).port;
  const children: Child[] = [];
  const common: Record<string, string> = {
    DATABASE_URL: database.url,
    ADMIN_TOKEN: ADMIN,
    LEDGER_SIGNING_KEY: generateLedgerKey().privateKeyPem,
    ALLOW_PRIVATE_NETWORKS: 'true', // the crawler's "public" site is on loopback
    SEED_CATALOG: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
    MAX_PAGE_BYTES: String(12 * 1024 * 1024),
    CONFIRM_DELAY_SECONDS: '3600', // confirmation re-fetches are not what this measures
    POLITENESS_DELAY_MS: '0',
    SCHEDULER_TICK_SECONDS: '1',
    LOG_FORMAT: 'json',
    ...Object.fromEntries(POOL_SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : []))),
    // glibc's allocator as infra/Dockerfile and npm start set it; MALLOC_* from the environment override
    // (an empty value is left out, for glibc's default: MALLOC_ARENA_MAX= MALLOC_MMAP_THRESHOLD_= to compare).
    MALLOC_ARENA_MAX: '2',
    MALLOC_MMAP_THRESHOLD_: '131072',
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('MALLOC_')) as Array<[string, string]>),
  };
  for (const [name, value] of Object.entries(common)) if (value === '') delete common[name];
  const apiPort = await freePort();
  const url = `http://127.0.0.1:${apiPort}`;
  const api = startApp(children, 'api', 'apps/api/src/main.js', { ...common, PORT: String(apiPort), HOST: '127.0.0.1', CRAWLER_ENABLED: 'false', DATA_DIR: join(dataDir, 'api') });
  let crawler: Child | undefined;
  const health: number[] = [];
  const started = performance.now();
  const at = () => `+${((performance.now() - started) / 1000).toFixed(1)} s`;
  /** /health requests over 1 s, with when they began: to tell which step of the run held the process. */
  const slow: string[] = [];
  let polling = true;
  let poller: Promise<void> = Promise.resolve();
  const memoryLine = (app: Child | undefined) => {
    const { peak, now } = memoryOf(app?.child.pid);
    return `${app?.name} RSS now ${now.toFixed(0)} MB, peak so far ${peak.toFixed(0)} MB`;
  };
  try {
    for (const beganAt = Date.now(); ; ) {
      if (await fetch(`${url}/api/v1/health`).then((r) => r.ok).catch(() => false)) break;
      if (Date.now() - beganAt > 120_000 || api.child.exitCode !== null) throw new Error(`the API did not start: ${api.output.join('').slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    process.stdout.write(`API started (${memoryLine(api)}); pool settings from the environment: ${POOL_SETTINGS.filter((n) => process.env[n]).map((n) => `${n}=${process.env[n]}`).join(' ') || 'defaults'}\n`);
    poller = (async () => {
      while (polling) {
        const t = performance.now();
        const began = at();
        await fetch(`${url}/api/v1/health`).then((r) => r.arrayBuffer()).catch(() => null);
        health.push(performance.now() - t);
        if (performance.now() - t > 1000) slow.push(`${began} (${(performance.now() - t).toFixed(0)} ms)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const admin = { authorization: `Bearer ${ADMIN}` };
    const documentIds: string[] = [];
    process.stdout.write(`\nPhase 1: captures posted to the API\n`);
    let n = 0;
    for (const { name, first, second } of pages) {
      n += 1;
      const created = await fetch(`${url}/api/v1/documents`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ platform: `Hostile ${n}`, title: `Page ${n}`, type: 'terms-of-service', url: `https://hostile${n}.example/tos` }),
      }).then((r) => r.json() as Promise<{ document: { id: string } }>);
      documentIds.push(created.document.id);
      for (const [label, html] of [['first', first], ['second', second]] as const) {
        const before = health.length;
        const t = performance.now();
        const result = (await fetch(`${url}/api/v1/documents/${created.document.id}/captures?capturedAt=2026-0${label === 'first' ? 1 : 2}-01T00:00:00Z`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/html; charset=utf-8' },
          body: html,
        }).then((r) => r.json())) as { outcome?: string; cause?: string; change?: { clauses?: unknown[] } | null; statusCode?: number; message?: string };
        const during = health.slice(before);
        process.stdout.write(
          `${at()} ${name} (${label}, ${(html.byteLength / 2 ** 20).toFixed(1)} MB): ${result.outcome ?? `${result.statusCode} ${result.message ?? ''}`} in ${((performance.now() - t) / 1000).toFixed(1)} s` +
            `${result.cause ? ` (${result.cause.slice(0, 90)})` : ''}${result.change ? `, change record ${(JSON.stringify(result.change).length / 2 ** 10).toFixed(0)} KB` : ''}` +
            `; /health meanwhile: ${during.length} requests, p50 ${percentile(during, 50).toFixed(1)} ms, p99 ${percentile(during, 99).toFixed(1)} ms, max ${Math.max(0, ...during).toFixed(1)} ms; ${memoryLine(api)}\n`,
        );
      }
    }

    if (process.env.BENCH_CRAWLER === '0') return;
    process.stdout.write(`\nPhase 2: a crawler process checks the same pages on a loopback site\n`);
    // The API's documents (on unresolvable hosts) are paused, so the crawler checks only its own.
    await db.query(`UPDATE documents SET active = false WHERE type = 'terms-of-service'`);
    const crawled: string[] = [];
    pages.forEach((p, i) => served.set(`/hostile-${i + 1}`, p.first));
    for (let i = 0; i < pages.length; i++) {
      const [{ id }] = (await db.query(
        `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
         SELECT p.id, $1, 'terms-crawled', $2, 'http', 60 FROM platforms p WHERE p.name = $3 RETURNING id`,
        [`Crawled ${i + 1}`, JSON.stringify([{ url: `http://127.0.0.1:${sitePort}/hostile-${i + 1}` }]), `Hostile ${i + 1}`],
      )) as Array<{ id: string }>;
      crawled.push(id);
    }
    crawler = startApp(children, 'crawler', 'apps/crawler/src/main.js', { ...common, DATA_DIR: join(dataDir, 'crawler') });
    const checksOf = async () =>
      (await db.query(`SELECT document_id AS id, outcome, cause FROM checks WHERE trigger = 'schedule' AND document_id = ANY($1::bigint[]) ORDER BY id`, [crawled])) as Array<{ id: string; outcome: string; cause: string | null }>;
    for (const cycle of [1, 2]) {
      const t = performance.now();
      /** When each page's check of this cycle was first seen, seconds into the cycle (polled every 500 ms). */
      const doneAt = new Map<string, number>();
      for (;;) {
        const rows = await checksOf();
        for (const id of crawled) {
          if (!doneAt.has(id) && rows.filter((r) => String(r.id) === String(id)).length >= cycle) doneAt.set(id, (performance.now() - t) / 1000);
        }
        if (crawled.every((id) => rows.filter((r) => String(r.id) === String(id)).length >= cycle)) break;
        if (crawler.child.exitCode !== null) throw new Error(`the crawler exited: ${crawler.output.join('').slice(-2000)}`);
        if (performance.now() - t > 600_000) throw new Error(`cycle ${cycle} did not finish in 10 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const rows = await checksOf();
      for (let i = 0; i < crawled.length; i++) {
        const row = rows.filter((r) => String(r.id) === String(crawled[i]))[cycle - 1];
        process.stdout.write(`crawler, cycle ${cycle}: ${pages[i].name}: ${row.outcome}${row.cause ? ` (${row.cause.slice(0, 90)})` : ''}, done ${doneAt.get(crawled[i])?.toFixed(1)} s into the cycle\n`);
      }
      process.stdout.write(`${at()} cycle ${cycle} done in ${((performance.now() - t) / 1000).toFixed(1)} s; ${memoryLine(crawler)}\n`);
      if (cycle === 1) {
        pages.forEach((p, i) => served.set(`/hostile-${i + 1}`, p.second));
        await db.query(`UPDATE checks SET started_at = started_at - interval '2 hours' WHERE document_id = ANY($1::bigint[])`, [crawled]);
      }
    }
  } finally {
    polling = false;
    await poller;
    const peaks = children.map((app) => `${app.name} ${memoryOf(app.child.pid).peak.toFixed(0)} MB`);
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    await db.destroy();
    await new Promise((resolve) => site.close(resolve));
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(
      `\n/health requests over 1 s, by when they began: ${slow.join(', ') || 'none'}\n` +
        `/health over the whole run: ${health.length} requests, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${Math.max(0, ...health).toFixed(1)} ms\n` +
        `peak RSS per process (VmHWM, worker threads included): ${peaks.join(', ')}\n`,
    );
  }
}
