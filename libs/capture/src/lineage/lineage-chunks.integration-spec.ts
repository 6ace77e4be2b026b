import { DocumentsRepository, PlatformsRepository, ProvisionsRepository } from '@clausewatch/db';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordCapture } from '../pipeline/record-capture.use-case';
import { startCaptureContext } from '../testing/capture-context';

const URL = 'https://docs.example.test/long-policy';
/** Sections of the page: two provisions each (heading, clause), so each kind of lineage row spans several statements. */
const SECTIONS = 6000;

/** Section i's clause: changed for every 1000th section in the second version; section 1 dropped and a new last one added. */
function page(second: boolean): Buffer {
  const sections = Array.from({ length: SECTIONS }, (_, i) => i)
    .filter((i) => !(second && i === 1))
    .map((i) => `<h2>Part ${i}</h2><p>Rule ${i}: ${second && i % 1000 === 0 ? 'we may keep it' : 'we delete it'} after ${i} days.</p>`);
  if (second) sections.push('<h2>Part new</h2><p>A clause seen for the first time.</p>');
  return Buffer.from(`<!doctype html><html><head><title>T</title></head><body><main><h1>Terms</h1>${sections.join('')}</main></body></html>`);
}

describe('provision lineage of a page larger than one write statement (real PostgreSQL)', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, dataSource } = await startCaptureContext(database.url));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('keeps, changes, removes and adds provisions across statement boundaries', async () => {
    const platform = await app.get(PlatformsRepository).ensure('long', 'long');
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: 'long', type: 'terms', sources: [{ url: URL }], fetcher: 'http', checkIntervalMinutes: 60 });
    const recorder = app.get(RecordCapture);
    const record = (second: boolean, at: string) =>
      recorder.record(
        document,
        { parts: [{ body: page(second), contentType: 'text/html', url: URL }], url: URL, finalUrl: null, httpStatus: null, fetcher: 'capture', capturedAt: new Date(at) },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
    expect((await record(false, '2026-01-01T00:00:00Z')).outcome).toBe('ok');
    expect((await record(true, '2026-01-02T00:00:00Z')).outcome).toBe('ok');
    const versions: Array<{ id: string }> = await dataSource.query('SELECT id FROM versions WHERE document_id = $1 ORDER BY captured_at', [document.id]);
    expect(versions).toHaveLength(2);
    const held = async (versionId: string) =>
      new Map(
        ((await dataSource.query('SELECT position, provision_id, text FROM version_provisions WHERE version_id = $1 ORDER BY position', [versionId])) as Array<{ position: number; provision_id: string; text: string }>).map(
          (r) => [r.text, { position: r.position, id: r.provision_id }],
        ),
      );
    const [first, second] = [await held(versions[0].id), await held(versions[1].id)];
    // The title heading and two provisions per section; every position held once.
    expect(first.size).toBe(1 + 2 * SECTIONS);
    expect(second.size).toBe(1 + 2 * SECTIONS);
    expect([...second.values()].map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: second.size }, (_, i) => i));
    // Unchanged clauses, near the start and end and at the statement boundaries, keep their provisions.
    for (const i of [0, 2, 2499, 2500, 2501, 4999, 5000, 5999]) {
      const heading = `Part ${i}`;
      expect(second.get(heading)?.id).toBe(first.get(heading)?.id);
      if (i % 1000 !== 0) expect(second.get(`Rule ${i}: we delete it after ${i} days.`)?.id).toBe(first.get(`Rule ${i}: we delete it after ${i} days.`)?.id);
    }
    // Changed clauses continue theirs, with one change counted.
    for (const i of [0, 1000, 5000]) {
      const id = second.get(`Rule ${i}: we may keep it after ${i} days.`)?.id;
      expect(id).toBe(first.get(`Rule ${i}: we delete it after ${i} days.`)?.id);
      const [row] = await dataSource.query('SELECT change_count, text, last_seen_version_id FROM provisions WHERE id = $1', [id]);
      expect(row).toMatchObject({ change_count: 1, text: `Rule ${i}: we may keep it after ${i} days.`, last_seen_version_id: versions[1].id });
    }
    // The dropped section's provisions end at the second version; the new one is new.
    const [removed] = await dataSource.query('SELECT removed_in_version_id FROM provisions WHERE id = $1', [first.get('Rule 1: we delete it after 1 days.')?.id]);
    expect(removed.removed_in_version_id).toBe(versions[1].id);
    const fresh = second.get('A clause seen for the first time.')?.id;
    expect(fresh && [...first.values()].some((r) => r.id === fresh)).toBe(false);
    // Every provision the second version holds says it was last seen there.
    const [{ stale }] = await dataSource.query(
      'SELECT count(*)::int AS stale FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id WHERE vp.version_id = $1 AND p.last_seen_version_id <> $1',
      [versions[1].id],
    );
    expect(stale).toBe(0);
    // heldBy reads a version this size in several rows: every position once, in order, as one plain SELECT gives them.
    const rows: Array<{ position: number; id: string; text: string; first_seen_at: Date }> = await dataSource.query(
      'SELECT vp.position, vp.provision_id::text AS id, vp.text, p.first_seen_at FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id WHERE vp.version_id = $1 ORDER BY vp.position',
      [versions[1].id],
    );
    expect(await app.get(ProvisionsRepository).heldBy(versions[1].id)).toEqual({
      positions: rows.map((r) => r.position),
      provisionIds: rows.map((r) => r.id),
      texts: rows.map((r) => r.text),
      firstSeenAt: rows.map((r) => r.first_seen_at.getTime()),
    });
  }, 300_000);
});
