import { generateLedgerKey } from '@clausewatch/records';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { LedgerBatch } from './ledger-appender';
import { LedgerAuditService } from './ledger-audit.service';
import { LedgerErrorCode } from './ledger.error';
import { LedgerService } from './ledger.service';
import { RecordIntegrityService } from './record-integrity.service';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The ledger's group commit: versions commit as pending, one batch appends all of them under one lock.
 * Each "process" is a data source with its own LedgerService, as a crawler or API process has.
 */
describe('LedgerAppender (group commit of ledger appends, real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let ledger: LedgerService;
  let documentId: string;
  let snapshotId: string;
  let made = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-appender-'));
  const signingKey = generateLedgerKey().privateKeyPem;
  const processes: Array<{ dataSource: DataSource; ledger: LedgerService }> = [];

  /** Another process on the same database (its own pool and appender, the same signing key). */
  async function startProcess(): Promise<LedgerService> {
    const other = createDataSource({ url: database.url, poolSize: 3 });
    await other.initialize();
    const service = new LedgerService(other, { dataDir, ledgerSigningKey: signingKey });
    processes.push({ dataSource: other, ledger: service });
    return service;
  }

  /** A capture's transaction: the version and, unless told otherwise, its pending row, committed together. */
  async function commitVersion(on: DataSource = dataSource, pending = true, sourceUrl = 'https://example.com/terms'): Promise<{ id: string; recordId: string }> {
    made += 1;
    const markdown = `text ${made}`;
    return on.transaction(async (manager) => {
      const [version]: Array<{ id: string; record_id: string }> = await manager.query(
        `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
         VALUES ($1, $2, $3, $4, $5, $6, 'x', $8, now() + $7 * interval '1 second', 'http') RETURNING id, record_id`,
        [documentId, snapshotId, sha256('x'), sha256(markdown), `f${made}`, markdown, made, sourceUrl],
      );
      if (pending) await ledger.markPending(manager, { id: version.id });
      return { id: version.id, recordId: version.record_id };
    });
  }

  async function ledgerIndexOf(versionId: string): Promise<string | null> {
    const [row] = await dataSource.query('SELECT ledger_index FROM versions WHERE id = $1', [versionId]);
    return row.ledger_index;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 6 });
    await dataSource.initialize();
    ledger = new LedgerService(dataSource, { dataDir, ledgerSigningKey: signingKey });
    const [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('appender', 'Appender') RETURNING id`);
    const [document] = await dataSource.query(`INSERT INTO documents (platform_id, title, type, sources) VALUES ($1, 'T', 'terms', '[]') RETURNING id`, [platform.id]);
    documentId = document.id;
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES ($1, 'text/html', 1, 'x') RETURNING id`, [sha256('x')]);
    snapshotId = snapshot.id;
  });

  afterAll(async () => {
    await ledger?.onModuleDestroy();
    for (const p of processes) {
      await p.ledger.onModuleDestroy();
      await p.dataSource.destroy();
    }
    await dataSource?.destroy();
    await database?.drop();
  });

  it('appends concurrent captures in shared batches: each caller awaits its own leaf, one leaf per version, in version order within a batch', async () => {
    const batches: LedgerBatch[] = [];
    const off = ledger.onBatch((batch) => batches.push(batch));
    const CAPTURES = 24;
    const results = await Promise.all(
      Array.from({ length: CAPTURES }, async () => {
        const version = await commitVersion();
        const leaf = await ledger.appendedLeafOf({ id: version.id, ledgerIndex: null });
        // When the caller learns its leaf, the version already says so.
        expect(await ledgerIndexOf(version.id)).toBe(String(leaf.index));
        return { ...version, index: leaf.index };
      }),
    );
    off();
    expect(new Set(results.map((r) => r.index)).size).toBe(CAPTURES);
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: CAPTURES }, (_, i) => i));
    // Group commit: fewer batches (locks, COMMITs) than captures, and every version in exactly one batch.
    const appended = batches.flatMap((b) => b.versionIds);
    expect(appended.sort()).toEqual(results.map((r) => r.id).sort());
    expect(batches.filter((b) => b.size > 0).length).toBeLessThan(CAPTURES);
    // Within a batch, leaves follow the version ids (a deterministic order, whoever committed first).
    const indexOf = new Map(results.map((r) => [r.id, r.index]));
    for (const batch of batches) {
      const byId = [...batch.versionIds].sort((a, b) => Number(a) - Number(b));
      expect(batch.versionIds).toEqual(byId);
      expect(batch.versionIds.map((id) => indexOf.get(id)!)).toEqual(batch.versionIds.map((_, i) => indexOf.get(batch.versionIds[0])! + i));
    }
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM ledger_pending');
    expect(n).toBe(0);
    await ledger.signTreeHead();
    expect(await new LedgerAuditService(dataSource, ledger).audit()).toMatchObject({ ok: true, leaves: CAPTURES, pending: 0, problems: [] });
  });

  it('a version left pending by a process that died before its batch: readers say "pending", the next process appends it at start, once', async () => {
    // The capture committed, then its process died: nobody awaits the leaf.
    const dying = createDataSource({ url: database.url, poolSize: 1 });
    await dying.initialize();
    const orphan = await commitVersion(dying);
    await dying.destroy();
    expect(await ledgerIndexOf(orphan.id)).toBeNull();

    // Readers meanwhile: pending, not an error and not a mismatch.
    const audit = new LedgerAuditService(dataSource, ledger);
    expect(await audit.audit()).toMatchObject({ ok: true, pending: 1, problems: [] });
    const [integrity] = await new RecordIntegrityService(dataSource, ledger).verifyVersions([orphan.id]);
    expect(integrity.ok).toBe(true);
    expect(integrity.checks.find((c) => c.name === 'ledger')).toMatchObject({ ok: true, pending: true, detail: expect.stringContaining('pending') });
    await expect(
      ledger.bundleFor({ recordId: orphan.recordId, capturedAt: new Date(), rawSha256: sha256('x'), textSha256: sha256('x'), sourceUrl: 'https://example.com/terms', ledgerIndex: null }, 'CW-D-00001'),
    ).rejects.toMatchObject({ code: LedgerErrorCode.Pending });

    const [{ size: before }] = await dataSource.query('SELECT count(*)::int AS size FROM ledger_leaves');
    const restarted = await startProcess();
    await restarted.onApplicationBootstrap();
    expect(await ledgerIndexOf(orphan.id)).toBe(String(before));
    // The start's sweep signed a head covering it (the write path's duty, as after any append).
    expect(await restarted.storedHead(before + 1)).not.toBeNull();
    // Nothing is appended twice: a second sweep, by either process, finds nothing.
    expect(await restarted.sweep()).toBe(0);
    expect(await ledger.sweep()).toBe(0);
    const [{ size: after }] = await dataSource.query('SELECT count(*)::int AS size FROM ledger_leaves');
    expect(after).toBe(before + 1);
    expect(await audit.audit()).toMatchObject({ ok: true, leaves: after, pending: 0, problems: [] });
    const [verified] = await new RecordIntegrityService(dataSource, ledger).verifyVersions([orphan.id]);
    expect(verified.checks.find((c) => c.name === 'ledger')).toMatchObject({ ok: true, detail: expect.stringContaining(`leaf ${before}`) });
  });

  it('two processes appending the same pending versions at once append each exactly once; a waiter whose version the other process appended gets that leaf', async () => {
    const other = await startProcess();
    const [{ size: before }] = await dataSource.query('SELECT count(*)::int AS size FROM ledger_leaves');
    const pending = [];
    for (let i = 0; i < 30; i++) pending.push(await commitVersion());
    const counts = await Promise.all([ledger.sweep(), other.sweep()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(await Promise.all([ledger.sweep(), other.sweep()])).toEqual([0, 0]);
    const rows: Array<{ version_id: string; leaf_index: string }> = await dataSource.query('SELECT version_id, leaf_index FROM ledger_leaves WHERE leaf_index >= $1 ORDER BY leaf_index', [before]);
    expect(rows.map((r) => r.version_id).sort()).toEqual(pending.map((p) => p.id).sort());

    // This process's caller, whose version the other process's batch took first.
    const version = await commitVersion();
    expect(await other.sweep()).toBe(1);
    const leaf = await ledger.appendedLeafOf({ id: version.id, ledgerIndex: null });
    expect(String(leaf.index)).toBe(await ledgerIndexOf(version.id));
    await ledger.signTreeHead();
    expect(await new LedgerAuditService(dataSource, ledger).audit()).toMatchObject({ ok: true, leaves: before + 31, pending: 0, problems: [] });
  });

  it('tells a caller whose version is neither pending nor in the ledger, and the audit names that version', async () => {
    const stray = await commitVersion(dataSource, false);
    await expect(ledger.appendedLeafOf({ id: stray.id, ledgerIndex: null })).rejects.toMatchObject({ code: LedgerErrorCode.NotInLedger });
    const report = await new LedgerAuditService(dataSource, ledger).audit();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([`1 version(s) are not in the ledger (first: ${stray.recordId})`]);
    await dataSource.query('DELETE FROM versions WHERE id = $1', [stray.id]);
  });

  it('a pending version whose leaf cannot be built fails its own caller only; the audit names it once it has been pending for long', async () => {
    const bad = await commitVersion(dataSource, true, '');
    const good = await commitVersion();
    const [badLeaf, goodLeaf] = await Promise.allSettled([ledger.appendedLeafOf({ id: bad.id, ledgerIndex: null }), ledger.appendedLeafOf({ id: good.id, ledgerIndex: null })]);
    expect(badLeaf).toMatchObject({ status: 'rejected', reason: { code: LedgerErrorCode.NotInLedger, message: expect.stringContaining('sourceUrl is empty') } });
    expect(goodLeaf).toMatchObject({ status: 'fulfilled' });
    expect(await ledgerIndexOf(good.id)).not.toBeNull();
    // Later batches go on without it.
    const next = await commitVersion();
    await expect(ledger.appendedLeafOf({ id: next.id, ledgerIndex: null })).resolves.toMatchObject({ index: expect.any(Number) });
    await ledger.signTreeHead();
    const audit = new LedgerAuditService(dataSource, ledger);
    expect(await audit.audit()).toMatchObject({ ok: true, pending: 1 });
    await dataSource.query(`UPDATE ledger_pending SET pending_since = now() - interval '11 minutes' WHERE version_id = $1`, [bad.id]);
    expect((await audit.audit()).problems).toEqual([expect.stringContaining(`1 version(s) pending in the ledger for over 10 minutes (first: ${bad.recordId})`)]);
    await dataSource.query('DELETE FROM versions WHERE id = $1', [bad.id]);
  });
});
