import { Document, DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { createTestDatabase, loadScenarios, readCorpusPage, ScenarioDocument, TestDatabase } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaptureWriter } from './capture.writer';
import { RecordCapture } from './record-capture.use-case';
import { startCaptureContext } from '../testing/capture-context';

const HOUR = 60 * 60 * 1000;
const URL = 'https://docs.example.test/policy';

/** A deterministic permutation (mulberry32-driven Fisher–Yates), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Step {
  page: string;
  capturedAt: Date;
}

describe('time order is the capture time (real PostgreSQL, corpus pages out of order)', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let subscriberId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, dataSource } = await startCaptureContext(database.url));
    [{ id: subscriberId }] = await dataSource.query(`INSERT INTO subscribers (email, plan, unsubscribe_token) VALUES ('w@example.test', 'watcher', 'tok') RETURNING id`);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  let documents = 0;
  async function newDocument(platformSlug: string): Promise<Document> {
    const platform = await app.get(PlatformsRepository).ensure(platformSlug, platformSlug);
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [subscriberId, platform.id]);
    const type = `policy-${++documents}`;
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: type, type, sources: [{ url: URL }], fetcher: 'http', checkIntervalMinutes: 60 });
    return document;
  }

  /** Ingests the steps in the given order; checks every back-dated capture owes no alert as it goes. */
  async function ingest(document: Document, steps: Step[]): Promise<void> {
    const recorder = app.get(RecordCapture);
    let newest = 0;
    for (const step of steps) {
      const result = await recorder.record(
        document,
        { parts: [{ body: readCorpusPage(step.page), contentType: 'text/html', url: URL }], url: URL, finalUrl: null, httpStatus: null, fetcher: 'capture', capturedAt: step.capturedAt },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      expect(result.outcome).toBe('ok');
      const backDated = step.capturedAt.getTime() < newest;
      newest = Math.max(newest, step.capturedAt.getTime());
      if (result.change && backDated) {
        const channels = await dataSource.query(`SELECT channel FROM notifications WHERE change_record_id = $1`, [result.change.id]);
        expect(channels.map((c: { channel: string }) => c.channel)).not.toContain('alert');
      }
    }
  }

  /** Versions in capture order, and the current change record between each consecutive pair. */
  async function historyOf(document: Document) {
    const versions: Array<{ id: string; text_sha256: string; captured_at: Date; revert_of_version_id: string | null }> = await dataSource.query(
      `SELECT id, text_sha256, captured_at, revert_of_version_id FROM versions WHERE document_id = $1 ORDER BY captured_at, id`,
      [document.id],
    );
    const current: Array<{ from_version_id: string; to_version_id: string; kind: string; severity: string; summary: string; reasons: string[]; alert_eligible: boolean; id: string }> =
      await dataSource.query(`SELECT * FROM change_records WHERE document_id = $1 AND superseded_by IS NULL`, [document.id]);
    const changes = versions.slice(1).map((v, i) => {
      const found = current.filter((c) => c.to_version_id === v.id);
      expect(found).toHaveLength(1);
      expect(found[0].from_version_id).toBe(versions[i].id);
      return { from: versions[i].text_sha256, to: v.text_sha256, kind: found[0].kind, severity: found[0].severity, summary: found[0].summary };
    });
    // Nothing else is current: no change record spans a version or runs against time.
    expect(current).toHaveLength(versions.length - 1);
    const held: string[][] = [];
    for (const v of versions) {
      const rows: Array<{ text: string }> = await dataSource.query(`SELECT text FROM version_provisions WHERE version_id = $1 ORDER BY position`, [v.id]);
      held.push(rows.map((r) => r.text));
    }
    // What each version reverts to, as a position in the chain.
    const revertsTo = versions.map((v) => (v.revert_of_version_id === null ? null : versions.findIndex((w) => w.id === v.revert_of_version_id)));
    // Provisions still in force are exactly those the newest version holds.
    const live: Array<{ id: string }> = await dataSource.query(
      `SELECT id::text FROM provisions WHERE document_id = $1 AND removed_at IS NULL AND superseded_by_id IS NULL ORDER BY id`,
      [document.id],
    );
    const newestHeld: Array<{ id: string }> = versions.length
      ? await dataSource.query(`SELECT DISTINCT provision_id::text AS id FROM version_provisions WHERE version_id = $1 ORDER BY id`, [versions[versions.length - 1].id])
      : [];
    expect(live).toEqual(newestHeld);
    return { texts: versions.map((v) => v.text_sha256), changes, held, revertsTo, lineage: await lineageOf(document, versions.map((v) => v.id)) };
  }

  /**
   * The provision lineage, compared modulo ID numbering (which ID was issued first depends on the
   * ingestion order): each provision is named by where it is first held (version index in capture
   * order, position). Compared: per version, the name of the provision at each position (so the same
   * clauses are followed as one provision), and per provision its first seen, last seen and removed-in
   * versions, its change count, latest text and clause types. Only live (not superseded) provisions
   * count; a superseded one must be held by no version and resolve to a live one, so every ID issued
   * still leads somewhere.
   */
  async function lineageOf(document: Document, versionIds: string[]) {
    const rows: Array<{ version_id: string; position: number; provision_id: string }> = await dataSource.query(
      `SELECT vp.version_id::text, vp.position, vp.provision_id::text FROM version_provisions vp JOIN versions v ON v.id = vp.version_id WHERE v.document_id = $1`,
      [document.id],
    );
    const byVersion = new Map<string, Array<{ position: number; provision_id: string }>>();
    for (const r of rows) byVersion.set(r.version_id, [...(byVersion.get(r.version_id) ?? []), r]);
    const name = new Map<string, string>();
    const names = versionIds.map((vid, i) =>
      (byVersion.get(vid) ?? [])
        .sort((a, b) => a.position - b.position)
        .map((r) => {
          if (!name.has(r.provision_id)) name.set(r.provision_id, `${i}:${r.position}`);
          return name.get(r.provision_id)!;
        }),
    );
    const provisions: Array<{ id: string; first: string; last: string; removed: string | null; change_count: number; text: string; clause_types: string[]; superseded_by_id: string | null }> =
      await dataSource.query(
        `SELECT id::text, first_seen_version_id::text AS first, last_seen_version_id::text AS last, removed_in_version_id::text AS removed, change_count, text, clause_types, superseded_by_id::text
           FROM provisions WHERE document_id = $1`,
        [document.id],
      );
    const at = (versionId: string | null) => (versionId === null ? null : versionIds.indexOf(versionId));
    const live = provisions.filter((p) => p.superseded_by_id === null);
    // Every held provision is live, and every live provision is held somewhere.
    expect(live.map((p) => p.id).sort()).toEqual([...name.keys()].sort());
    const byId = new Map(provisions.map((p) => [p.id, p]));
    for (const p of provisions.filter((x) => x.superseded_by_id !== null)) {
      let target = byId.get(p.superseded_by_id!);
      for (let hops = 0; target?.superseded_by_id && hops < 100; hops++) target = byId.get(target.superseded_by_id);
      expect(target && name.has(target.id)).toBe(true);
    }
    const lifecycles = live
      .map((p) => ({ name: name.get(p.id), first: at(p.first), last: at(p.last), removed: at(p.removed), changes: p.change_count, text: p.text, types: p.clause_types }))
      .sort((a, b) => (a.name! < b.name! ? -1 : 1));
    return { names, lifecycles, superseded: provisions.length - live.length };
  }

  let supersededProvisions = 0;
  const scenarios = loadScenarios().documents.filter((d: ScenarioDocument) => d.sequence.length > 2);

  it.each(scenarios.map((d) => [`${d.platform} ${d.document}`, d] as const))('%s: shuffled ingestion gives the same versions, changes, held clauses, reverts and provision lineage as in order', async (_name, scenario) => {
    // Recent capture times an hour apart, in the scenario's order (fresh enough that an in-order capture alerts).
    const start = Date.now() - (scenario.sequence.length + 1) * HOUR;
    const steps: Step[] = scenario.sequence.map((s, i) => ({ page: s.page, capturedAt: new Date(start + i * HOUR) }));

    const inOrder = await newDocument('order-test');
    await ingest(inOrder, steps);
    const expected = await historyOf(inOrder);
    expect(expected.texts.length).toBeGreaterThan(2);
    const alerted: Array<{ n: number }> = await dataSource.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN change_records c ON c.id = n.change_record_id WHERE c.document_id = $1 AND n.channel = 'alert'`,
      [inOrder.id],
    );
    // The comparison below means something: in order, fresh changes do alert.
    expect(alerted[0].n).toBeGreaterThan(0);

    // Shuffled: captures land in the middle (superseding records); reversed: each lands before the first version.
    // More orders: SHUFFLE_SEEDS=14,1,2,… (20 seeds pass for both documents).
    const seeds = (process.env.SHUFFLE_SEEDS ?? '14,1').split(',').map(Number);
    for (const [order, splitsRecords] of [...seeds.map((seed) => [shuffled(steps, seed), seed === 14] as const), [[...steps].reverse(), false] as const]) {
      const document = await newDocument('order-test');
      await ingest(document, order);
      const got = await historyOf(document);
      expect(got.texts).toEqual(expected.texts);
      expect(got.changes).toEqual(expected.changes);
      expect(got.held).toEqual(expected.held);
      expect(got.revertsTo).toEqual(expected.revertsTo);
      expect(got.lineage.names).toEqual(expected.lineage.names);
      expect(got.lineage.lifecycles).toEqual(expected.lineage.lifecycles);
      supersededProvisions += got.lineage.superseded;

      // Every record ID issued stays: superseded records name current or later-superseded records that exist.
      const superseded: Array<{ record_id: string; superseded_by: string[] }> = await dataSource.query(
        `SELECT record_id, superseded_by FROM change_records WHERE document_id = $1 AND superseded_by IS NOT NULL`,
        [document.id],
      );
      if (splitsRecords) expect(superseded.length).toBeGreaterThan(0);
      for (const s of superseded) {
        expect(s.superseded_by.length).toBeGreaterThan(0);
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM change_records WHERE record_id = ANY($1) AND document_id = $2`, [s.superseded_by, document.id]);
        expect(n).toBe(s.superseded_by.length);
      }
      // Technical corrections never alert and owe nothing.
      const corrections: Array<{ id: string; alert_eligible: boolean }> = await dataSource.query(
        `SELECT id, alert_eligible FROM change_records WHERE document_id = $1 AND reasons->>0 LIKE 'technical correction:%'`,
        [document.id],
      );
      expect(corrections.length).toBeGreaterThan(0);
      expect(corrections.every((c) => !c.alert_eligible)).toBe(true);
      const [{ n: owedByCorrections }] = await dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE change_record_id = ANY($1::bigint[])`, [corrections.map((c) => c.id)]);
      expect(owedByCorrections).toBe(0);
    }
  });
  // Runs after the comparisons above (jest keeps a file's order): they went through provision supersession.
  it('the comparisons above superseded provisions first recorded in a later capture', () => {
    expect(supersededProvisions).toBeGreaterThan(0);
  });

  it('a correction to a version confirmed later still never alerts', async () => {
    const document = await newDocument('order-test');
    const recorder = app.get(RecordCapture);
    const start = Date.now() - 5 * HOUR;
    const at = (page: string, hour: number, confirmed: boolean) =>
      recorder.record(
        document,
        { parts: [{ body: readCorpusPage(`sites/midjourney/terms-of-service/${page}.html`), contentType: 'text/html', url: URL }], url: URL, finalUrl: null, httpStatus: null, fetcher: 'capture', capturedAt: new Date(start + hour * HOUR) },
        { trigger: 'capture', confirmed, startedAt: new Date(), durationMs: 0 },
      );
    await at('2025-06-23', 0, true);
    const last = await at('2026-01-20', 2, false);
    await at('2025-09-10', 1, true);
    const { change } = await app.get(CaptureWriter).confirm(document, last.version!.id, new Date());
    expect(change?.reasons[0]).toMatch(/^technical correction:/);
    // The test means something: this change would alert if it were an ordinary one.
    expect(change).toMatchObject({ kind: expect.stringMatching(/^(substantive|structure)$/), severity: expect.not.stringMatching(/^none$/) });
    const [row] = await dataSource.query(`SELECT alert_eligible FROM change_records WHERE id = $1`, [change!.id]);
    expect(row.alert_eligible).toBe(false);
    expect(await dataSource.query(`SELECT id FROM notifications WHERE change_record_id = $1`, [change!.id])).toEqual([]);
  });
});
