import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireRecordIdParam } from '../records/record-id.parser';
import { AtomFeed, renderAtom } from './atom.renderer';

/** Entries per feed: the newest change records. */
export const FEED_ENTRIES = 50;

interface ChangeRow {
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

const CHANGES = `SELECT c.record_id, c.kind, c.severity, c.summary, c.clause_types, c.created_at, t.captured_at, d.title AS document_title, pl.name AS platform_name
  FROM change_records c JOIN versions t ON t.id = c.to_version_id JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id`;

/** Atom feeds of change records, per platform and per document. */
@Injectable()
export class FeedsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async platformFeed(slug: string): Promise<string> {
    const [platform]: Array<{ id: string; record_id: string; name: string }> = await this.dataSource.query('SELECT id, record_id, name FROM platforms WHERE slug = $1', [slug]);
    if (!platform) throw new NotFoundException(`no platform ${slug}`);
    const rows: ChangeRow[] = await this.dataSource.query(`${CHANGES} WHERE d.platform_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2`, [platform.id, FEED_ENTRIES]);
    return this.render(platform.record_id, `${platform.name}: policy changes`, `/api/v1/feeds/platforms/${encodeURIComponent(slug)}`, rows);
  }

  async documentFeed(id: string): Promise<string> {
    requireRecordIdParam(id, 'D');
    const [document]: Array<{ id: string; title: string; platform_name: string }> = await this.dataSource.query(
      'SELECT d.id, d.title, pl.name AS platform_name FROM documents d JOIN platforms pl ON pl.id = d.platform_id WHERE d.record_id = $1',
      [id],
    );
    if (!document) throw new NotFoundException(`no record ${id}`);
    const rows: ChangeRow[] = await this.dataSource.query(`${CHANGES} WHERE c.document_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2`, [document.id, FEED_ENTRIES]);
    return this.render(id, `${document.platform_name} ${document.title}: changes`, `/api/v1/feeds/documents/${id}`, rows);
  }

  private render(recordId: string, title: string, path: string, rows: ChangeRow[]): string {
    const base = this.config.publicUrl;
    const feed: AtomFeed = {
      id: `${base}/r/${recordId}`,
      title,
      selfLink: `${base}${path}`,
      alternateLink: `${base}/r/${recordId}`,
      // An empty feed still needs an <updated>: the epoch says "nothing yet" without inventing a date.
      updated: rows[0]?.created_at ?? new Date(0),
      entries: rows.map((r) => ({
        id: `${base}/r/${r.record_id}`,
        title: `${r.platform_name} ${r.document_title}: ${r.severity} ${r.kind} change (${r.record_id})`,
        link: `${base}/r/${r.record_id}`,
        published: r.captured_at,
        updated: r.created_at,
        summary: r.summary,
        categories: [r.severity, r.kind, ...r.clause_types],
      })),
    };
    return renderAtom(feed);
  }
}
