import { Document, DocumentsRepository, LedgerService, PlatformsRepository, RecordIntegrityService } from '@clausewatch/db';
import { createTestDatabase, FixtureSite, readCorpusPage, TestDatabase } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CheckDocument } from './check-document.use-case';
import { RecordCapture } from './record-capture.use-case';
import { startCaptureContext } from '../testing/capture-context';
import { taskPool } from './worker/task.pool';

const TOS = 'sites/midjourney/terms-of-service';
const DAY = 24 * 60 * 60 * 1000;

describe('recording captures (real PostgreSQL, fixture site)', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    site = await FixtureSite.start({ validators: true });
    ({ app, dataSource } = await startCaptureContext(database.url, { ALLOW_PRIVATE_NETWORKS: 'true' }));
  });

  afterAll(async () => {
    await app?.close();
    await site?.stop();
    await database?.drop();
  });

  async function documentWith(type: string, urls: string[]): Promise<Document> {
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: type, type, sources: urls.map((url) => ({ url })), fetcher: 'http', checkIntervalMinutes: 60 });
    return document;
  }

  it('keeps a combined document as a list of parts: each page stored and hashed once, the same pages the same raw hash', async () => {
    site.servePage('/terms', `${TOS}/2025-06-23.html`);
    site.servePage('/faq', 'sites/midjourney/data-deletion-faq/2023-10-02.html');
    const document = await documentWith('combined', [site.url('/terms'), site.url('/faq')]);
    const checker = app.get(CheckDocument);
    const first = await checker.check(document, 'manual');
    const second = await checker.check(document, 'manual');
    expect(first).toMatchObject({ outcome: 'ok', created: true });
    expect(second).toMatchObject({ outcome: 'ok', created: false, version: { id: first.version!.id } });
    const parts = await dataSource.query(
      `SELECT p.position, p.url, s.raw_sha256, s.content_type FROM version_parts p JOIN snapshots s ON s.id = p.snapshot_id WHERE p.version_id = $1 ORDER BY p.position`,
      [first.version!.id],
    );
    expect(parts.map((p: { url: string }) => p.url)).toEqual([site.url('/terms'), site.url('/faq')]);
    expect(parts.every((p: { content_type: string }) => p.content_type.startsWith('text/html'))).toBe(true);
    const checks = await dataSource.query(`SELECT raw_sha256 FROM checks WHERE document_id = $1 ORDER BY id`, [document.id]);
    // Deterministic: both fetches of the same pages give the same raw hash (no random multipart boundary).
    expect(checks).toHaveLength(2);
    expect(checks[0].raw_sha256).toBe(checks[1].raw_sha256);
    expect(checks[0].raw_sha256).toBe(first.version!.rawSha256);
    expect(Number((await dataSource.query(`SELECT count(*) FROM snapshots`))[0].count)).toBe(2);
    const [ledger] = await dataSource.query(`SELECT ledger_index FROM versions WHERE id = $1`, [first.version!.id]);
    expect(ledger.ledger_index).not.toBeNull();
    const [integrity] = await app.get(RecordIntegrityService).verifyVersions([first.version!.id]);
    expect(integrity.checks.find((c) => c.name === 'snapshot')).toMatchObject({ ok: true, detail: expect.stringContaining('2 pages') });
    // A page altered in storage is found.
    await dataSource.query(`UPDATE snapshots SET body = body || '\\x20'::bytea WHERE id = (SELECT snapshot_id FROM version_parts WHERE version_id = $1 AND position = 1)`, [first.version!.id]);
    const [tampered] = await app.get(RecordIntegrityService).verifyVersions([first.version!.id]);
    expect(tampered.checks.find((c) => c.name === 'snapshot')).toMatchObject({ ok: false, detail: expect.stringContaining('page 2 hashes to') });
  });

  it('records a capture of the text the document has by extracting it only: no split, no analysis, one check row', async () => {
    const document = await documentWith('unchanged', ['https://docs.example.test/unchanged']);
    const recorder = app.get(RecordCapture);
    const record = (page: string) =>
      recorder.record(
        document,
        { parts: [{ body: readCorpusPage(`${TOS}/${page}.html`), contentType: 'text/html', url: 'https://docs.example.test/unchanged' }], url: 'https://docs.example.test/unchanged', finalUrl: null, httpStatus: 200, fetcher: 'capture', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
    const first = await record('2025-06-23');
    const rowsOf = async () => (await dataSource.query(`SELECT (SELECT count(*)::int FROM versions WHERE document_id = $1) AS versions, (SELECT count(*)::int FROM checks WHERE document_id = $1) AS checks, (SELECT count(*)::int FROM provisions WHERE document_id = $1) AS provisions`, [document.id]))[0];
    const before = await rowsOf();
    const run = jest.spyOn(taskPool(), 'run');
    try {
      const again = await record('2025-06-23');
      expect(again).toMatchObject({ outcome: 'ok', created: false, change: null, version: { id: first.version!.id } });
      expect(run.mock.calls.map(([task]) => task.kind)).toEqual(['extract']);
      expect(await rowsOf()).toEqual({ ...before, checks: before.checks + 1 });
      // A new text still goes through the whole plan.
      run.mockClear();
      const changed = await record('2025-09-10');
      expect(changed).toMatchObject({ outcome: 'ok', created: true });
      expect(run.mock.calls.map(([task]) => task.kind)).toEqual(['extract', 'prepare', 'plan-text']);
    } finally {
      run.mockRestore();
    }
    expect(await rowsOf()).toMatchObject({ versions: 2, checks: before.checks + 2 });
  });

  it('keeps each provision\'s search words with its text: re-parsed where a change rewords it, kept where it does not', async () => {
    const document = await documentWith('searchable', ['https://docs.example.test/searchable']);
    const recorder = app.get(RecordCapture);
    const record = (page: string) =>
      recorder.record(
        document,
        { parts: [{ body: readCorpusPage(`${TOS}/${page}.html`), contentType: 'text/html', url: 'https://docs.example.test/searchable' }], url: 'https://docs.example.test/searchable', finalUrl: null, httpStatus: 200, fetcher: 'capture', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
    await record('2025-06-23');
    await record('2025-09-10');
    const latestId = (await record('2025-11-15')).version!.id;
    const [row] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE change_count > 0)::int AS reworded, count(*) FILTER (WHERE last_seen_version_id <> first_seen_version_id)::int AS continued,
              count(*) FILTER (WHERE search_vector IS DISTINCT FROM to_tsvector('english', text))::int AS stale
         FROM provisions WHERE document_id = $1`,
      [document.id],
    );
    // The case the test is about: provisions continued across versions, some of them reworded.
    expect(row.reworded).toBeGreaterThan(0);
    expect(row.continued).toBeGreaterThan(row.reworded);
    expect(row.stale).toBe(0);
    // Each provision's text is the one the latest version holds (a reworded one was rewritten, the others kept).
    const [differing] = await dataSource.query(`SELECT count(*)::int AS n FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id WHERE vp.version_id = $1 AND p.text <> vp.text`, [latestId]);
    expect(differing.n).toBe(0);
  });

  it('answers a capture while the tree head cannot be signed, and signs it once it can', async () => {
    const document = await documentWith('unsigned', ['https://docs.example.test/unsigned']);
    const ledger = app.get(LedgerService);
    await ledger.signingSettled();
    // Another session holds the tree heads' table: a signing waits on its first read of it.
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE ledger_tree_heads IN ACCESS EXCLUSIVE MODE');
    let answered: Awaited<ReturnType<RecordCapture['record']>> | 'no answer';
    try {
      const recording = app.get(RecordCapture).record(
        document,
        { parts: [{ body: readCorpusPage(`${TOS}/2025-06-23.html`), contentType: 'text/html', url: 'https://docs.example.test/unsigned' }], url: 'https://docs.example.test/unsigned', finalUrl: null, httpStatus: 200, fetcher: 'capture', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      answered = await Promise.race([recording, new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 30_000))]);
      // The signing is under way and blocked (not merely not started): a session waits for the table's lock.
      const waiting = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'ledger_tree_heads'::regclass AND NOT granted`))[0].n;
      for (let tries = 0; tries < 100 && (await waiting()) === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await waiting()).toBeGreaterThan(0);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(answered).toMatchObject({ outcome: 'ok', created: true, version: { ledgerIndex: expect.any(String) } });
    if (answered === 'no answer') return;
    await ledger.signingSettled();
    expect((await ledger.latestTreeHead()).treeSize).toBeGreaterThan(Number(answered.version!.ledgerIndex));
  });

  it('owes no same-day alert for a back-dated capture, and nothing for one older than a week', async () => {
    const document = await documentWith('imports', ['https://docs.example.test/terms']);
    const [watcher] = await dataSource.query(`INSERT INTO subscribers (email, plan, unsubscribe_token) VALUES ('w@example.test', 'watcher', 'tok') RETURNING id`);
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) VALUES ($1, $2)`, [watcher.id, document.platformId]);
    const recorder = app.get(RecordCapture);
    const at = (page: string, daysAgo: number) =>
      recorder.record(
        document,
        { parts: [{ body: readCorpusPage(`${TOS}/${page}.html`), contentType: 'text/html', url: 'https://docs.example.test/terms' }], url: 'https://docs.example.test/terms', finalUrl: null, httpStatus: null, fetcher: 'capture', capturedAt: new Date(Date.now() - daysAgo * DAY) },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
    const owed = async (changeId: string) =>
      (await dataSource.query(`SELECT channel FROM notifications WHERE change_record_id = $1 ORDER BY channel`, [changeId])).map((r: { channel: string }) => r.channel);

    // Captures are chained by capture time: each back-dated one below is inserted after the first version.
    await at('2025-06-23', 40);
    const fresh = await at('2025-09-10', 1);
    expect(fresh.change).toMatchObject({ alertEligible: true });
    expect(await owed(fresh.change!.id)).toEqual(['alert', 'digest']);

    const backDated = await at('2025-11-15', 3);
    expect(backDated.change?.alertEligible).toBe(true);
    expect(await owed(backDated.change!.id)).toEqual(['digest']);

    const old = await at('2026-01-20', 30);
    expect(old.change?.alertEligible).toBe(true);
    expect(await owed(old.change!.id)).toEqual([]);
    // Each insertion recomputed the change after it as a technical correction that owes nothing.
    const corrections = await dataSource.query(`SELECT id, alert_eligible FROM change_records WHERE document_id = $1 AND reasons->>0 LIKE 'technical correction:%'`, [document.id]);
    expect(corrections).toHaveLength(2);
    for (const c of corrections) {
      expect(c.alert_eligible).toBe(false);
      expect(await owed(c.id)).toEqual([]);
    }
  });
});
