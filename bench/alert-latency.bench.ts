// `npm run bench -- alert-latency`: from a confirmed change (its notifications owed and committed, as
// the confirmation transaction does) to the alert email handed to the provider (the local fake Resend,
// through the real SDK), going through the API's own path: the notifications tick (every 5 s) groups
// the owed alerts into emails and wakes the pg-boss delivery job, which claims, renders and sends.
// Target (issue 10): ≤ 60 s. Changes arrive at random moments, so they land in every phase of the tick.
import 'reflect-metadata';
import { analyzeChange } from '@clausewatch/analyzer';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, migrate, NotificationsRepository, startEmbeddedDatabase } from '@clausewatch/db';
import { FakeResend } from '@clausewatch/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../apps/api/src/bootstrap';

const CHANGES = Number(process.env.BENCH_ALERT_CHANGES ?? 20);
/** Watchers per changed platform (each gets one alert: a first alert is never held back for grouping). */
const WATCHERS = 20;
/** Digest-only followers per platform, owed in the same transaction (the realistic owing load). */
const FREE_FOLLOWERS = 200;

const BEFORE = `# Terms\n\n## Arbitration\n\nYou may opt out of arbitration within 30 days of accepting these Terms.\n\n## Liability\n\nOur total liability is limited to the amounts you paid us in the past twelve months.`;
const AFTER = `# Terms\n\n## Arbitration\n\nYou may opt out of arbitration within 10 days of accepting these Terms.\n\n## Liability\n\nOur total liability is limited to one hundred US dollars.`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-alert-'));
  const database = await startEmbeddedDatabase(dataDir);
  const resend = await FakeResend.start();
  resend.retainBodies = false;
  const dataSource = createDataSource({ url: database.url, poolSize: 4 });
  let app: Awaited<ReturnType<typeof createApiApp>> | null = null;
  try {
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    await dataSource.query(`INSERT INTO platforms (slug, name) SELECT 'p' || g, 'Platform ' || g FROM generate_series(1, $1) g`, [CHANGES]);
    await dataSource.query(`INSERT INTO documents (platform_id, title, type, sources) SELECT id, 'Terms of Service', 'terms-of-service', '[]' FROM platforms`);
    await dataSource.query(
      `INSERT INTO subscribers (email, plan, unsubscribe_token, created_at)
       SELECT 'r' || p.id || '-' || g || '@bench.test', CASE WHEN g <= $1 THEN 'watcher' ELSE 'free' END, md5('a' || p.id || '-' || g), now() - interval '30 days'
         FROM platforms p, generate_series(1, $2) g`,
      [WATCHERS, WATCHERS + FREE_FOLLOWERS],
    );
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) SELECT s.id, p.id FROM subscribers s JOIN platforms p ON s.email LIKE 'r' || p.id || '-%'`);
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (repeat('a', 64), 'text/html', 1, '\\x00') RETURNING id`);
    const analysis = analyzeChange(BEFORE, AFTER);

    const config = loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, PUBLIC_URL: 'https://clausewatch.example', RESEND_API_KEY: 're_bench', RESEND_BASE_URL: resend.url });
    app = await createApiApp({ config, databaseUrl: database.url, ticks: true, logger: false, logging: false });
    await app.init();

    const notifications = new NotificationsRepository(dataSource);
    const documents: Array<{ id: string }> = await dataSource.query(`SELECT id FROM documents ORDER BY id`);
    const confirmedAt = new Map<string, number>();
    const handedAt = new Map<string, number>();
    // Watches the fake: the moment each change's alerts were all handed over (one email per watcher,
    // keyed cw-alert-<its first notification>: here the change's own, a watcher's first alert of the day).
    const alertKeys = new Map<string, string[]>();
    const watcher = setInterval(() => {
      const received = new Set(resend.delivered.map((d) => d.emailKey));
      for (const [change, keys] of alertKeys) if (!handedAt.has(change) && keys.every((k) => received.has(k))) handedAt.set(change, Date.now());
    }, 20);
    const started = Date.now();
    for (const document of documents) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 7_000));
      const change = await dataSource.transaction(async (manager) => {
        const versions: Array<{ id: string }> = await manager.query(
          `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
           SELECT $1::bigint, $2::bigint, repeat('a', 64), md5(v || $1::text) || md5(v || $1::text), v || $1::text, m, 'bench', 'https://example.com', now() - make_interval(mins => n), 'http'
             FROM (VALUES ('f', $3::text, 60), ('t', $4::text, 1)) AS x(v, m, n) ORDER BY n DESC RETURNING id`,
          [document.id, snapshot.id, BEFORE, AFTER],
        );
        const [row] = await manager.query(
          `INSERT INTO change_records (document_id, from_version_id, to_version_id, kind, severity, alert_eligible, summary, reasons, clauses, clause_types, analyzer_version)
           VALUES ($1, $2, $3, 'substantive', 'high', true, $4, $5, $6, $7, 'bench') RETURNING id, document_id AS "documentId", severity, clause_types AS "clauseTypes"`,
          [document.id, versions[0].id, versions[1].id, analysis.summary, JSON.stringify(analysis.reasons), JSON.stringify(analysis.clauses), JSON.stringify([...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))])],
        );
        await notifications.oweForChange(manager, row, { alert: true, sameDayAlert: true });
        return row as { id: string };
      });
      confirmedAt.set(change.id, Date.now());
      const owed: Array<{ id: string }> = await dataSource.query(`SELECT id::text FROM notifications WHERE change_record_id = $1 AND channel = 'alert'`, [change.id]);
      alertKeys.set(change.id, owed.map((n) => `cw-alert-${n.id}`));
    }
    const deadline = Date.now() + 120_000;
    while (handedAt.size < confirmedAt.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(watcher);
    const latencies = [...confirmedAt].flatMap(([id, at]) => (handedAt.has(id) ? [(handedAt.get(id)! - at) / 1000] : [])).sort((a, b) => a - b);
    const [{ alerts }] = await dataSource.query(`SELECT count(*)::int AS alerts FROM emails WHERE kind = 'alert'`);
    // The API's ticks also send the weekly digests that fall due for these subscribers meanwhile: only alerts count here.
    const received = new Set(resend.delivered.map((d) => d.emailKey).filter((key) => key?.startsWith('cw-alert-'))).size;
    const otherEmails = new Set(resend.delivered.map((d) => d.emailKey).filter((key) => key && !key.startsWith('cw-alert-'))).size;
    process.stdout.write(
      `${CHANGES} changes confirmed at random moments over ${((Date.now() - started) / 1000).toFixed(0)} s, ${WATCHERS} watchers + ${FREE_FOLLOWERS} digest-only followers each; ` +
        `${latencies.length} fully handed over (${received} of ${alerts} alert emails received by the fake, beside ${otherEmails} digests the ticks sent meanwhile; ${resend.requests} provider calls)\n` +
        `confirmed change → last alert handed to the fake Resend: p50 ${percentile(latencies, 50).toFixed(1)} s, p90 ${percentile(latencies, 90).toFixed(1)} s, ` +
        `max ${latencies[latencies.length - 1].toFixed(1)} s (target ≤ 60 s); load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
    );
  } finally {
    await app?.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    await resend.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
