// `npm run bench -- crawl`: crawl throughput as infra/ deploys it. BENCH_DOCS documents (default 1,000;
// issue 13's target is 10,000) on BENCH_HOSTS loopback hosts (default 250: 127.0.0.2 …), served like
// nginx (ETag and Last-Modified on every page, 304 to a conditional request), checked by 2 crawler
// processes started alone from dist/ on one PostgreSQL, politeness on (the default 2 s per host),
// while a client polls the API process (GET /api/v1/health and a document record) for its latency.
// Cycle 1 captures every page once (first versions; with BENCH_SEED=validators only the pages that will
// change, see seedValidators); cycle 2, after 1 % of the pages changed and every document fell due
// again, is the steady state the target is about: checks per hour over that cycle. The API is polled
// alone for 15 s first, so its latency under the crawl can be read against the machine's own load.
import { generateLedgerKey } from '@clausewatch/records';
import { createDataSource, migrate, startEmbeddedDatabase } from '@clausewatch/db';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/** dist/, where this file runs from; the apps are built beside it. */
const DIST = join(__dirname, '..');
const ADMIN_TOKEN = 'bench-crawl-admin-token-0123456789';
const CRAWLERS = 2;
const CHANGING = 0.01;

interface Page {
  body: string;
  etag: string;
  lastModified: string;
}

/** A terms page of a few KB, distinct per document; `revision` changes one clause. */
function termsPage(doc: number, revision: number): string {
  const sections = Array.from({ length: 8 }, (_, s) => {
    const clause =
      s === 3 && revision > 0
        ? `Revision ${revision}: we may share your personal data with our partners for advertising purposes.`
        : `We keep the data described in section ${s + 1} only as long as needed to provide service ${doc}.`;
    return `<h2>${s + 1}. Section ${s + 1}</h2><p>${clause} You may ask us to delete it at any time by writing to us. These terms apply to every user of service ${doc}.</p>`;
  }).join('\n');
  return `<!doctype html><html><head><title>Terms of Service ${doc}</title></head><body><main><h1>Terms of Service</h1>\n${sections}\n</main></body></html>`;
}

/** Serves every document's page on every host address, the way nginx answers conditional requests. */
class LoopbackHosts {
  private readonly pages = new Map<string, Page>();
  private readonly servers: Server[] = [];
  requests = 0;
  notModified = 0;

  validatorsOf(path: string): { etag: string; lastModified: string } {
    const page = this.pages.get(path)!;
    return { etag: page.etag, lastModified: page.lastModified };
  }

  setPage(path: string, body: string): void {
    this.pages.set(path, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`, lastModified: new Date().toUTCString() });
  }

  async listen(addresses: string[], port: number): Promise<void> {
    for (const address of addresses) {
      const server = createHttpServer((req, res) => this.handle(req, res));
      server.keepAliveTimeout = 5000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => resolve());
      });
      this.servers.push(server);
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests += 1;
    const page = this.pages.get((req.url ?? '/').split('?')[0]);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const validators = { etag: page.etag, 'last-modified': page.lastModified };
    if (req.headers['if-none-match'] === page.etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === page.lastModified)) {
      this.notModified += 1;
      res.writeHead(304, validators).end();
      return;
    }
    res.writeHead(200, { ...validators, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page.body) }).end(page.body);
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  }
}

async function freePort(address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A seeded shuffle: documents are added over time in no host order. */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = 42;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function scheduledChecks(db: DataSource): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM checks WHERE trigger = 'schedule'`);
  return n;
}

async function waitForChecks(db: DataSource, target: number, label: string, children: Child[]): Promise<number> {
  const started = performance.now();
  let last = -1;
  let lastReport = started;
  for (;;) {
    const n = await scheduledChecks(db);
    if (n >= target) return performance.now() - started;
    const dead = children.find((c) => c.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited ${dead.child.exitCode}: ${dead.output.join('').slice(-2000)}`);
    if (performance.now() - lastReport > 30_000 && n !== last) {
      process.stdout.write(`  ${label}: ${n}/${target} after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      last = n;
      lastReport = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

type Child = { name: string; child: ChildProcess; output: string[] };

/** Starts a built app alone, as infra/ does, keeping the tail of its output for when it fails. */
function startApp(children: Child[], name: string, script: string, env: Record<string, string>): void {
  const child = spawn(process.execPath, [join(DIST, script)], { cwd: join(DIST, '..'), env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (d: unknown) => output.push(String(d)) > 200 && output.shift();
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push({ name, child, output });
}

async function stopApps(children: Child[]): Promise<void> {
  for (const { child } of children) child.kill('SIGTERM');
  await Promise.all(children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
}

async function untilHealthy(apiUrl: string, api: Child): Promise<void> {
  for (const started = Date.now(); ; ) {
    if (await fetch(`${apiUrl}/api/v1/health`).then((r) => r.ok).catch(() => false)) return;
    if (Date.now() - started > 120_000 || api.child.exitCode !== null) throw new Error(`the API did not start: ${api.output.join('').slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Polls the API (health and a record, alternately) every 50 ms until stopped; `take()` returns and resets the latencies. */
function pollApi(apiUrl: string, recordId: string) {
  let polling = true;
  let latencies: number[] = [];
  const done = (async () => {
    for (let i = 0; polling; i++) {
      const t = performance.now();
      await fetch(`${apiUrl}${i % 2 ? `/api/v1/records/${recordId}` : '/api/v1/health'}`).then((r) => r.arrayBuffer()).catch(() => null);
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    take(): string {
      const line = `API p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(0, ...latencies).toFixed(0)} ms (${latencies.length} requests)`;
      latencies = [];
      return line;
    },
    async stop(): Promise<void> {
      polling = false;
      await done;
    },
  };
}

async function seedDocuments(db: DataSource, order: number[], hostCount: number, urlOf: (doc: number) => string): Promise<void> {
  await db.query(`INSERT INTO platforms (slug, name) SELECT 'bench-' || g, 'Bench ' || g FROM generate_series(0, $1::int - 1) g`, [hostCount]);
  for (let start = 0; start < order.length; start += 1000) {
    const batch = order.slice(start, start + 1000);
    await db.query(
      `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
       SELECT p.id, 'Terms ' || d.doc, 'terms-' || d.doc, jsonb_build_array(jsonb_build_object('url', d.url)), 'http', 60
         FROM unnest($1::int[], $2::text[], $3::text[]) AS d(doc, url, platform) JOIN platforms p ON p.slug = d.platform`,
      [batch, batch.map(urlOf), batch.map((d) => `bench-${d % hostCount}`)],
    );
  }
}

/**
 * BENCH_SEED=validators: instead of capturing every page in cycle 1, record for the documents that will
 * not change a past ok check with the validators their server sends (as cycle 1 would have left), so a
 * full-size steady-state cycle fits in a bench run; the changing documents are still captured for real.
 */
async function seedValidators(db: DataSource, hosts: LoopbackHosts, docs: number[]): Promise<void> {
  for (let start = 0; start < docs.length; start += 1000) {
    const batch = docs.slice(start, start + 1000);
    const validators = batch.map((d) => hosts.validatorsOf(`/terms-${d}`));
    await db.query(
      `INSERT INTO checks (document_id, trigger, started_at, duration_ms, outcome, http_status, fetcher, etag, last_modified)
       SELECT d.id, 'schedule', now(), 5, 'ok', 200, 'http', v.etag, v.last_modified
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(type, etag, last_modified) JOIN documents d ON d.type = v.type`,
      [batch.map((d) => `terms-${d}`), validators.map((v) => v.etag), validators.map((v) => v.lastModified)],
    );
  }
}

export async function run(): Promise<void> {
  const docs = Number(process.env.BENCH_DOCS ?? 1000);
  const hostCount = Number(process.env.BENCH_HOSTS ?? 250);
  const addresses = Array.from({ length: hostCount }, (_, i) => `127.0.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-crawl-'));
  const database = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: database.url, poolSize: 2 });
  const hosts = new LoopbackHosts();
  const children: Child[] = [];
  const appDirs: string[] = [];
  const appDir = () => {
    appDirs.push(mkdtempSync(join(tmpdir(), 'cw-crawl-app-')));
    return appDirs[appDirs.length - 1];
  };
  let poller: ReturnType<typeof pollApi> | null = null;
  try {
    await db.initialize();
    await migrate(db, 'CW');
    const sitePort = await freePort(addresses[0]);
    await hosts.listen(addresses, sitePort);
    for (let d = 0; d < docs; d++) hosts.setPage(`/terms-${d}`, termsPage(d, 0));
    const order = shuffled(docs);
    const changed = order.slice(0, Math.round(docs * CHANGING));
    await seedDocuments(db, order, hostCount, (d) => `http://${addresses[d % hostCount]}:${sitePort}/terms-${d}`);
    const seed = process.env.BENCH_SEED ?? 'crawl';
    if (seed === 'validators') await seedValidators(db, hosts, order.slice(changed.length));

    const common = {
      DATABASE_URL: database.url,
      ADMIN_TOKEN,
      LEDGER_SIGNING_KEY: generateLedgerKey().privateKeyPem,
      ALLOW_PRIVATE_NETWORKS: 'true', // the "public" hosts are on loopback
      SEED_CATALOG: 'false',
      CONFIRM_DELAY_SECONDS: '3600', // confirmation re-fetches are not what this measures
      SCHEDULER_TICK_SECONDS: process.env.BENCH_TICK_SECONDS ?? '10',
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_FORMAT: 'json',
    };
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    startApp(children, 'api', 'apps/api/src/main.js', { ...common, PORT: String(apiPort), HOST: '127.0.0.1', CRAWLER_ENABLED: 'false', DATA_DIR: appDir() });
    await untilHealthy(apiUrl, children[0]);
    const [{ record_id: recordId }] = await db.query(`SELECT record_id FROM documents ORDER BY id LIMIT 1`);
    poller = pollApi(apiUrl, recordId);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    process.stdout.write(`API alone (no crawler yet), 15 s: ${poller.take()}\n`);

    for (let i = 0; i < CRAWLERS; i++) startApp(children, `crawler-${i + 1}`, 'apps/crawler/src/main.js', { ...common, DATA_DIR: appDir() });
    process.stdout.write(`${docs} documents on ${hostCount} loopback hosts, ${CRAWLERS} crawler processes, politeness ${process.env.POLITENESS_DELAY_MS ?? 2000} ms per host, scheduler tick ${common.SCHEDULER_TICK_SECONDS} s\n`);

    const cycle1 = await waitForChecks(db, docs, 'cycle 1', children);
    const [{ versions: firstVersions }] = await db.query(`SELECT count(*)::int AS versions FROM versions`);
    const captured = seed === 'validators' ? changed.length : docs;
    process.stdout.write(
      `cycle 1 (first capture of ${captured === docs ? 'every page' : `the ${captured} pages that will change; the others seeded with their validators`}): ` +
        `${(cycle1 / 1000).toFixed(0)} s, ${Math.round((captured / cycle1) * 3_600_000)} captures/hour, ${firstVersions} versions; ${poller.take()}\n`,
    );
    for (const d of changed) hosts.setPage(`/terms-${d}`, termsPage(d, 1));
    const before = { requests: hosts.requests, notModified: hosts.notModified };
    await db.query(`UPDATE checks SET started_at = started_at - interval '2 hours'`);
    const cycle2 = await waitForChecks(db, 2 * docs, 'cycle 2', children);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const [{ versions }] = await db.query(`SELECT count(*)::int AS versions FROM versions`);
    const [{ uneven }] = await db.query(
      `SELECT count(*)::int AS uneven FROM (SELECT document_id FROM checks WHERE trigger = 'schedule' GROUP BY document_id HAVING count(*) <> 2) x`,
    );
    process.stdout.write(
      `cycle 2 (${changed.length} pages changed): ${(cycle2 / 1000).toFixed(0)} s, **${Math.round((docs / cycle2) * 3_600_000)} checks/hour**, ` +
        `${versions - firstVersions} new versions, ${hosts.requests - before.requests} requests (${hosts.notModified - before.notModified} answered 304), ` +
        `${uneven} documents not checked exactly once per cycle; ${poller.take()}\n`,
    );
  } finally {
    await poller?.stop();
    await stopApps(children);
    await hosts.close();
    await db.destroy().catch(() => undefined);
    await database.stop();
    for (const dir of [dataDir, ...appDirs]) rmSync(dir, { recursive: true, force: true });
  }
}
