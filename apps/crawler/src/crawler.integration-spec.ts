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

// Two crawler processes (two Nest contexts on one database) share the queue: every due document is
// fetched once per cycle, and a new text is confirmed by a second, delayed fetch before it may alert.
describe('crawler: scheduler tick, pg-boss workers, confirmation', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let crawlers: INestApplicationContext[] = [];
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    site = await FixtureSite.start();
    const config = loadConfig({
      DATABASE_URL: database.url,
      ALLOW_PRIVATE_NETWORKS: 'true', // the fixture site is on loopback
      DATA_DIR: mkdtempSync(join(tmpdir(), 'clausewatch-crawler-')),
      CONFIRM_DELAY_SECONDS: '1',
      POLITENESS_DELAY_MS: '100',
      SCHEDULER_TICK_SECONDS: '3600',
    });
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('midjourney', 'Midjourney')`);
    for (const n of [1, 2, 3]) {
      site.servePage(`/tos-${n}`, `${TOS}/2025-06-23.html`);
      await dataSource.query(
        `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
         SELECT id, $1, $2, $3, 'http', 60 FROM platforms WHERE slug = 'midjourney'`,
        [`Terms ${n}`, `terms-${n}`, JSON.stringify([{ url: site.url(`/tos-${n}`) }])],
      );
    }
    crawlers = await startCrawlers(config, database.url, 2);
  }, 60_000);

  afterAll(async () => {
    await closeCrawlers(crawlers);
    crawlers = [];
    await dataSource?.destroy();
    await site?.stop();
    await database?.drop();
  });

  const checksOf = async () => Number((await dataSource.query(`SELECT count(*) FROM checks`))[0].count);

  it('fetches each due document exactly once, however many crawlers tick', async () => {
    // Each crawler ticked once at start; two more ticks race the running checks.
    await Promise.all(crawlers.map((app) => app.get(SchedulerCron).tick()));
    await until(async () => (await checksOf()) >= 3);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await checksOf()).toBe(3);
    for (const n of [1, 2, 3]) expect(site.hits(`/tos-${n}`)).toBe(1);
    // Not due any more: a second round of ticks enqueues nothing.
    expect(await Promise.all(crawlers.map((app) => app.get(SchedulerCron).tick()))).toEqual([0, 0]);
  }, 60_000);

  it('confirms a new text with a second fetch after the delay, and only then makes it alert-eligible', async () => {
    site.servePage('/tos-1', `${TOS}/2025-09-10.html`);
    await dataSource.query(`UPDATE checks SET started_at = started_at - interval '2 hours'`);
    await crawlers[0].get(SchedulerCron).tick();
    const change = await until(async () => (await dataSource.query(`SELECT id, alert_eligible, kind FROM change_records`))[0]);
    expect(change).toMatchObject({ kind: 'substantive', alert_eligible: false });
    const confirmed = await until(async () => (await dataSource.query(`SELECT alert_eligible FROM change_records WHERE alert_eligible`))[0]);
    expect(confirmed.alert_eligible).toBe(true);
    const [version] = await dataSource.query(`SELECT confirmed_at FROM versions ORDER BY id DESC LIMIT 1`);
    expect(version.confirmed_at).not.toBeNull();
    const triggers = (await dataSource.query(`SELECT trigger FROM checks c JOIN documents d ON d.id = c.document_id WHERE d.type = 'terms-1' ORDER BY c.id`)).map((r: { trigger: string }) => r.trigger);
    expect(triggers).toEqual(['schedule', 'schedule', 'confirm']);
  }, 60_000);
});
