import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChangeFeedRow as ChangeRow, ChangeFeedsRepository } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { requireRecordIdParam } from '../records/record-id.parser';
import { RecordRequestError, RecordsErrorCode } from '../records/records.error';
import { AtomFeed, renderAtom } from './atom.renderer';

/** Entries per feed: the newest change records. */
export const FEED_ENTRIES = 50;

/** Atom feeds of change records, per platform and per document. */
@Injectable()
export class FeedsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feeds: ChangeFeedsRepository,
  ) {}

  async platformFeed(slug: string): Promise<string> {
    const platform = await this.feeds.findPlatformBySlug(slug);
    if (!platform) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no platform ${slug}`);
    const rows = await this.feeds.newestChangesOfPlatform(platform.id, FEED_ENTRIES);
    return this.render(platform.record_id, `${platform.name}: policy changes`, `/api/v1/feeds/platforms/${encodeURIComponent(slug)}`, rows);
  }

  async documentFeed(id: string): Promise<string> {
    requireRecordIdParam(id, 'D');
    const document = await this.feeds.findDocumentByRecordId(id);
    if (!document) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    const rows = await this.feeds.newestChangesOfDocument(document.id, FEED_ENTRIES);
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
