// `npm run bench -- digest`: weekly digests for 100,000 subscribers following 1–25 platforms each,
// over a week of 500 changes: owed, built (rendered) and handed to the provider (the local fake
// Resend, batch endpoint) — timed from `buildDue` to the last batch accepted, with the peak RSS.
// Target (issue 10): ≤ 60 s and ≤ 1 GB on this machine.
import 'reflect-metadata';
import { analyzeChange } from '@clausewatch/analyzer';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, EmailsRepository, migrate, NotificationsRepository, startEmbeddedDatabase } from '@clausewatch/db';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryService } from '../apps/api/src/notifications/delivery.service';
import { DigestService } from '../apps/api/src/notifications/digest.service';
import { EmailComposer } from '../apps/api/src/notifications/email.composer';
import { ResendSender } from '../apps/api/src/notifications/resend.sender';
import { postgresCpuSeconds, processCpuSeconds } from './process-cpu';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
// One change per platform this week, on average: each digest lists ~13 changes (the followed platforms).
const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 500);
const CHANGES = 500;
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];

const BEFORE = `# Terms\n\n## Arbitration\n\nYou may opt out of arbitration within 30 days of accepting these Terms by emailing legal@example.com.\n\n## Your content\n\nWe use your content to provide the Services.\n\n## Liability\n\nOur total liability is limited to the amounts you paid us in the past twelve months.`;
const AFTER = `# Terms\n\n## Arbitration\n\nYou may opt out of arbitration within 10 days of accepting these Terms by mailing a signed letter.\n\n## Your content\n\nWe use your content to provide the Services and to train our AI models.\n\n## Liability\n\nOur total liability is limited to one hundred US dollars.`;

/** BENCH_CPU_PROFILE=<file>: a CPU profile of the timed part only (owing, rendering, handing over), for Chrome DevTools. */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      process.stdout.write(`CPU profile of the timed part: ${file}\n`);
    },
  };
}

/**
 * BENCH_PG_STATEMENTS=1: PostgreSQL restarted with pg_stat_statements, and the statements of the timed
 * part that cost the most printed at the end (where PostgreSQL's CPU goes, statement by statement).
 */
async function withStatementStats(database: Awaited<ReturnType<typeof startEmbeddedDatabase>>, dataDir: string) {
  const admin = createDataSource({ url: database.adminUrl, poolSize: 1 });
  await admin.initialize();
  await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await admin.destroy();
  await database.stop();
  const restarted = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: restarted.url, poolSize: 1 });
  await db.initialize();
  await db.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  await db.destroy();
  return restarted;
}

async function printStatementStats(dataSource: ReturnType<typeof createDataSource>): Promise<void> {
  const rows: Array<{ calls: string; total_ms: number; mean_ms: number; rows: string; query: string }> = await dataSource.query(
    `SELECT calls, round(total_exec_time)::int AS total_ms, round(mean_exec_time::numeric, 2)::float AS mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12`,
  );
  for (const r of rows) process.stdout.write(`${String(r.total_ms).padStart(7)} ms ${String(r.calls).padStart(6)} calls ${String(r.mean_ms).padStart(8)} ms/call ${String(r.rows).padStart(8)} rows  ${r.query}\n`);
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-digest-'));
  let database = await startEmbeddedDatabase(dataDir);
  const statements = process.env.BENCH_PG_STATEMENTS === '1';
  if (statements) database = await withStatementStats(database, dataDir);
  const dataSource = createDataSource({ url: database.url, poolSize: 10 });
  const fake = spawn(process.execPath, [join(__dirname, 'fake-resend.child.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const resendUrl = await new Promise<string>((resolve) => fake.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  const stats = async () => (await (await fetch(`${resendUrl}/_stats`)).json()) as { requests: number; bytes: number; delivered: number; distinctEmails: number };
  try {
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    const seeded = Date.now();
    await dataSource.query(`INSERT INTO platforms (slug, name) SELECT 'p' || g, 'Platform ' || g FROM generate_series(1, $1) g`, [PLATFORMS]);
    await dataSource.query(`INSERT INTO documents (platform_id, title, type, sources) SELECT id, 'Terms of Service', 'terms-of-service', '[]' FROM platforms`);
    await dataSource.query(
      `INSERT INTO checks (document_id, trigger, started_at, duration_ms, outcome, cause)
       SELECT d.id, 'schedule', now() - make_interval(hours => h * 6), 300, CASE WHEN d.id % 40 = 0 AND h < 8 THEN 'http-error' ELSE 'ok' END,
              CASE WHEN d.id % 40 = 0 AND h < 8 THEN 'HTTP 503' END
         FROM documents d, generate_series(0, 27) h`,
    );
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (repeat('a', 64), 'text/html', 1, '\\x00') RETURNING id`);
    const analysis = analyzeChange(BEFORE, AFTER);
    const severities = ['low', 'medium', 'high', 'critical'];
    const changes: Array<{ id: string }> = await dataSource.query(
      `WITH pairs AS (
         SELECT g, (SELECT id FROM documents ORDER BY id OFFSET (g * 37) % $2 LIMIT 1) AS document_id FROM generate_series(1, $1) g
       ), froms AS (
         INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
         SELECT document_id, $3, repeat('a', 64), md5('f' || g) || md5('f' || g), 'f' || g, $4, 'bench', 'https://example.com', now() - interval '8 days', 'http' FROM pairs
         RETURNING id, document_id, cosmetic_fingerprint
       ), tos AS (
         INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
         SELECT document_id, $3, repeat('a', 64), md5('t' || g) || md5('t' || g), 't' || g, $5, 'bench', 'https://example.com', now() - make_interval(mins => g * 13), 'http' FROM pairs
         RETURNING id, document_id, cosmetic_fingerprint
       )
       INSERT INTO change_records (document_id, from_version_id, to_version_id, kind, severity, alert_eligible, summary, reasons, clauses, clause_types, analyzer_version)
       SELECT t.document_id, f.id, t.id, 'substantive', ($6::text[])[1 + (substr(t.cosmetic_fingerprint, 2)::int % 4)], true, $7, $8, $9, $10, 'bench'
         FROM tos t JOIN froms f ON substr(f.cosmetic_fingerprint, 2) = substr(t.cosmetic_fingerprint, 2)
       RETURNING id`,
      [CHANGES, PLATFORMS, snapshot.id, BEFORE, AFTER, severities, analysis.summary, JSON.stringify(analysis.reasons), JSON.stringify(analysis.clauses), JSON.stringify([...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))])],
    );
    await dataSource.query(
      `INSERT INTO subscribers (email, plan, unsubscribe_token, timezone, digest_day, created_at)
       SELECT 'reader' || g || '@bench.test', CASE WHEN g % 5 = 0 THEN 'watcher' ELSE 'free' END, md5('t' || g), ($2::text[])[1 + g % 6], g % 7, now() - interval '30 days'
         FROM generate_series(1, $1) g`,
      [SUBSCRIBERS, ZONES],
    );
    await dataSource.query(
      `INSERT INTO follows (subscriber_id, platform_id)
       SELECT DISTINCT s.id, p.id FROM subscribers s CROSS JOIN LATERAL generate_series(1, 1 + (s.id * 7919) % 25) k
         JOIN platforms p ON p.id = 1 + (s.id * 31 + k * 97) % $1`,
      [PLATFORMS],
    );
    // The owing statement itself, timed on a sample of changes; the rest are owed by one bulk insert
    // with the same rule (followers of the platform, digest channel), to keep the seeding short.
    const notifications = new NotificationsRepository(dataSource);
    const sample = changes.slice(0, 10);
    const oweStarted = Date.now();
    let owed = 0;
    for (const change of sample) owed += await dataSource.transaction((manager) => notifications.oweForChange(manager, { id: change.id } as never, { sameDayAlert: true, alert: true }));
    const owePerChangeMs = (Date.now() - oweStarted) / sample.length;
    const [{ n }] = await dataSource.query(
      `WITH ins AS (
         INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key)
         SELECT f.subscriber_id, c.id, 'digest', 'cw-digest-' || c.id || '-' || f.subscriber_id
           FROM change_records c JOIN documents d ON d.id = c.document_id JOIN follows f ON f.platform_id = d.platform_id
          WHERE c.id > $1
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [sample[sample.length - 1].id],
    );
    owed += n;
    process.stdout.write(`oweForChange: ${owePerChangeMs.toFixed(0)} ms per change (mean of ${sample.length}, ~${Math.round(owed / changes.length)} followers each, digest + alert rows)\n`);
    const [{ follows }] = await dataSource.query(`SELECT count(*)::int AS follows FROM follows`);
    await dataSource.query(`VACUUM ANALYZE`);
    process.stdout.write(
      `seeded ${SUBSCRIBERS} subscribers, ${follows} follows (${(follows / SUBSCRIBERS).toFixed(1)} each), ${changes.length} changes, ${owed} digest entries owed in ${((Date.now() - seeded) / 1000).toFixed(0)} s\n`,
    );

    const config = loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, PUBLIC_URL: 'https://clausewatch.example' });
    const composer = new EmailComposer(dataSource, config);
    const delivery = new DeliveryService(new EmailsRepository(dataSource), composer, new ResendSender('re_bench', resendUrl));
    // BENCH_CONCURRENCY: claim-and-send loops in the sender (default: the production default).
    if (process.env.BENCH_CONCURRENCY) delivery.options = { ...delivery.options, concurrency: Number(process.env.BENCH_CONCURRENCY) };
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const at = new Date(Date.now() + 7 * 86_400_000);
    if (statements) await dataSource.query(`SELECT pg_stat_statements_reset()`);
    const profiler = await startProfile();
    // CPU seconds from /proc (bench/process-cpu.ts): the work done whatever the machine's load.
    const clusterDir = join(dataDir, 'postgres');
    const childrenCpu = () => ({ fake: processCpuSeconds(fake.pid!), postgres: postgresCpuSeconds(clusterDir) });
    const cpuBefore = { self: process.cpuUsage(), children: childrenCpu() };
    const started = Date.now();
    const build = await new DigestService(dataSource, composer).buildDue(at);
    const builtMs = Date.now() - started;
    const sent = await delivery.drain();
    const totalMs = Date.now() - started;
    clearInterval(sampler);
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const cpuAfter = childrenCpu();
    await profiler.stop();
    if (statements) await printStatementStats(dataSource);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const provider = await stats();
    process.stdout.write(
      `digests: ${build.created} owed in ${(builtMs / 1000).toFixed(1)} s; ${sent} rendered and handed to the fake Resend in ${((totalMs - builtMs) / 1000).toFixed(1)} s ` +
        `(${provider.requests} batch calls, ${provider.distinctEmails} distinct emails received, ${Math.round(provider.bytes / Math.max(1, provider.delivered) / 1024)} KiB each); total ${(totalMs / 1000).toFixed(1)} s (target ≤ 60 s), ` +
        `${Math.round(sent / (totalMs / 1000))} digests/s; peak RSS ${Math.round(peakRss / 2 ** 20)} MiB (target ≤ 1024 MiB)\n` +
        `CPU used meanwhile: sender ${((selfCpu.user + selfCpu.system) / 1e6).toFixed(1)} s, PostgreSQL ${(cpuAfter.postgres - cpuBefore.children.postgres).toFixed(1)} s, ` +
        `fake Resend ${(cpuAfter.fake - cpuBefore.children.fake).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    fake.kill();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
