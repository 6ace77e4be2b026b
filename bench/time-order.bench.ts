// Inserting a back-dated capture into the middle of a 1,000-version history (issue 14): find its
// neighbours, analyze both sides, write the version, the change to it, the correction from it and
// the superseded record, append to the ledger. Runs on a throwaway embedded PostgreSQL with the whole
// Nest capture pipeline; the history is seeded in SQL from one real recorded version (25 KB text).
import { RecordCapture } from '@clausewatch/capture';
import { DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { readCorpusPage } from '@clausewatch/testing';
import { withCaptureBench } from './capture-bench';

const PP = 'sites/midjourney/privacy-policy';
const HISTORY = 1000;
// More samples for a steadier p90 on a busy machine: INSERTS=60.
const INSERTS = Number(process.env.INSERTS ?? 20);
const HOUR = 60 * 60 * 1000;
const URL = 'https://example.test/pp';

export async function run(): Promise<void> {
  await withCaptureBench({}, async ({ app, dataSource }) => {
    const recorder = app.get(RecordCapture);
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: 'Privacy Policy', type: 'privacy-policy', sources: [{ url: URL }], fetcher: 'http', checkIntervalMinutes: 360 });
    const start = Date.now() - (HISTORY + 10) * HOUR;
    const record = (page: string, capturedAt: Date) =>
      recorder.record(
        document,
        { parts: [{ body: readCorpusPage(`${PP}/${page}.html`), contentType: 'text/html; charset=utf-8', url: URL }], url: URL, finalUrl: null, httpStatus: 200, fetcher: 'capture', capturedAt },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
    const first = await record('2025-06-02', new Date(start));
    // 999 more versions an hour apart, each the first text plus a numbered clause, chained by change records.
    await dataSource.query(
      `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, title, extractor_version, source_url, captured_at, fetcher, origin, confirmed_at)
       SELECT v.document_id, v.snapshot_id, v.raw_sha256, encode(sha256(convert_to(v.markdown || E'\\n\\nRevision clause ' || n || '.', 'UTF8')), 'hex'),
              'bench-' || n, v.markdown || E'\\n\\nRevision clause ' || n || '.', v.title, v.extractor_version, v.source_url, v.captured_at + n * interval '1 hour', v.fetcher, 'capture', now()
         FROM versions v, generate_series(1, $2) n WHERE v.id = $1`,
      [first.version!.id, HISTORY - 1],
    );
    await dataSource.query(
      `INSERT INTO change_records (document_id, from_version_id, to_version_id, kind, severity, alert_eligible, summary, analyzer_version)
       SELECT document_id, previous, id, 'substantive', 'low', false, 'seeded', 'bench'
         FROM (SELECT document_id, id, lag(id) OVER (ORDER BY captured_at, id) AS previous FROM versions WHERE document_id = $1) chain
        WHERE previous IS NOT NULL`,
      [document.id],
    );
    // Each seeded version holds the first version's provisions (as a real history would: lineage continues).
    await dataSource.query(
      `INSERT INTO version_provisions (version_id, position, provision_id, text)
       SELECT v.id, vp.position, vp.provision_id, vp.text FROM versions v JOIN version_provisions vp ON vp.version_id = $1 WHERE v.document_id = $2 AND v.id <> $1`,
      [first.version!.id, document.id],
    );
    await dataSource.query(`ANALYZE`);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM versions WHERE document_id = $1`, [document.id]);

    const pages = ['2026-03-16', '2026-04-21', '2026-05-05'];
    const times: number[] = [];
    for (let i = 0; i < INSERTS; i++) {
      // Between two seeded versions, around the middle of the history.
      const at = new Date(start + (HISTORY / 2 + i * 7) * HOUR + HOUR / 2);
      const started = process.hrtime.bigint();
      const result = await record(pages[i % pages.length], at);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!result.created) throw new Error('the back-dated capture made no version');
    }
    const [{ superseded }] = await dataSource.query(`SELECT count(*)::int AS superseded FROM change_records WHERE superseded_by IS NOT NULL`);
    if (superseded !== INSERTS) throw new Error(`expected ${INSERTS} superseded change records, found ${superseded}`);
    // For comparison: the same pages captured as ordinary new versions appended after the newest.
    const appendTimes: number[] = [];
    for (let i = 0; i < INSERTS; i++) {
      const started = process.hrtime.bigint();
      await record(pages[i % pages.length], new Date(start + (HISTORY + 1 + i / INSERTS) * HOUR));
      appendTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const summary = (xs: number[]) => {
      xs.sort((a, b) => a - b);
      const pct = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
      return `p50 ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${xs[xs.length - 1].toFixed(1)} ms`;
    };
    process.stdout.write(
      `back-dated capture inserted into the middle of a ${n}-version history (25 KB page: extract, 2 analyses, version + change + correction + superseded record + ledger), ${INSERTS} inserts:\n` +
        `  ${summary(times)}\n` +
        `ordinary capture appended after the newest version (same pages, 1 analysis), ${INSERTS} captures:\n` +
        `  ${summary(appendTimes)}\n`,
    );
  });
}
