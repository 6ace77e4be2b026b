// The write path under concurrency: 8 captures of 8 different documents at once, each a new text
// (analysis, provision lineage, change record, notifications owed to 20 followers, ledger append).
// Measures the throughput and the ledger's global lock: each batch of the appender (every capture pending
// at that moment, one lock, one COMMIT) reports its server-side hold; a capture's share is its batch's hold
// divided by the batch's size. Both are printed, with the batch sizes, and the CPU per capture (this
// process's main thread, its other threads, PostgreSQL). BENCH_PG_STATEMENTS=1 also prints PostgreSQL's
// costliest statements of the timed part (pg_stat_statements, nested ones included: triggers' statements).
import { RecordCapture } from '@clausewatch/capture';
import { Document, DocumentsRepository, LedgerBatch, LedgerService, PlatformsRepository } from '@clausewatch/db';
import { readCorpusPage } from '@clausewatch/testing';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { addFollowers, withCaptureBench } from './capture-bench';
import { postgresCpuSeconds, threadCpuSeconds } from './process-cpu';

const TOS = 'sites/midjourney/terms-of-service';
const PAGES = ['2025-06-23', '2025-09-10', '2025-10-01', '2025-11-15', '2026-01-20', '2026-02-01', '2026-02-15'];
const DOCUMENTS = 8;
// BENCH_ROUNDS: more rounds for a steadier figure on a busy machine.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const FOLLOWERS = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const STATEMENTS = process.env.BENCH_PG_STATEMENTS === '1';
const TOP_STATEMENTS = 12;

/** pg_stat_statements loaded (it must be preloaded), tracking statements run inside functions too. */
const STATEMENT_STATS = {
  settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
  prepare: async (dataSource: DataSource) => void (await dataSource.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')),
};

async function printStatements(dataSource: DataSource, captures: number): Promise<void> {
  const rows: { calls: number; total: number; rows: number; query: string }[] = await dataSource.query(
    `SELECT calls::int, total_exec_time AS total, rows::int, regexp_replace(left(query, 160), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1`,
    [TOP_STATEMENTS],
  );
  process.stdout.write(`  PostgreSQL's costliest statements of the timed part (execution time, nested statements included):\n`);
  for (const row of rows) process.stdout.write(`    ${(row.total / captures).toFixed(2)} ms per capture, ${row.calls} calls, ${row.rows} rows: ${row.query}\n`);
  // A non-HOT update writes a new entry in every index of the row (for provisions: two GIN indexes).
  const updates: { relname: string; updated: number; hot: number }[] = await dataSource.query(
    `SELECT relname, n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname IN ('provisions', 'versions') ORDER BY relname`,
  );
  for (const u of updates) process.stdout.write(`  ${u.relname}: ${u.updated} rows updated in the run, ${u.hot} of them HOT\n`);
}

export async function run(): Promise<void> {
  await withCaptureBench(STATEMENTS ? STATEMENT_STATS : {}, async ({ app, dataSource, dataDir }) => {

    // Each capture commits its version as pending and awaits the batch that appends it: one lock and one
    // COMMIT for every capture pending at that moment. The appender reports each batch's server-side hold
    // (lock taken → COMMIT done) and its size; a capture's share is the hold divided by the batch's size.
    const batches: LedgerBatch[] = [];
    app.get(LedgerService).onBatch((batch) => batches.push(batch));
    const pages = PAGES.map((p) => readCorpusPage(`${TOS}/${p}.html`));
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const documents: Document[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: `Terms ${i}`, type: `terms-${i}`, sources: [{ url: `https://example.test/terms-${i}` }], fetcher: 'http', checkIntervalMinutes: 360 });
      documents.push(document);
    }
    await addFollowers(dataSource, platform.id, FOLLOWERS);
    const recorder = app.get(RecordCapture);
    const capture = async (document: Document, page: number) => {
      const url = document.sources[0].url;
      const result = await recorder.record(
        document,
        { parts: [{ body: pages[page % pages.length], contentType: 'text/html; charset=utf-8', url }], url, finalUrl: null, httpStatus: 200, fetcher: 'http', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      if (!result.created || !result.version) throw new Error('every capture of the bench is a new text');
      if (result.version.ledgerIndex === null) throw new Error('a capture returned before its leaf was appended');
    };
    await Promise.all(documents.map((d, i) => capture(d, i)));
    batches.length = 0;
    if (STATEMENTS) await dataSource.query('SELECT pg_stat_statements_reset(), pg_stat_reset()');

    const clusterDir = join(dataDir, 'postgres');
    const cpuBefore = { threads: threadCpuSeconds(), postgres: postgresCpuSeconds(clusterDir) };
    const started = performance.now();
    for (let round = 1; round <= ROUNDS; round++) await Promise.all(documents.map((d, i) => capture(d, i + round)));
    const seconds = (performance.now() - started) / 1000;
    const captures = DOCUMENTS * ROUNDS;
    const threadsAfter = threadCpuSeconds();
    // Per capture, in ms: the work each part did, whatever the load (which only stretches wall time).
    const cpu = {
      main: ((threadsAfter.main - cpuBefore.threads.main) * 1000) / captures,
      others: ((threadsAfter.others - cpuBefore.threads.others) * 1000) / captures,
      postgres: ((postgresCpuSeconds(clusterDir) - cpuBefore.postgres) * 1000) / captures,
    };
    const [owed] = await dataSource.query('SELECT count(*)::int AS n FROM notifications');
    const [ledger] = await dataSource.query('SELECT count(*)::int AS leaves, (SELECT count(*)::int FROM ledger_pending) AS pending, (SELECT count(*)::int FROM versions WHERE ledger_index IS NULL) AS unappended FROM ledger_leaves');
    const appended = batches.filter((b) => b.size > 0);
    const appendedCount = appended.reduce((n, b) => n + b.size, 0);
    if (appendedCount !== captures) throw new Error(`the batches appended ${appendedCount} versions, the bench made ${captures}`);
    const hold = appended.map((b) => b.serverMs).sort((a, b) => a - b);
    const perCapture = appended.flatMap((b) => Array.from({ length: b.size }, () => b.serverMs / b.size)).sort((a, b) => a - b);
    const sizes = appended.map((b) => b.size).sort((a, b) => a - b);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const stats = (xs: number[]) => `mean ${mean(xs).toFixed(2)} ms, p50 ${percentile(xs, 0.5).toFixed(2)} ms, p99 ${percentile(xs, 0.99).toFixed(2)} ms, max ${xs[xs.length - 1].toFixed(2)} ms`;
    process.stdout.write(
      `${DOCUMENTS} concurrent captures of different documents (new texts, ${FOLLOWERS} followers), ${ROUNDS} rounds = ${captures} captures:\n` +
        `  throughput ${(captures / seconds).toFixed(2)} captures/s (${((seconds * 1000) / ROUNDS).toFixed(0)} ms per round of ${DOCUMENTS})\n` +
        `  ledger batches: ${appended.length} for ${appendedCount} versions (size p50 ${percentile(sizes, 0.5)}, mean ${mean(sizes).toFixed(2)}, max ${sizes[sizes.length - 1]})\n` +
        `  ledger lock held per batch, server side (lock taken → COMMIT done): ${stats(hold)}\n` +
        `  ledger lock held per capture (its batch's hold ÷ the batch's size, one value per capture): ${stats(perCapture)}\n` +
        `  WAL flush after each batch's COMMIT (outside the lock, before any capture is answered): ${stats(appended.map((b) => b.flushMs).sort((a, b) => a - b))}\n` +
        `  ledger lock held in all: ${hold.reduce((a, b) => a + b, 0).toFixed(1)} ms over ${seconds.toFixed(2)} s (${((hold.reduce((a, b) => a + b, 0) / (seconds * 1000)) * 100).toFixed(1)} %)\n` +
        `  ledger after the run: ${ledger.leaves} leaves, ${ledger.pending} pending, ${ledger.unappended} versions without a leaf\n` +
        `  notifications owed: ${owed.n}\n` +
        `  CPU per capture: ${(cpu.main + cpu.others + cpu.postgres).toFixed(1)} ms = main thread ${cpu.main.toFixed(1)} + other threads (analysis workers, GC) ${cpu.others.toFixed(1)} + PostgreSQL ${cpu.postgres.toFixed(1)}\n`,
    );
    if (STATEMENTS) await printStatements(dataSource, captures);
  });
}
