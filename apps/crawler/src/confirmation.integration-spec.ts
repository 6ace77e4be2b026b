import { loadConfig } from '@clausewatch/config';
import { createDataSource, migrate } from '@clausewatch/db';
import { createTestDatabase, FixtureSite, TestDatabase, until } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SchedulerCron } from './schedule/scheduler.cron';
import { CheckWorker } from './jobs/check.worker';
import { ConfirmJob, QUEUES } from '@clausewatch/capture';
import type PgBoss from 'pg-boss';
import { startCrawlers } from './testing/crawler-contexts';

const TOS = 'sites/midjourney/terms-of-service';

// Against a site that behaves like nginx (ETag, Last-Modified, 304 to conditional requests), through
// the crawler's own jobs: a change is confirmed by an unconditional second fetch and then owes alerts.
describe('crawler confirmation against a server that sends validators', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let crawler: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    site = await FixtureSite.start({ validators: true });
    const config = loadConfig({
      DATABASE_URL: database.url,
      ALLOW_PRIVATE_NETWORKS: 'true', // the fixture site is on loopback
      DATA_DIR: mkdtempSync(join(tmpdir(), 'clausewatch-confirm-')),
      CONFIRM_DELAY_SECONDS: '1',
      POLITENESS_DELAY_MS: '50',
      SCHEDULER_TICK_SECONDS: '3600',
    });
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('midjourney', 'Midjourney')`);
    for (const name of ['change', 'not-modified']) {
      site.servePage(`/${name}`, `${TOS}/2025-06-23.html`);
      await dataSource.query(
        `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
         SELECT id, $1, $1, $2, 'http', 60 FROM platforms WHERE slug = 'midjourney'`,
        [name, JSON.stringify([{ url: site.url(`/${name}`) }])],
      );
    }
    const [watcher] = await dataSource.query(`INSERT INTO subscribers (email, plan, unsubscribe_token) VALUES ('w@example.test', 'watcher', 'tok') RETURNING id`);
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) SELECT $1, id FROM platforms WHERE slug = 'midjourney'`, [watcher.id]);
    [crawler] = await startCrawlers(config, database.url, 1);
    // The tick at start checks both documents once: their first versions.
    await until(async () => Number((await dataSource.query(`SELECT count(*) FROM versions`))[0].count) === 2);
  }, 60_000);

  afterAll(async () => {
    await crawler?.close();
    await dataSource?.destroy();
    await site?.stop();
    await database?.drop();
  });

  const makeDue = () => dataSource.query(`UPDATE checks SET started_at = started_at - interval '2 hours'`);
  const checksOf = async (type: string) =>
    dataSource.query(`SELECT c.trigger, c.outcome FROM checks c JOIN documents d ON d.id = c.document_id WHERE d.type = $1 ORDER BY c.id`, [type]);

  it('confirms a crawled change with an unconditional second fetch, and owes its alerts', async () => {
    site.servePage('/change', `${TOS}/2025-09-10.html`);
    await makeDue();
    await crawler.get(SchedulerCron).tick();
    const change = await until(async () => (await dataSource.query(`SELECT id, alert_eligible FROM change_records WHERE alert_eligible`))[0]);
    expect(change.alert_eligible).toBe(true);
    // The ordinary checks were conditional; the confirmation was not (it saw the page's bytes, 200).
    expect(await checksOf('change')).toEqual([
      { trigger: 'schedule', outcome: 'ok' },
      { trigger: 'schedule', outcome: 'ok' },
      { trigger: 'confirm', outcome: 'ok' },
    ]);
    expect(site.lastRequestHeaders('/change')?.['if-none-match']).toBeUndefined();
    const owed = await dataSource.query(`SELECT channel FROM notifications WHERE change_record_id = $1 ORDER BY channel`, [change.id]);
    expect(owed.map((r: { channel: string }) => r.channel)).toEqual(['alert', 'digest']);
    // Unchanged since: the next ordinary check is a 304, and nothing new is recorded.
    await makeDue();
    await crawler.get(SchedulerCron).tick();
    await until(async () => (await checksOf('change')).length === 4);
    expect((await checksOf('change'))[3]).toEqual({ trigger: 'schedule', outcome: 'not-modified' });
    expect(Number((await dataSource.query(`SELECT count(*) FROM change_records`))[0].count)).toBe(1);
  }, 60_000);

  it('takes a 304 to an ordinary check as confirming an unconfirmed latest version', async () => {
    // A new text recorded whose confirmation has not happened yet (say, the confirmation job failed for good).
    site.servePage('/not-modified', `${TOS}/2025-09-10.html`);
    const [document] = await dataSource.query(`SELECT id FROM documents WHERE type = 'not-modified'`);
    await dataSource.query(`UPDATE documents SET active = false WHERE type = 'change'`);
    await makeDue();
    await crawler.get(SchedulerCron).tick();
    const change = await until(async () => (await dataSource.query(`SELECT id FROM change_records WHERE document_id = $1`, [document.id]))[0]);
    await until(async () => (await dataSource.query(`SELECT alert_eligible FROM change_records WHERE id = $1 AND alert_eligible`, [change.id]))[0]);
    await dataSource.query(`UPDATE change_records SET alert_eligible = false WHERE id = $1`, [change.id]);
    await dataSource.query(`UPDATE versions SET confirmed_at = NULL WHERE id = (SELECT to_version_id FROM change_records WHERE id = $1)`, [change.id]);
    await dataSource.query(`DELETE FROM notifications WHERE change_record_id = $1`, [change.id]);

    await makeDue();
    await crawler.get(SchedulerCron).tick();
    const confirmed = await until(async () => (await dataSource.query(`SELECT alert_eligible FROM change_records WHERE id = $1 AND alert_eligible`, [change.id]))[0]);
    expect(confirmed.alert_eligible).toBe(true);
    const last = (await checksOf('not-modified')).at(-1);
    expect(last).toEqual({ trigger: 'schedule', outcome: 'not-modified' });
    const owed = await dataSource.query(`SELECT channel FROM notifications WHERE change_record_id = $1 ORDER BY channel`, [change.id]);
    expect(owed.map((r: { channel: string }) => r.channel)).toEqual(['alert', 'digest']);
  }, 60_000);

  it('takes a politeness slot for the confirmation fetch: a host booked far ahead gets the job back for then, not a request now', async () => {
    const [document] = await dataSource.query(`SELECT id, sources->0->>'url' AS url FROM documents WHERE type = 'not-modified'`);
    const [latest] = await dataSource.query(`SELECT id FROM versions WHERE document_id = $1 ORDER BY id DESC LIMIT 1`, [document.id]);
    const host = new URL(document.url).host;
    await dataSource.query(`UPDATE host_slots SET next_fetch_at = now() + interval '90 seconds' WHERE host = $1`, [host]);
    const hits = site.hits('/not-modified');
    const job = { id: 'test-confirm', name: QUEUES.confirm, data: { documentId: document.id, versionId: latest.id } } as PgBoss.Job<ConfirmJob>;
    await crawler.get(CheckWorker).runConfirm(job);
    expect(site.hits('/not-modified')).toBe(hits);
    const [requeued] = await dataSource.query(
      `SELECT extract(epoch FROM start_after - now()) AS seconds FROM pgboss.job WHERE name = $1 AND state = 'created' AND data->>'versionId' = $2`,
      [QUEUES.confirm, latest.id],
    );
    expect(Number(requeued.seconds)).toBeGreaterThan(60);
    expect(Number(requeued.seconds)).toBeLessThan(120);
  });
});
