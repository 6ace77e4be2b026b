import { CHECK_JOB_EXPIRE_SECONDS, QUEUES } from '@clausewatch/capture';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, migrate } from '@clausewatch/db';
import { createTestDatabase, FixtureSite, TestDatabase, until } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SchedulerCron } from './schedule/scheduler.cron';
import { closeCrawlers, startCrawlers } from './testing/crawler-contexts';

const TOS = 'sites/midjourney/terms-of-service';
/** The host's next politeness slot is this far ahead when the check starts: the check waits for it. */
const SLOT_AHEAD_MS = (CHECK_JOB_EXPIRE_SECONDS - 6) * 1000;
/** Then the page answers this long after the request (under the fetcher's 20 s for headers). */
const SLOW_MS = 18_000;

// A check that runs longer than its pg-boss job lives (here a politeness wait then a page that answers
// slowly; in the hostile bench a large page waiting for the extraction thread): pg-boss takes the job for one of a dead worker and hands it out again, and
// the scheduler's next tick finds the document still due (its check row is written when the check ends).
// Two crawler processes (two Nest contexts on one database) share the queue.
//
// What happens to a check still running when the next cycle starts: it goes on and records its cycle when
// its page arrives. The jobs that come meanwhile for the same document (the expired job handed out again,
// a new tick's job) find that check still running in a live process and end without fetching; the next
// check is due one interval after the running check started. Only when the process running it dies (its
// database session, and so its hold on the document, ends with it) does the job handed out again fetch.
describe('crawler: a check that outlives its job', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let crawlers: INestApplicationContext[] = [];
  let dataSource: DataSource;
  /** When the crawlers started: each ticks at once, so the check's job starts then. */
  let startedAt = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    site = await FixtureSite.start();
    site.fault('/slow', 'slow', { delayMs: SLOW_MS, page: `${TOS}/2025-06-23.html` });
    const config = loadConfig({
      DATABASE_URL: database.url,
      ALLOW_PRIVATE_NETWORKS: 'true', // the fixture site is on loopback
      DATA_DIR: mkdtempSync(join(tmpdir(), 'clausewatch-slow-check-')),
      CONFIRM_DELAY_SECONDS: '3600',
      POLITENESS_DELAY_MS: '0',
      FETCH_TIMEOUT_MS: String(SLOW_MS + 10_000),
      SCHEDULER_TICK_SECONDS: '3600',
    });
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('midjourney', 'Midjourney')`);
    await dataSource.query(
      `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
       SELECT id, 'Terms', 'terms-of-service', $1, 'http', 60 FROM platforms WHERE slug = 'midjourney'`,
      [JSON.stringify([{ url: site.url('/slow') }])],
    );
    startedAt = Date.now();
    await dataSource.query(`INSERT INTO host_slots (host, next_fetch_at) VALUES ($1, now() + make_interval(secs => $2 / 1000.0))`, [new URL(site.url('/')).host, SLOT_AHEAD_MS]);
    crawlers = await startCrawlers(config, database.url, 2);
  }, 60_000);

  afterAll(async () => {
    await closeCrawlers(crawlers);
    crawlers = [];
    await dataSource?.destroy();
    await site?.stop();
    await database?.drop();
  });

  const checks = () => dataSource.query(`SELECT trigger, outcome FROM checks ORDER BY id`);

  it('fetches the page once: the job handed out again and the next ticks leave the running check alone', async () => {
    await until(async () => site.hits('/slow') >= 1, SLOT_AHEAD_MS + 10_000, 'the first fetch');
    // Past the job's expiry: pg-boss has taken the job for a dead worker's and handed it out again by now.
    await until(async () => Date.now() - startedAt > (CHECK_JOB_EXPIRE_SECONDS + 7) * 1000, 60_000, 'the job to expire');
    // The next cycle starts while the check runs: the document is still due, both crawlers tick.
    await Promise.all(crawlers.map((app) => app.get(SchedulerCron).tick()));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(site.hits('/slow')).toBe(1);
    expect(await checks()).toEqual([]);
    // The page arrives: the running check records the cycle, once.
    await until(async () => (await checks()).length >= 1, SLOW_MS, 'the check to end');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await checks()).toEqual([{ trigger: 'schedule', outcome: 'ok' }]);
    expect(site.hits('/slow')).toBe(1);
    expect(Number((await dataSource.query(`SELECT count(*) FROM versions`))[0].count)).toBe(1);
    // Nothing is left queued to fetch it again in this cycle.
    const pending = await dataSource.query(`SELECT state FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [QUEUES.check]);
    expect(pending).toEqual([]);
  }, 150_000);
});
