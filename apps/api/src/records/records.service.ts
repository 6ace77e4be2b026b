import { APP_CONFIG } from '@clausewatch/capture';
import type { AppConfig } from '@clausewatch/config';
import {
  ChangeRecord,
  ChangeRecordsRepository,
  DocumentsRepository,
  PlatformsRepository,
  Version,
  VersionsRepository,
} from '@clausewatch/db';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { parseRecordIdOrThrow } from '../common/record-id';
import { changeView, documentView, platformView, referencedVersionIds, versionView } from './record.views';

@Injectable()
export class RecordsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly changes: ChangeRecordsRepository,
  ) {}

  /** Any record by its permanent ID: 400 when malformed, 404 when unknown. */
  async find(id: string): Promise<Record<string, unknown>> {
    const { kind } = parseRecordIdOrThrow(id);
    const record = await this.lookup(kind, id);
    if (!record) throw new NotFoundException(`no record ${id}`);
    return record;
  }

  async versionViews(versions: Version[], documentRecordId: string, withText = false) {
    const ids = await this.versions.recordIdsOf(referencedVersionIds(versions, []));
    return versions.map((v) => versionView(v, documentRecordId, ids, this.config.publicUrl, withText));
  }

  async changeViews(changes: ChangeRecord[], documentRecordId: string) {
    const ids = await this.versions.recordIdsOf(referencedVersionIds([], changes));
    return changes.map((c) => changeView(c, documentRecordId, ids, this.config.publicUrl));
  }

  private async lookup(kind: string, id: string): Promise<Record<string, unknown> | null> {
    switch (kind) {
      case 'E': {
        const platform = await this.platforms.findByRecordId(id);
        if (!platform) return null;
        const documents = await this.documents.listForPlatform(platform.id);
        return { ...platformView(platform, this.config.publicUrl), documents: documents.map((d) => ({ id: d.recordId, title: d.title, type: d.type })) };
      }
      case 'D': {
        const document = await this.documents.findByRecordId(id);
        return document ? documentView(document, this.config.publicUrl, await this.documents.health(document.id)) : null;
      }
      case 'V': {
        const version = await this.versions.findByRecordId(id);
        if (!version) return null;
        const document = await this.documents.findById(version.documentId);
        const [view] = await this.versionViews([version], document!.recordId, true);
        const change = await this.changes.findByToVersion(version.id);
        return { ...view, change: change ? (await this.changeViews([change], document!.recordId))[0] : null };
      }
      case 'C': {
        const change = await this.changes.findByRecordId(id);
        if (!change) return null;
        const document = await this.documents.findById(change.documentId);
        return (await this.changeViews([change], document!.recordId))[0];
      }
      default:
        return null;
    }
  }
}
