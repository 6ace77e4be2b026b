import { createDataSource } from '@clausewatch/db';
import { createTestDatabase, FixtureSite, TestDatabase, until } from '@clausewatch/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CHECK_JOB_EXPIRE_SECONDS, JOB_MAINTENANCE_SECONDS } from '../libs/capture/src/jobs/jobs.service';

// A crawler process killed with SIGKILL in the middle of a check: its pg-boss job is handed to
// another crawler within a minute (expiry + maintenance), and the document gets its check.

const ROOT = join(__dirname, '..');
const TOS = 'sites/midjourney/terms-of-service';

describe('a killed crawler', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let db: DataSource;
  const children: ChildProcess[] = [];

  const crawler = (env: Record<string, string>) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/crawler/src/main.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
    database = await createTestDatabase();
    site = await FixtureSite.start();
    db = createDataSource({ url: database.url });
    await db.initialize();
    await db.query(`INSERT INTO platforms (slug, name) VALUES ('midjourney', 'Midjourney')`);
    await db.query(
      `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
       SELECT id, 'Terms', 'terms-of-service', $1, 'http', 60 FROM platforms WHERE slug = 'midjourney'`,
      [JSON.stringify([{ url: site.url('/tos') }])],
    );
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.destroy();
    await site?.stop();
    await database?.drop();
  });

  it('has its check job taken up by another crawler within 60 s', async () => {
    expect(CHECK_JOB_EXPIRE_SECONDS + JOB_MAINTENANCE_SECONDS).toBeLessThanOrEqual(60);
    // The first fetch hangs for longer than the test: the crawler is killed while it waits.
    site.fault('/tos', 'slow', { delayMs: 120_000 });
    const env = {
      DATABASE_URL: database.url,
      ALLOW_PRIVATE_NETWORKS: 'true',
      SCHEDULER_TICK_SECONDS: '3600',
      SEED_CATALOG: 'false',
      FETCH_TIMEOUT_MS: '100000',
      WORKER_THREADS: '1',
    };
    const doomed = crawler({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'cw-killed-')) });
    await until(async () => site.hits('/tos') >= 1, 45_000, 'the first crawler to start fetching');
    doomed.kill('SIGKILL');
    const killedAt = Date.now();
    site.servePage('/tos', `${TOS}/2025-06-23.html`);
    crawler({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'cw-survivor-')) });
    await until(async () => Number((await db.query(`SELECT count(*) FROM checks WHERE outcome = 'ok'`))[0].count) >= 1, 75_000, 'the job to come back');
    const backAfterMs = Date.now() - killedAt;
    process.stdout.write(`killed crawler's check done by the other crawler ${Math.round(backAfterMs / 1000)} s after the kill\n`);
    expect(backAfterMs).toBeLessThan(60_000);
    expect(site.hits('/tos')).toBe(2);
  }, 120_000);
});
