import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Snapshot } from '../entities';

export class SnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the bytes once per SHA-256 and returns the snapshot's id (the existing one if already stored). */
  async store(body: Buffer, contentType: string | null, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; rawSha256: string }> {
    const rawSha256 = createHash('sha256').update(body).digest('hex');
    await manager.query(
      `INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES ($1, $2, $3, $4) ON CONFLICT (raw_sha256) DO NOTHING`,
      [rawSha256, contentType, body.length, body],
    );
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM snapshots WHERE raw_sha256 = $1', [rawSha256]);
    return { id: row.id, rawSha256 };
  }

  /** The stored bytes behind a version record, with the content type they were captured with. */
  async findForVersion(versionRecordId: string): Promise<Pick<Snapshot, 'body' | 'contentType' | 'rawSha256'> | null> {
    const [row]: Array<{ body: Buffer; content_type: string | null; raw_sha256: string }> = await this.dataSource.query(
      'SELECT s.body, s.content_type, s.raw_sha256 FROM versions v JOIN snapshots s ON s.id = v.snapshot_id WHERE v.record_id = $1',
      [versionRecordId],
    );
    return row ? { body: row.body, contentType: row.content_type, rawSha256: row.raw_sha256 } : null;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Snapshot | null> {
    return manager.findOneBy(Snapshot, { id });
  }
}
