import { DataSource, EntityManager } from 'typeorm';
import { Platform } from '../entities';

export interface PlatformSummary {
  recordId: string;
  slug: string;
  name: string;
  homepage: string | null;
  documents: number;
}

export class PlatformsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findBySlug(slug: string): Promise<Platform | null> {
    return this.dataSource.manager.findOneBy(Platform, { slug });
  }

  findByRecordId(recordId: string): Promise<Platform | null> {
    return this.dataSource.manager.findOneBy(Platform, { recordId });
  }

  /** Finds the platform by slug or creates it; concurrent callers get the same row. */
  async ensure(slug: string, name: string, homepage: string | null = null, manager: EntityManager = this.dataSource.manager): Promise<Platform> {
    await manager.query(`INSERT INTO platforms (slug, name, homepage) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING`, [slug, name, homepage]);
    return manager.findOneByOrFail(Platform, { slug });
  }

  /** How many platforms the catalog holds (none: a first start). */
  count(): Promise<number> {
    return this.dataSource.manager.count(Platform);
  }

  async list(): Promise<PlatformSummary[]> {
    const rows: Array<{ record_id: string; slug: string; name: string; homepage: string | null; documents: string }> = await this.dataSource.query(
      `SELECT p.record_id, p.slug, p.name, p.homepage, count(d.id) AS documents
         FROM platforms p LEFT JOIN documents d ON d.platform_id = p.id
        GROUP BY p.id ORDER BY p.name`,
    );
    return rows.map((r) => ({ recordId: r.record_id, slug: r.slug, name: r.name, homepage: r.homepage, documents: Number(r.documents) }));
  }
}
