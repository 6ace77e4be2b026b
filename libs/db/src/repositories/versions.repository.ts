import { DataSource, EntityManager, IsNull, LessThanOrEqual, MoreThan, Not } from 'typeorm';
import { Check, Version } from '../entities';
import type { SimpleQueryClient } from '../ledger/pg-ledger.store';
import type { NewCheck } from './checks.repository';
import { entityFromRow, insertSlots } from './row-insert';

export type NewVersion = Omit<Version, 'id' | 'recordId' | 'createdAt' | 'document' | 'snapshot' | 'ledgerIndex'>;

/** A row of a document's version timeline: the version and the current (not superseded) change that led to it. */
export interface VersionTimelineEntry {
  id: string;
  capturedAt: Date;
  isRevert: boolean;
  change: { id: string; severity: string } | null;
}

/** The facts a citation of a version (or of the change that led to it) states. */
export interface CitationFacts {
  capturedAt: Date;
  textSha256: string;
  rawSha256: string;
  sourceUrl: string;
  ledgerIndex: string | null;
  documentTitle: string;
  documentType: string;
  platformName: string | null;
}

export class VersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findLatestFor(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Version | null> {
    return manager.findOne(Version, { where: { documentId }, order: { capturedAt: 'DESC', id: 'DESC' } });
  }

  /** When the document's latest version was captured (null: none), without reading the version. */
  async latestCapturedAt(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Date | null> {
    const [row]: Array<{ captured_at: Date }> = await manager.query('SELECT captured_at FROM versions WHERE document_id = $1 ORDER BY captured_at DESC, id DESC LIMIT 1', [documentId]);
    return row?.captured_at ?? null;
  }

  /** The id of the latest version (by capture time): what a capture plan was made against. */
  async latestIdFor(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM versions WHERE document_id = $1 ORDER BY captured_at DESC, id DESC LIMIT 1', [documentId]);
    return row?.id ?? null;
  }

  /**
   * Where a capture taken at `at` goes in the document's chain (ordered by capture time, then id): the
   * version it follows (the last captured at or before it) and the one that follows it (null at the end).
   */
  async neighboursAt(documentId: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<{ previous: Version | null; next: Version | null }> {
    const [previous, next] = await Promise.all([
      manager.findOne(Version, { where: { documentId, capturedAt: LessThanOrEqual(at) }, order: { capturedAt: 'DESC', id: 'DESC' } }),
      // findOne reads one row (LIMIT 1); a query builder's getOne() would read every later version and keep the first.
      manager.findOne(Version, { where: { documentId, capturedAt: MoreThan(at) }, order: { capturedAt: 'ASC', id: 'ASC' } }),
    ]);
    return { previous, next };
  }

  /**
   * Opens the capture transaction on `client` (a connection of its own), locks the document and reads
   * the ids of `neighboursAt`, to check a plan is still current: one round trip (simple protocol, so the
   * two values are written into the text, each checked to be what its type prints). Each statement of
   * the text takes its own snapshot, so the read sees every capture committed before the lock was had.
   */
  async beginLockedAt(client: SimpleQueryClient, documentId: string, at: Date): Promise<{ previousId: string | null; nextId: string | null }> {
    if (!/^\d+$/.test(documentId)) throw new Error(`not a document id: ${documentId}`);
    const time = at.toISOString();
    if (!/^[-+]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(time)) throw new Error(`not a capture time: ${time}`);
    const results = (await client.query(
      `BEGIN; SELECT 1 FROM documents WHERE id = ${documentId} FOR UPDATE;
       SELECT (SELECT id FROM versions WHERE document_id = ${documentId} AND captured_at <= '${time}'::timestamptz ORDER BY captured_at DESC, id DESC LIMIT 1) AS previous_id,
              (SELECT id FROM versions WHERE document_id = ${documentId} AND captured_at > '${time}'::timestamptz ORDER BY captured_at ASC, id ASC LIMIT 1) AS next_id`,
    )) as Array<{ rows: Array<{ previous_id: string | null; next_id: string | null }> }>;
    const row = results[2]?.rows[0];
    return { previousId: row?.previous_id ?? null, nextId: row?.next_id ?? null };
  }

  /** Ends, keeping its writes, a transaction opened by `beginLockedAt` (an unchanged capture writes only its check). */
  async commitLocked(client: SimpleQueryClient): Promise<void> {
    await client.query('COMMIT');
  }

  /** Ends, undoing its writes, a transaction opened by `beginLockedAt`; the connection may already be broken, so a failure is ignored. */
  async rollbackLocked(client: SimpleQueryClient): Promise<void> {
    await client.query('ROLLBACK').catch(() => undefined);
  }

  /** The ids of `neighboursAt`, read in the capture transaction to check a plan is still current. */
  async neighbourIdsAt(documentId: string, at: Date, manager: EntityManager): Promise<{ previousId: string | null; nextId: string | null }> {
    const [row]: Array<{ previous_id: string | null; next_id: string | null }> = await manager.query(
      `SELECT (SELECT id FROM versions WHERE document_id = $1 AND captured_at <= $2 ORDER BY captured_at DESC, id DESC LIMIT 1) AS previous_id,
              (SELECT id FROM versions WHERE document_id = $1 AND captured_at > $2 ORDER BY captured_at ASC, id ASC LIMIT 1) AS next_id`,
      [documentId, at],
    );
    return { previousId: row?.previous_id ?? null, nextId: row?.next_id ?? null };
  }

  /** Records which earlier version a version's text returns to (null: none), recomputed when a capture is inserted before it. */
  async setRevertOf(versionId: string, revertOfVersionId: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(Version, { id: versionId }, { revertOfVersionId });
  }

  /**
   * After a version with this cosmetic fingerprint was inserted at `insertedAt`: each later version with
   * the same fingerprint reverts to the most recent earlier one other than the version just before it (as
   * if captured in time order), and its current change record says so too.
   */
  async recomputeRevertsAfter(manager: EntityManager, documentId: string, cosmeticFingerprint: string, insertedAt: Date): Promise<void> {
    await manager.query(
      `WITH recomputed AS (
         SELECT w.id,
                (SELECT e.id FROM versions e
                  WHERE e.document_id = w.document_id AND e.cosmetic_fingerprint = w.cosmetic_fingerprint
                    AND (e.captured_at, e.id) < (w.captured_at, w.id)
                    AND e.id <> (SELECT p.id FROM versions p WHERE p.document_id = w.document_id AND (p.captured_at, p.id) < (w.captured_at, w.id)
                                  ORDER BY p.captured_at DESC, p.id DESC LIMIT 1)
                  ORDER BY e.captured_at DESC, e.id DESC LIMIT 1) AS revert_of
           FROM versions w
          WHERE w.document_id = $1 AND w.cosmetic_fingerprint = $2 AND w.captured_at > $3
       ), versions_updated AS (
         UPDATE versions v SET revert_of_version_id = r.revert_of FROM recomputed r
          WHERE v.id = r.id AND v.revert_of_version_id IS DISTINCT FROM r.revert_of RETURNING v.id
       )
       UPDATE change_records c SET revert_of_version_id = r.revert_of FROM recomputed r
        WHERE c.to_version_id = r.id AND c.superseded_by IS NULL AND c.revert_of_version_id IS DISTINCT FROM r.revert_of`,
      [documentId, cosmeticFingerprint, insertedAt],
    );
  }

  /** How many versions the archive holds. */
  async countAll(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query('SELECT count(*)::int AS n FROM versions');
    return n;
  }

  /** Up to `limit` version ids after `after`, in id order (a walk of the whole archive, a batch at a time). */
  async idsAfter(after: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM versions WHERE id > $1 ORDER BY id LIMIT $2', [after, limit]);
    return rows.map((r) => r.id);
  }

  /** Each document's latest version's extractor version (the re-extraction sweep looks for old ones). */
  async latestExtractorVersions(): Promise<Array<{ documentId: string; extractorVersion: string }>> {
    const rows: Array<{ document_id: string; extractor_version: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (document_id) document_id, extractor_version FROM versions ORDER BY document_id, captured_at DESC, id DESC`,
    );
    return rows.map((r) => ({ documentId: r.document_id, extractorVersion: r.extractor_version }));
  }

  /**
   * The most recent earlier version with the same text once cosmetic differences are removed
   * (captured at or before `capturedUpTo` when given: a back-dated capture looks only behind it).
   */
  findEarlierLike(documentId: string, cosmeticFingerprint: string, excludeId: string | null, capturedUpTo?: Date, manager: EntityManager = this.dataSource.manager): Promise<Pick<Version, 'id'> | null> {
    // Its id is all a plan needs (not its text).
    return manager.findOne(Version, {
      select: { id: true },
      where: { documentId, cosmeticFingerprint, ...(excludeId ? { id: Not(excludeId) } : {}), ...(capturedUpTo ? { capturedAt: LessThanOrEqual(capturedUpTo) } : {}) },
      order: { capturedAt: 'DESC', id: 'DESC' },
    });
  }

  async insert(values: NewVersion, manager: EntityManager = this.dataSource.manager): Promise<Version> {
    return manager.save(Version, manager.create(Version, values));
  }

  /**
   * A new version with its pages (snapshot ids in reading order) and, when given, the check row that
   * found it, in one statement (one round trip of the capture transaction). Returns the version as
   * `insert` does, with the columns the database filled in.
   */
  async insertWithParts(
    manager: EntityManager,
    values: NewVersion,
    parts: Array<{ snapshotId: string; url: string }>,
    check: Omit<NewCheck, 'versionId'> | null,
  ): Promise<Version> {
    const params: unknown[] = [];
    const version = insertSlots(manager, Version, values, params);
    const partsAt = params.length;
    params.push(
      parts.map((p) => p.snapshotId),
      parts.map((p) => p.url),
    );
    const checkRow = check ? insertSlots(manager, Check, check, params) : null;
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `WITH v AS (
         INSERT INTO versions (${version.columns}) VALUES (${version.slots}) RETURNING *
       ), parts AS (
         INSERT INTO version_parts (version_id, position, snapshot_id, url)
         SELECT v.id, u.n - 1, u.snapshot_id, u.url FROM v, unnest($${partsAt + 1}::bigint[], $${partsAt + 2}::text[]) WITH ORDINALITY AS u(snapshot_id, url, n)
       )${checkRow ? `, checked AS (INSERT INTO checks (${checkRow.columns}, version_id) VALUES (${checkRow.slots}, (SELECT id FROM v)))` : ''}
       SELECT * FROM v`,
      params,
    );
    return entityFromRow(manager, Version, row);
  }

  /** Records the pages of a new version (snapshot ids in reading order) in the capture transaction. */
  async insertParts(manager: EntityManager, versionId: string, parts: Array<{ snapshotId: string; url: string }>): Promise<void> {
    await manager.query('INSERT INTO version_parts (version_id, position, snapshot_id, url) SELECT $1, u.n - 1, u.snapshot_id, u.url FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS u(snapshot_id, url, n)', [
      versionId,
      parts.map((p) => p.snapshotId),
      parts.map((p) => p.url),
    ]);
  }

  findByRecordId(recordId: string): Promise<Version | null> {
    return this.dataSource.manager.findOneBy(Version, { recordId });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Version | null> {
    return manager.findOneBy(Version, { id });
  }

  async confirm(id: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(Version, { id, confirmedAt: IsNull() }, { confirmedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Versions of a document, newest first, without their text. */
  listFor(documentId: string, limit = 100, offset = 0): Promise<Version[]> {
    return this.dataSource.manager.find(Version, {
      where: { documentId },
      order: { capturedAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
      select: {
        id: true, recordId: true, documentId: true, snapshotId: true, rawSha256: true, textSha256: true, title: true,
        extractorVersion: true, sourceUrl: true, finalUrl: true, capturedAt: true, httpStatus: true, fetcher: true,
        origin: true, confirmedAt: true, revertOfVersionId: true, ledgerIndex: true, createdAt: true, cosmeticFingerprint: true,
      },
    });
  }

  async recordIdsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; record_id: string }> = await this.dataSource.query('SELECT id, record_id FROM versions WHERE id = ANY($1)', [ids]);
    return new Map(rows.map((r) => [r.id, r.record_id]));
  }

  /** The newest versions of a document (by record ID) with the change that led to each, in one statement and without their text. */
  async timelineOf(documentRecordId: string, limit: number): Promise<VersionTimelineEntry[]> {
    const rows: Array<{ record_id: string; captured_at: Date; is_revert: boolean; change_id: string | null; severity: string | null }> = await this.dataSource.query(
      `SELECT v.record_id, v.captured_at, v.revert_of_version_id IS NOT NULL AS is_revert, c.record_id AS change_id, c.severity
         FROM (SELECT id, record_id, captured_at, revert_of_version_id FROM versions WHERE document_id = (SELECT id FROM documents WHERE record_id = $1)
                ORDER BY captured_at DESC, id DESC LIMIT $2) v
         LEFT JOIN change_records c ON c.to_version_id = v.id AND c.superseded_by IS NULL
        ORDER BY v.captured_at DESC, v.id DESC`,
      [documentRecordId, limit],
    );
    return rows.map((r) => ({ id: r.record_id, capturedAt: r.captured_at, isRevert: r.is_revert, change: r.change_id ? { id: r.change_id, severity: r.severity ?? 'none' } : null }));
  }

  /**
   * What a citation of a version, or of a change (its new version), states: the capture's facts and the
   * document's names, in one statement. `recordId` is a version's or a change record's ID.
   */
  async citationFactsOf(recordId: string): Promise<CitationFacts | null> {
    const [row]: Array<{ captured_at: Date; text_sha256: string; raw_sha256: string; source_url: string; ledger_index: string | null; title: string; type: string; platform_name: string | null }> = await this.dataSource.query(
      `SELECT v.captured_at, v.text_sha256, v.raw_sha256, v.source_url, v.ledger_index, d.title, d.type, pl.name AS platform_name
         FROM versions v JOIN documents d ON d.id = v.document_id LEFT JOIN platforms pl ON pl.id = d.platform_id
        WHERE v.id = COALESCE((SELECT id FROM versions WHERE record_id = $1), (SELECT to_version_id FROM change_records WHERE record_id = $1))`,
      [recordId],
    );
    return row
      ? { capturedAt: row.captured_at, textSha256: row.text_sha256, rawSha256: row.raw_sha256, sourceUrl: row.source_url, ledgerIndex: row.ledger_index, documentTitle: row.title, documentType: row.type, platformName: row.platform_name }
      : null;
  }
}
