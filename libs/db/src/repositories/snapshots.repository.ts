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

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Snapshot | null> {
    return manager.findOneBy(Snapshot, { id });
  }
}
