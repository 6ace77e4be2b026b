import { DataSource, EntityManager } from 'typeorm';
import { Snapshot } from '../entities';

/** A page's raw bytes with the SHA-256 computed once, where the bytes were read. */
export interface SnapshotBytes {
  body: Buffer;
  contentType: string | null;
  rawSha256: string;
}

/** A stored page of a version, in reading order. */
export interface StoredPart {
  position: number;
  url: string;
  snapshot: Snapshot;
}

export class SnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores each page's bytes once per SHA-256 and returns the snapshots' ids in the same order. */
  async storeAll(pages: SnapshotBytes[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const hashes = pages.map((p) => p.rawSha256);
    // One round trip: the pages inserted now come back from the INSERT, the ones stored before from the
    // SELECT (which sees the rows committed when the statement started).
    const rows: Array<{ id: string; raw_sha256: string }> = await manager.query(
      `WITH inserted AS (
         INSERT INTO snapshots (raw_sha256, content_type, byte_size, body)
         SELECT * FROM unnest($1::char(64)[], $2::text[], $3::int[], $4::bytea[]) ON CONFLICT (raw_sha256) DO NOTHING
         RETURNING id, raw_sha256
       )
       SELECT id, raw_sha256 FROM inserted UNION ALL SELECT id, raw_sha256 FROM snapshots WHERE raw_sha256 = ANY($1::char(64)[])`,
      [hashes, pages.map((p) => p.contentType), pages.map((p) => p.body.length), pages.map((p) => p.body)],
    );
    const ids = new Map(rows.map((r) => [r.raw_sha256, r.id]));
    // A page another transaction stored after this statement began (its INSERT waited for that one's
    // COMMIT and did nothing): read again, now that it is committed.
    const missing = hashes.filter((h) => !ids.has(h));
    if (missing.length > 0) {
      const late: Array<{ id: string; raw_sha256: string }> = await manager.query('SELECT id, raw_sha256 FROM snapshots WHERE raw_sha256 = ANY($1::char(64)[])', [missing]);
      for (const r of late) ids.set(r.raw_sha256, r.id);
    }
    return pages.map((p) => ids.get(p.rawSha256)!);
  }

  /** The stored bytes behind a version record, with the content type they were captured with. */
  /** The stored pages behind a version record, in reading order, each with the content type it was captured with. */
  async findPartsOfVersion(versionRecordId: string): Promise<Array<Pick<Snapshot, 'body' | 'contentType' | 'rawSha256'>> | null> {
    const rows: Array<{ body: Buffer | null; content_type: string | null; raw_sha256: string | null }> = await this.dataSource.query(
      `SELECT s.body, s.content_type, s.raw_sha256 FROM versions v
         LEFT JOIN version_parts vp ON vp.version_id = v.id LEFT JOIN snapshots s ON s.id = vp.snapshot_id
        WHERE v.record_id = $1 ORDER BY vp.position`,
      [versionRecordId],
    );
    if (rows.length === 0) return null;
    return rows.flatMap((r) => (r.body ? [{ body: r.body, contentType: r.content_type, rawSha256: r.raw_sha256! }] : []));
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Snapshot | null> {
    return manager.findOneBy(Snapshot, { id });
  }

  /** The pages of a version with their bytes, in reading order. */
  async partsOf(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredPart[]> {
    const rows: Array<{ position: number; url: string; snapshot_id: string }> = await manager.query(
      'SELECT position, url, snapshot_id FROM version_parts WHERE version_id = $1 ORDER BY position',
      [versionId],
    );
    const snapshots = rows.length ? await manager.find(Snapshot, { where: rows.map((r) => ({ id: r.snapshot_id })) }) : [];
    const byId = new Map(snapshots.map((s) => [s.id, s]));
    return rows.map((r) => ({ position: r.position, url: r.url, snapshot: byId.get(r.snapshot_id)! }));
  }
}
