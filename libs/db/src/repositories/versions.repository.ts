import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Version } from '../entities';

export type NewVersion = Omit<Version, 'id' | 'recordId' | 'createdAt' | 'document' | 'snapshot' | 'ledgerIndex'>;

export class VersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findLatestFor(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Version | null> {
    return manager.findOne(Version, { where: { documentId }, order: { capturedAt: 'DESC', id: 'DESC' } });
  }

  /** The id of the latest version (by capture time): what a capture plan was made against. */
  async latestIdFor(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM versions WHERE document_id = $1 ORDER BY captured_at DESC, id DESC LIMIT 1', [documentId]);
    return row?.id ?? null;
  }

  /** Each document's latest version's extractor version (the re-extraction sweep looks for old ones). */
  async latestExtractorVersions(): Promise<Array<{ documentId: string; extractorVersion: string }>> {
    const rows: Array<{ document_id: string; extractor_version: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (document_id) document_id, extractor_version FROM versions ORDER BY document_id, captured_at DESC, id DESC`,
    );
    return rows.map((r) => ({ documentId: r.document_id, extractorVersion: r.extractor_version }));
  }

  /** The most recent earlier version with the same text once cosmetic differences are removed. */
  findEarlierLike(documentId: string, cosmeticFingerprint: string, excludeId: string, manager: EntityManager = this.dataSource.manager): Promise<Version | null> {
    return manager.findOne(Version, {
      where: { documentId, cosmeticFingerprint, id: Not(excludeId) },
      order: { capturedAt: 'DESC', id: 'DESC' },
    });
  }

  async insert(values: NewVersion, manager: EntityManager = this.dataSource.manager): Promise<Version> {
    return manager.save(Version, manager.create(Version, values));
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
}
