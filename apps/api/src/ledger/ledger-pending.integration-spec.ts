import { LEDGER_LOCK_ID } from '@clausewatch/db';
import { DataSource, QueryRunner } from 'typeorm';
import { ApiHarness, createMidjourneyTerms, postTermsCapture, startApi } from '../testing/api-harness';

/**
 * A capture commits its version as pending and awaits the ledger's batch that appends it. Here the batch is
 * held back (another session holds the ledger's lock, as a slow batch of another process would), so the
 * version stays pending while readers look at it; the capture answers only once its leaf is in.
 */
describe('a version pending in the ledger, seen through the API', () => {
  let api: ApiHarness;
  let db: DataSource;
  let documentId: string;

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });
  const capture = (page: string, capturedAt: string) => postTermsCapture(api, documentId, page, capturedAt);

  async function pendingVersion(): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const rows: Array<{ record_id: string }> = await db.query('SELECT v.record_id FROM ledger_pending p JOIN versions v ON v.id = p.version_id');
      if (rows.length > 0) return rows[0].record_id;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no version became pending');
  }

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    documentId = await createMidjourneyTerms(api);
  });
  afterAll(() => api?.close());

  it('says "pending" on the record, its page, its proof and its verification, and the capture answers with its ledger index once appended', async () => {
    const first = (await capture('2025-06-23', '2025-06-23T10:00:00Z')).json();
    expect(first.version.ledgerIndex).toBe(0);

    const holder: QueryRunner = db.createQueryRunner();
    await holder.connect();
    let answered: Awaited<ReturnType<typeof capture>> | null = null;
    let capturing: Promise<unknown> | null = null;
    try {
      await holder.startTransaction();
      await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [LEDGER_LOCK_ID]);
      capturing = capture('2025-09-10', '2025-09-10T10:00:00Z').then((response) => (answered = response));
      const id = await pendingVersion();
      // The capture is committed but not answered: it awaits its leaf.
      expect(answered).toBeNull();

      const record = await get(`/api/v1/records/${id}`);
      expect(record.statusCode).toBe(200);
      expect(record.json()).toMatchObject({ id, ledgerIndex: null, ledger: { pending: true } });
      const page = await get(`/r/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('pending: its entry is appended within seconds of the capture');
      expect(page.body).not.toContain('not in the ledger');
      const proof = await get(`/api/v1/records/${id}/proof`);
      expect(proof.statusCode).toBe(503);
      expect(proof.body).toContain('LEDGER_PENDING');
      const verified = await get(`/api/v1/records/${id}/verify`);
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({ ok: true, versions: [{ id, ok: true, checks: expect.arrayContaining([expect.objectContaining({ name: 'ledger', pending: true })]) }] });
    } finally {
      if (holder.isTransactionActive) await holder.commitTransaction();
      await holder.release();
    }
    await capturing;
    const second = answered!.json();
    expect(second.outcome).toBe('ok');
    expect(second.version.ledgerIndex).toBe(1);
    // The record changed when its leaf was appended: the cached "pending" record is replaced.
    let ledger: unknown = null;
    for (let i = 0; i < 100 && !(ledger as { index?: number } | null)?.index; i++) {
      ledger = (await get(`/api/v1/records/${second.version.id}`)).json().ledger;
      if (!(ledger as { index?: number }).index) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ledger).toMatchObject({ index: 1 });
    expect((await get(`/api/v1/records/${second.version.id}/proof`)).statusCode).toBe(200);
  });
});
