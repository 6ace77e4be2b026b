import { DataSource } from 'typeorm';

/** A change record as a feed entry shows it. */
export interface ChangeFeedRow {
  record_id: string;
  kind: string;
  severity: string;
  summary: string;
  clause_types: string[];
  created_at: Date;
  captured_at: Date;
  document_title: string;
  platform_name: string;
}

/** Current change records only: one superseded by a technical correction is not news any more. */
const CHANGES = `SELECT c.record_id, c.kind, c.severity, c.summary, c.clause_types, c.created_at, t.captured_at, d.title AS document_title, pl.name AS platform_name
  FROM change_records c JOIN versions t ON t.id = c.to_version_id JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id`;

/** The reads of the Atom feeds: a platform's or a document's newest change records. */
export class ChangeFeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPlatformBySlug(slug: string): Promise<{ id: string; record_id: string; name: string } | null> {
    const [platform]: Array<{ id: string; record_id: string; name: string }> = await this.dataSource.query('SELECT id, record_id, name FROM platforms WHERE slug = $1', [slug]);
    return platform ?? null;
  }

  newestChangesOfPlatform(platformId: string, limit: number): Promise<ChangeFeedRow[]> {
    return this.dataSource.query(`${CHANGES} WHERE d.platform_id = $1 AND c.superseded_by IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT $2`, [platformId, limit]);
  }

  async findDocumentByRecordId(id: string): Promise<{ id: string; title: string; platform_name: string } | null> {
    const [document]: Array<{ id: string; title: string; platform_name: string }> = await this.dataSource.query(
      'SELECT d.id, d.title, pl.name AS platform_name FROM documents d JOIN platforms pl ON pl.id = d.platform_id WHERE d.record_id = $1',
      [id],
    );
    return document ?? null;
  }

  newestChangesOfDocument(documentId: string, limit: number): Promise<ChangeFeedRow[]> {
    return this.dataSource.query(`${CHANGES} WHERE c.document_id = $1 AND c.superseded_by IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT $2`, [documentId, limit]);
  }
}
