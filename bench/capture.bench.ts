// The cost of an unchanged check: a page already recorded comes back identical (or with noise only);
// the pipeline extracts it, compares the text hash and writes one check row. Runs on a throwaway
// embedded PostgreSQL with the whole Nest capture pipeline.
import { RecordCapture } from '@clausewatch/capture';
import { Document, DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { readCorpusPage } from '@clausewatch/testing';
import { withCaptureBench } from './capture-bench';

const PP = 'sites/midjourney/privacy-policy';
const ROUNDS = 300;

export async function run(): Promise<void> {
  await withCaptureBench({}, async ({ app, dataSource }) => {
    const recorder = app.get(RecordCapture);
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: 'Privacy Policy', type: 'privacy-policy', sources: [{ url: 'https://example.test/pp' }], fetcher: 'http', checkIntervalMinutes: 360 });
    const pages = ['2025-06-02', '2025-06-02-noise-a', '2025-06-02-noise-b'].map((p) => readCorpusPage(`${PP}/${p}.html`));
    const once = (doc: Document, body: Buffer) =>
      recorder.record(doc, { parts: [{ body, contentType: 'text/html; charset=utf-8', url: 'https://example.test/pp' }], url: 'https://example.test/pp', finalUrl: null, httpStatus: 200, fetcher: 'http', capturedAt: new Date() }, { trigger: 'schedule', confirmed: true, startedAt: new Date(), durationMs: 0 });
    await once(document, pages[0]);

    const rowCounts = async () => {
      const rows: Array<{ n: string }> = await dataSource.query(
        `SELECT (SELECT count(*) FROM checks) + (SELECT count(*) FROM snapshots) + (SELECT count(*) FROM versions) + (SELECT count(*) FROM change_records) + (SELECT count(*) FROM ledger_leaves) + (SELECT count(*) FROM provisions) AS n`,
      );
      return Number(rows[0].n);
    };
    const before = await rowCounts();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = process.hrtime.bigint();
      const result = await once(document, pages[i % pages.length]);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.created) throw new Error('an unchanged page made a version');
    }
    const written = (await rowCounts()) - before;
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
    process.stdout.write(
      `unchanged check (25 KB corpus page, extract + compare + 1 check row), ${ROUNDS} rounds incl. noise variants:\n` +
        `  p50 ${pct(0.5)} ms, p90 ${pct(0.9)} ms, p99 ${pct(0.99)} ms\n` +
        `  rows written: ${written} for ${ROUNDS} checks (${(written / ROUNDS).toFixed(2)} per check)\n`,
    );
  });
}
