// Do captures of different documents wait for each other's analysis? (issue 9) 8 small documents are captured
// in a closed loop (each of 8 callers captures its own document's next text as soon as the last one is answered),
// first alone, then while one LARGE document's new version (thousands of provisions, an analysis of a second or
// more) is being captured. Prints the small captures' latency (p50 / p99 / max) and throughput in both phases, the
// CPU per small capture (this process's main thread, its other threads, PostgreSQL), and the ledger's global lock:
// how long each capture holds it (the serial part of the write path), the ceiling that implies (1 ÷ serial time)
// and the CPU's ceiling (cores ÷ CPU per capture).
// The lock is measured the same way whatever the write path does, from PostgreSQL's own clocks: a trigger stamps
// each ledger leaf's insertion (clock_timestamp(), the lock is taken just before it), and the inserting
// transaction's commit timestamp (track_commit_timestamp) closes the hold. A transaction that appended n leaves
// held the lock for (commit − first leaf) and each of its captures for that ÷ n. The commit timestamp is taken
// when the commit record is written, before its WAL flush: a transaction that commits with synchronous_commit on
// still holds the lock during that flush, which this measure leaves out.
// BENCH_LARGE_SECTIONS (default 6000): provisions of the large document; BENCH_LARGE_ROUNDS (default 3): its new
// versions captured beside the small ones (one more is captured alone first); BENCH_ALONE_CAPTURES (default 8):
// captures per small document in the phase alone; BENCH_WARMUP_ROUNDS (default 2): rounds of the 8 small documents
// before it. Each of the 3 threads that compile JavaScript (the event loop and 2 workers) compiles the same
// functions, and a short run counts that warm-up as CPU per capture (30 rounds take the figure from 34–39 ms to
// 31–33 ms).
import { RecordCapture } from '@clausewatch/capture';
import { Document, DocumentsRepository, LedgerBatch, LedgerService, PlatformsRepository } from '@clausewatch/db';
import { readCorpusPage } from '@clausewatch/testing';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { addFollowers, withCaptureBench } from './capture-bench';
import { postgresCpuSeconds, threadCpuSeconds } from './process-cpu';

const TOS = 'sites/midjourney/terms-of-service';
const PAGES = ['2025-06-23', '2025-09-10', '2025-10-01', '2025-11-15', '2026-01-20', '2026-02-01', '2026-02-15'];
const SMALL_DOCUMENTS = 8;
const FOLLOWERS = 20;
const LARGE_SECTIONS = Number(process.env.BENCH_LARGE_SECTIONS ?? 6000);
const LARGE_ROUNDS = Number(process.env.BENCH_LARGE_ROUNDS ?? 3);
const ALONE_CAPTURES = Number(process.env.BENCH_ALONE_CAPTURES ?? 8);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 2);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const latencies = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${sorted.length} captures)`;
};
const holds = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `mean ${mean(sorted).toFixed(2)} ms, p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`;
};

/**
 * The large document's text: `sections` numbered sections whose sentences come from the corpus's terms of service
 * (two per section, in an order that does not repeat within the document). Version k rewrites the sentences of one
 * section in 200 (a different one in each version), and inserts one new section, so each version is a new text
 * whose analysis aligns every provision.
 */
function largePage(sentences: string[], sections: number, version: number): Buffer {
  const n = sentences.length;
  const parts: string[] = [];
  for (let i = 0; i < sections; i++) {
    if (version > 0 && i === (version * 37) % sections) parts.push(`<h2>New section ${version}</h2><p>We may share your data with partners listed in annex ${version}. You may object within 30 days.</p>`);
    const first = sentences[i % n];
    const second = sentences[(i * 7 + Math.floor(i / n)) % n];
    const rewritten = version > 0 && (i + version * 13) % 200 === 0;
    const text = rewritten ? `${second} ${first} We may change this section at any time without notice.` : `${first} ${second}`;
    parts.push(`<h2>Section ${i + 1}</h2><p>${text} (clause ${i + 1})</p>`);
  }
  return Buffer.from(`<!doctype html><html><head><title>Large terms</title></head><body><main><h1>Large terms of service</h1>${parts.join('')}</main></body></html>`);
}

/** Sentences of a corpus page, tags stripped: the large document's vocabulary. */
function sentencesOf(html: Buffer): string[] {
  const text = html
    .toString('utf8')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
  return [...new Set(text.split(/(?<=\.)\s+/).filter((s) => s.length >= 40 && s.length <= 400))];
}

/** The trigger that stamps each leaf's insertion (the server runs with commit timestamps on, see run). */
async function addLeafClock(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE TABLE bench_leaf_clock (leaf_index bigint PRIMARY KEY, inserted_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await dataSource.query(`CREATE FUNCTION bench_leaf_clock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO bench_leaf_clock (leaf_index) VALUES (NEW.leaf_index); RETURN NULL; END $$`);
  await dataSource.query(`CREATE TRIGGER bench_leaf_clock AFTER INSERT ON ledger_leaves FOR EACH ROW EXECUTE FUNCTION bench_leaf_clock()`);
}

/** Per appended version: its transaction's hold of the ledger lock ÷ the leaves that transaction appended. */
async function lockShares(dataSource: DataSource, versionIds: string[]): Promise<Map<string, number>> {
  const rows: Array<{ version_id: string; share_ms: number }> = await dataSource.query(
    `WITH leaves AS (
       SELECT l.version_id::text, l.xmin::text AS xid, c.inserted_at, pg_xact_commit_timestamp(l.xmin) AS committed_at
         FROM ledger_leaves l JOIN bench_leaf_clock c USING (leaf_index)),
     tx AS (SELECT xid, min(inserted_at) AS first_at, max(committed_at) AS committed_at, count(*) AS n FROM leaves GROUP BY xid)
     SELECT leaves.version_id, (extract(epoch FROM tx.committed_at - tx.first_at) * 1000 / tx.n)::float8 AS share_ms
       FROM leaves JOIN tx USING (xid) WHERE leaves.version_id = ANY($1::text[])`,
    [versionIds],
  );
  return new Map(rows.map((r) => [r.version_id, Number(r.share_ms)]));
}

interface Timed {
  versionId: string;
  started: number;
  ended: number;
}

export async function run(): Promise<void> {
  await withCaptureBench({ settings: { track_commit_timestamp: 'on' }, prepare: addLeafClock }, async ({ app, dataSource, dataDir }) => {
    // The write path's own report of its batches (lock taken → COMMIT done), beside the measure above.
    const batches: LedgerBatch[] = [];
    app.get(LedgerService).onBatch((batch) => batches.push(batch));

    const pages = PAGES.map((p) => readCorpusPage(`${TOS}/${p}.html`));
    const sentences = [...new Set(pages.flatMap(sentencesOf))];
    const large = Array.from({ length: LARGE_ROUNDS + 2 }, (_, k) => largePage(sentences, LARGE_SECTIONS, k));
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const newDocument = async (i: number | string) =>
      (await app.get(DocumentsRepository).create({ platformId: platform.id, title: `Terms ${i}`, type: `terms-${i}`, sources: [{ url: `https://example.test/terms-${i}` }], fetcher: 'http', checkIntervalMinutes: 360 })).document;
    const small: Document[] = [];
    for (let i = 0; i < SMALL_DOCUMENTS; i++) small.push(await newDocument(i));
    const largeDocument = await newDocument('large');
    await addFollowers(dataSource, platform.id, FOLLOWERS);

    const recorder = app.get(RecordCapture);
    const capture = async (document: Document, body: Buffer): Promise<Timed> => {
      const url = document.sources[0].url;
      const started = performance.now();
      const result = await recorder.record(
        document,
        { parts: [{ body, contentType: 'text/html; charset=utf-8', url }], url, finalUrl: null, httpStatus: 200, fetcher: 'http', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      const ended = performance.now();
      if (!result.created || !result.version) throw new Error(`every capture of the bench is a new text (${document.title}: ${result.outcome} ${result.cause ?? ''})`);
      if (result.version.ledgerIndex === null) throw new Error('a capture returned before its leaf was appended');
      return { versionId: String(result.version.id), started, ended };
    };
    // Each small document's next text: the corpus pages in turn, never the one it has now.
    const next = small.map((_, i) => i);
    const captureSmall = (i: number) => capture(small[i], pages[(next[i] = (next[i] + 1) % pages.length)]);

    const firstStarted = performance.now();
    const first = await capture(largeDocument, large[0]);
    const largeFirstMs = first.ended - firstStarted;
    await Promise.all(small.map((d, i) => capture(d, pages[i % pages.length])));
    // Warm-up: the JIT and the worker threads, WARMUP_ROUNDS rounds of the 8 small documents.
    for (let round = 0; round < WARMUP_ROUNDS; round++) await Promise.all(small.map((_, i) => captureSmall(i)));

    // Phase 1: the 8 small documents alone, a closed loop of ALONE_CAPTURES captures each.
    const clusterDir = join(dataDir, 'postgres');
    const load1 = loadavg()[0];
    const cpuBefore = { threads: threadCpuSeconds(), postgres: postgresCpuSeconds(clusterDir) };
    const aloneStarted = performance.now();
    const alone: Timed[] = [];
    await Promise.all(
      small.map(async (_, i) => {
        for (let n = 0; n < ALONE_CAPTURES; n++) alone.push(await captureSmall(i));
      }),
    );
    const aloneSeconds = (performance.now() - aloneStarted) / 1000;
    const threadsAfter = threadCpuSeconds();
    const cpu = {
      main: ((threadsAfter.main - cpuBefore.threads.main) * 1000) / alone.length,
      others: ((threadsAfter.others - cpuBefore.threads.others) * 1000) / alone.length,
      postgres: ((postgresCpuSeconds(clusterDir) - cpuBefore.postgres) * 1000) / alone.length,
    };
    const cpuPerCapture = cpu.main + cpu.others + cpu.postgres;

    // The large document's new version alone (nothing else running): its latency and CPU for reference.
    const largeCpuBefore = { threads: threadCpuSeconds(), postgres: postgresCpuSeconds(clusterDir) };
    const largeAlone = await capture(largeDocument, large[1]);
    const largeCpuAfter = threadCpuSeconds();
    const largeCpu = {
      main: (largeCpuAfter.main - largeCpuBefore.threads.main) * 1000,
      others: (largeCpuAfter.others - largeCpuBefore.threads.others) * 1000,
      postgres: (postgresCpuSeconds(clusterDir) - largeCpuBefore.postgres) * 1000,
    };

    // Phase 2: each of LARGE_ROUNDS new versions of the large document, with the 8 small documents captured in a
    // closed loop until it is answered. A small capture counts as "during" when it started while the large one ran.
    const during: Timed[] = [];
    const largeCaptures: Timed[] = [];
    let duringSeconds = 0;
    let duringCompleted = 0;
    for (let k = 1; k <= LARGE_ROUNDS; k++) {
      let done = false;
      const largeStarted = performance.now();
      const largeCapture = capture(largeDocument, large[k + 1]).finally(() => (done = true));
      const inWindow: Timed[] = [];
      await Promise.all([
        largeCapture,
        ...small.map(async (_, i) => {
          while (!done) inWindow.push(await captureSmall(i));
        }),
      ]);
      const largeTimed = await largeCapture;
      largeCaptures.push(largeTimed);
      during.push(...inWindow);
      duringSeconds += (largeTimed.ended - largeStarted) / 1000;
      duringCompleted += inWindow.filter((t) => t.ended <= largeTimed.ended).length;
    }
    const load2 = loadavg()[0];

    const shares = await lockShares(dataSource, [...alone, ...during, largeAlone, ...largeCaptures].map((t) => t.versionId));
    const shareOf = (ts: Timed[]) => ts.map((t) => shares.get(t.versionId)).filter((s): s is number => s !== undefined);
    const aloneShares = shareOf(alone);
    const serialMs = mean(aloneShares);
    const [owed] = await dataSource.query('SELECT count(*)::int AS n FROM notifications');
    const [ledger] = await dataSource.query('SELECT count(*)::int AS leaves, (SELECT count(*)::int FROM versions WHERE ledger_index IS NULL) AS unappended FROM ledger_leaves');
    const reported = batches.filter((b) => b.size > 0).flatMap((b) => Array.from({ length: b.size }, () => b.serverMs / b.size));
    const cores = cpus().length;
    process.stdout.write(
      `${SMALL_DOCUMENTS} small documents (corpus terms, ~${(pages[0].length / 1024).toFixed(0)} KB) captured in a closed loop, ${FOLLOWERS} followers; ` +
        `a large document of ${LARGE_SECTIONS} sections (${(large[1].length / 1e6).toFixed(2)} MB), ${LARGE_ROUNDS} new versions; load average ${load1.toFixed(1)} → ${load2.toFixed(1)}\n` +
        `  large document: first version ${(largeFirstMs / 1000).toFixed(2)} s; a new version alone ${((largeAlone.ended - largeAlone.started) / 1000).toFixed(2)} s ` +
        `(CPU ${((largeCpu.main + largeCpu.others + largeCpu.postgres) / 1000).toFixed(2)} s = main thread ${(largeCpu.main / 1000).toFixed(2)} + other threads ${(largeCpu.others / 1000).toFixed(2)} + PostgreSQL ${(largeCpu.postgres / 1000).toFixed(2)}); ` +
        `new versions beside the small captures ${largeCaptures.map((t) => ((t.ended - t.started) / 1000).toFixed(2)).join(' / ')} s\n` +
        `  small captures alone: ${latencies(alone.map((t) => t.ended - t.started))}; throughput ${(alone.length / aloneSeconds).toFixed(2)} captures/s\n` +
        `  small captures during the large one: ${latencies(during.map((t) => t.ended - t.started))}; throughput ${(duringCompleted / duringSeconds).toFixed(2)} captures/s ` +
        `(${duringCompleted} answered in ${duringSeconds.toFixed(2)} s)\n` +
        `  CPU per small capture (alone): ${cpuPerCapture.toFixed(1)} ms = main thread ${cpu.main.toFixed(1)} + other threads ${cpu.others.toFixed(1)} + PostgreSQL ${cpu.postgres.toFixed(1)}\n` +
        `  ledger lock held per small capture (alone; leaf inserted → commit record): ${holds(aloneShares)}\n` +
        `  ledger lock held per small capture (during): ${holds(shareOf(during))}\n` +
        `  ledger lock held by the large captures: alone ${shareOf([largeAlone]).map((s) => `${s.toFixed(1)} ms`).join('')}, beside the small ones ${shareOf(largeCaptures).map((s) => `${s.toFixed(1)} ms`).join(' / ')}\n` +
        (reported.length > 0 ? `  ledger lock per capture as the appender reports it (lock taken → COMMIT done, batch ÷ size, all captures): ${holds(reported)}\n` : '') +
        `  ceilings for small captures: serial part ${serialMs.toFixed(2)} ms → ${(1000 / serialMs).toFixed(0)} captures/s; CPU ${cores} cores ÷ ${cpuPerCapture.toFixed(1)} ms → ${((cores * 1000) / cpuPerCapture).toFixed(0)} captures/s\n` +
        `  after the run: ${ledger.leaves} leaves, ${ledger.unappended} versions without a leaf, ${owed.n} notifications owed\n`,
    );
  });
}
