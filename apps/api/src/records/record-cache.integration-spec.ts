jest.mock('node-fetch', () => ({
  __esModule: true,
  default: () => Promise.reject(new Error('no network in tests')),
  Headers: class {},
}));

import { readCorpusPage } from '@clausewatch/testing';
import { Client } from 'pg';
import { ApiHarness, startApi } from '../testing/api-harness';
import { RecordChangesListener } from './record-changes.listener';
import { RecordCache } from './record.cache';
import { RecordsService } from './records.service';

const TOS = 'sites/midjourney/terms-of-service';
const SOURCE = 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service';

/** Polls until `check` passes: another process's commit reaches the API a moment later. */
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

// GET /records/:id answers from memory; every write, whoever makes it, reaches the answer.
describe('record cache: fresh after every write, from any process', () => {
  let api: ApiHarness;
  let other: Client;
  let cache: RecordCache;
  let listener: RecordChangesListener;
  let documentId: string;
  let platformId: string;
  let versionId: string;

  const get = async (id: string) => {
    const response = await api.app.inject({ method: 'GET', url: `/api/v1/records/${id}` });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    return response.json();
  };
  const capture = (page: string, capturedAt: string) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${documentId}/captures?url=${encodeURIComponent(SOURCE)}&capturedAt=${capturedAt}`,
      payload: readCorpusPage(`${TOS}/${page}.html`),
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });

  beforeAll(async () => {
    api = await startApi();
    cache = api.app.get(RecordCache);
    listener = api.app.get(RecordChangesListener);
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: SOURCE },
      headers: api.admin,
    });
    documentId = created.json().document.id;
    platformId = created.json().document.platform.id;
    versionId = (await capture('2025-06-23', '2025-06-23T12:00:00.000Z')).json().version.id;
    // Another process: the crawler, the CLI, or someone at psql.
    other = new Client({ connectionString: api.database.url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await api?.close();
  });

  it('serves a record from memory once read, byte for byte the same JSON', async () => {
    expect(listener.listening).toBe(true);
    const first = await get(versionId);
    expect(cache.get(versionId)?.toString()).toBe(JSON.stringify(first));
    expect(await get(versionId)).toEqual(first);
  });

  it("shows another process's write to a version, a document's checks and a platform", async () => {
    await get(versionId);
    await get(documentId);
    await get(platformId);
    await other.query(`UPDATE versions SET confirmed_at = '2030-01-01T00:00:00Z' WHERE record_id = $1`, [versionId]);
    await other.query(
      `INSERT INTO checks (document_id, trigger, started_at, duration_ms, outcome, cause)
       SELECT id, 'schedule', now(), 5, 'timeout', 'no answer in 30 s' FROM documents WHERE record_id = $1`,
      [documentId],
    );
    await other.query(`UPDATE platforms SET name = 'Midjourney, Inc.' WHERE record_id = $1`, [platformId]);
    await eventually(async () => {
      expect((await get(versionId)).confirmedAt).toBe('2030-01-01T00:00:00.000Z');
      expect((await get(documentId)).health).toMatchObject({ lastOutcome: 'timeout', lastCause: 'no answer in 30 s' });
      expect((await get(platformId)).name).toBe('Midjourney, Inc.');
    });
  });

  it('gives a writer through the API its own write at once (no waiting)', async () => {
    const before = await get(documentId);
    const platformBefore = await get(platformId);
    const { rows: held } = await other.query(
      `SELECT p.record_id FROM provisions p JOIN version_provisions vp ON vp.provision_id = p.id JOIN versions v ON v.id = vp.version_id WHERE v.record_id = $1`,
      [versionId],
    );
    for (const { record_id } of held) await get(record_id);

    const response = await capture('2025-09-10', '2025-09-10T12:00:00.000Z');
    expect(response.json().outcome).toBe('ok');
    const version = response.json().version.id;
    const document = await get(documentId);
    expect(document.health.lastCheckedAt).not.toBe(before.health.lastCheckedAt);
    expect(document.health.lastOutcome).toBe('ok');
    expect((await get(version)).change).toMatchObject({ kind: 'substantive', to: version });
    expect((await get(platformId)).documents).toEqual(platformBefore.documents);

    // Provisions the new version still holds were seen again; removed ones say so. Each answer
    // equals a fresh read of the database.
    const records = api.app.get(RecordsService);
    for (const { record_id } of held) {
      expect(await get(record_id)).toEqual(JSON.parse(JSON.stringify(await records.find(record_id))));
    }
    const kept = await get(held[0].record_id);
    expect([kept.lastSeen.version, kept.removed?.version]).toContain(version);
  });

  it('knows, once caught up, of every commit made before', async () => {
    for (let i = 0; i < 20; i += 1) {
      await get(versionId);
      expect(cache.get(versionId)).toBeDefined();
      await other.query(`UPDATE versions SET confirmed_at = $2 WHERE record_id = $1`, [versionId, new Date(Date.UTC(2030, 0, 1 + i))]);
      await listener.caughtUp();
      expect(cache.get(versionId)).toBeUndefined();
    }
  });

  it('stops answering from memory while it cannot hear the database, and starts again once it can', async () => {
    await get(versionId);
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clausewatch-record-cache'`);
    await eventually(async () => expect(listener.listening).toBe(false));
    expect(cache.isEnabled).toBe(false);
    // Written while nobody listens: the next read must still see it.
    await other.query(`UPDATE versions SET confirmed_at = '2031-01-01T00:00:00Z' WHERE record_id = $1`, [versionId]);
    expect((await get(versionId)).confirmedAt).toBe('2031-01-01T00:00:00.000Z');
    expect(cache.size).toBe(0);

    await eventually(async () => expect(listener.listening).toBe(true), 5000);
    await get(versionId);
    expect(cache.get(versionId)).toBeDefined();
    await other.query(`UPDATE versions SET confirmed_at = '2032-01-01T00:00:00Z' WHERE record_id = $1`, [versionId]);
    await eventually(async () => expect((await get(versionId)).confirmedAt).toBe('2032-01-01T00:00:00.000Z'));
  });

  it('never caches an answer that is not a record', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/records/CW-V-9999999' })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/records/not-an-id' })).statusCode).toBe(400);
    expect(cache.get('CW-V-9999999')).toBeUndefined();
  });
});
