import { generateLedgerKey } from '@clausewatch/records';
import { createTestDatabase, FixtureSite, TestDatabase, until } from '@clausewatch/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '@clausewatch/db';

// Scale-out as infra/ deploys it: 2 API and 2 crawler processes started alone from dist/ (the built
// apps) on one PostgreSQL, over the corpus on the loopback fixture site. Each document is checked
// once per cycle, a change gives one version, and both APIs serve the same fresh record.

const ROOT = join(__dirname, '..');
const TOS = 'sites/midjourney/terms-of-service';
const DOCUMENTS = 6;
const ADMIN_TOKEN = 'scale-out-admin-token-0123456789';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Waits sized for a busy machine (four Node processes starting at once took over 60 s at load 15), each
// under the jest timeout of its hook or test, so a slow start ends in our message, not jest's. A real
// failure does not wait them out: a process that exits ends the wait at once, with its output.
const READY_MS = 150_000;
const CYCLE_MS = 90_000;

describe('scale-out: 2 API + 2 crawler processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let db: DataSource;
  const processes: Array<{ name: string; child: ChildProcess; output: string[] }> = [];
  const apiPorts: number[] = [];

  const start = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', script)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (d) => output.push(String(d)));
    child.stderr?.on('data', (d) => output.push(String(d)));
    processes.push({ name, child, output });
  };
  const api = (i: number, path: string) => fetch(`http://127.0.0.1:${apiPorts[i]}${path}`);
  /** A process that exited (none should before afterAll), with the tail of its output. */
  const exited = () => {
    const gone = processes.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    return gone ? `${gone.name} exited (${gone.child.exitCode ?? gone.child.signalCode}):\n${gone.output.join('').slice(-2000)}` : null;
  };
  const scheduledChecks = async () =>
    (await db.query(`SELECT d.type, count(*)::int AS n FROM checks c JOIN documents d ON d.id = c.document_id WHERE c.trigger = 'schedule' GROUP BY d.type ORDER BY d.type`)) as Array<{ type: string; n: number }>;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
    database = await createTestDatabase();
    site = await FixtureSite.start();
    db = createDataSource({ url: database.url });
    await db.initialize();
    await db.query(`INSERT INTO platforms (slug, name) VALUES ('midjourney', 'Midjourney')`);
    for (let n = 1; n <= DOCUMENTS; n++) {
      site.servePage(`/tos-${n}`, `${TOS}/2025-06-23.html`);
      await db.query(
        `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
         SELECT id, $1, $2, $3, 'http', 60 FROM platforms WHERE slug = 'midjourney'`,
        [`Terms ${n}`, `terms-${n}`, JSON.stringify([{ url: site.url(`/tos-${n}`) }])],
      );
    }
    const common = {
      DATABASE_URL: database.url,
      ADMIN_TOKEN,
      LEDGER_SIGNING_KEY: generateLedgerKey().privateKeyPem,
      ALLOW_PRIVATE_NETWORKS: 'true', // the fixture site is on loopback
      CONFIRM_DELAY_SECONDS: '0',
      POLITENESS_DELAY_MS: '0',
      SCHEDULER_TICK_SECONDS: '1',
      SEED_CATALOG: 'false',
      RATE_LIMIT_PER_MINUTE: '100000',
      WORKER_THREADS: '1',
      PUBLIC_URL: 'http://clausewatch.test',
    };
    for (let i = 0; i < 2; i++) {
      apiPorts.push(await freePort());
      start(`api-${i + 1}`, 'apps/api/src/main.js', { ...common, PORT: String(apiPorts[i]), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'cw-scale-api-')) });
    }
    for (let i = 0; i < 2; i++) start(`crawler-${i + 1}`, 'apps/crawler/src/main.js', { ...common, DATA_DIR: mkdtempSync(join(tmpdir(), 'cw-scale-crawler-')) });
    try {
      await Promise.all([0, 1].map((i) => until(async () => (await api(i, '/api/v1/health')).ok, READY_MS, `api-${i + 1} to be ready`, exited)));
    } catch (error) {
      for (const p of processes) process.stderr.write(`${p.name} (exit ${p.child.exitCode}):\n${p.output.join('').slice(-2000)}\n`);
      throw error;
    }
  }, READY_MS + 90_000);

  afterAll(async () => {
    for (const { child } of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    await db?.destroy();
    await site?.stop();
    await database?.drop();
  }, 60_000);

  afterEach(() => {
    // On failure the processes' own words say why.
    const failed = (expect.getState() as { assertionCalls: number; numPassingAsserts?: number }).numPassingAsserts === undefined;
    if (failed) for (const p of processes) if (p.child.exitCode !== null) process.stderr.write(`${p.name} exited ${p.child.exitCode}:\n${p.output.join('').slice(-3000)}\n`);
  });

  it('checks each document exactly once per cycle and records one version per change; both APIs serve the same fresh record', async () => {
    // Cycle 1: every document once, whichever crawler took it.
    await until(async () => (await scheduledChecks()).length === DOCUMENTS, CYCLE_MS, 'the first cycle', exited);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await scheduledChecks()).map((r) => r.n)).toEqual(Array(DOCUMENTS).fill(1));
    for (let n = 1; n <= DOCUMENTS; n++) expect(site.hits(`/tos-${n}`)).toBe(1);
    const [doc] = await db.query(`SELECT id, record_id FROM documents WHERE type = 'terms-1'`);
    // Both APIs have read (and cached) the document record.
    const before = await Promise.all([0, 1].map(async (i) => (await api(i, `/api/v1/records/${doc.record_id}`)).text()));
    expect(before[0]).toBe(before[1]);

    // Cycle 2: one page changed; everything due again.
    site.servePage('/tos-1', `${TOS}/2025-09-10.html`);
    await db.query(`UPDATE checks SET started_at = started_at - interval '2 hours'`);
    await until(async () => (await scheduledChecks()).every((r) => r.n === 2), CYCLE_MS, 'the second cycle', exited);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await scheduledChecks()).map((r) => r.n)).toEqual(Array(DOCUMENTS).fill(2));
    const versions: Array<{ type: string; n: number }> = await db.query(
      `SELECT d.type, count(v.id)::int AS n FROM documents d LEFT JOIN versions v ON v.document_id = d.id GROUP BY d.type ORDER BY d.type`,
    );
    expect(versions).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => ({ type: `terms-${i + 1}`, n: i === 0 ? 2 : 1 })));
    expect(Number((await db.query('SELECT count(*) FROM change_records'))[0].count)).toBe(1);
    const [latest] = await db.query(`SELECT record_id FROM versions WHERE document_id = $1 ORDER BY id DESC LIMIT 1`, [doc.id]);

    // Caches: both APIs serve the same, fresh document record (its health names the newest check), and both list the new version.
    const [{ last }] = await db.query(`SELECT max(started_at) AS last FROM checks WHERE document_id = $1`, [doc.id]);
    const after = await until(async () => {
      const bodies = await Promise.all([0, 1].map(async (i) => (await api(i, `/api/v1/records/${doc.record_id}`)).text()));
      return bodies.every((b) => JSON.parse(b).health.lastCheckedAt === new Date(last).toISOString()) && bodies[0] === bodies[1] ? bodies : null;
    }, 30_000, 'both APIs to serve the fresh record', exited);
    expect(after[0]).not.toBe(before[0]);
    for (const i of [0, 1]) expect(await (await api(i, `/api/v1/documents/${doc.record_id}/versions`)).text()).toContain(latest.record_id);
  }, 2 * CYCLE_MS + 60_000);
});
