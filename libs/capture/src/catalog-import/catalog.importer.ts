import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { canonicalJson, DocumentsRepository, PlatformsRepository, RulesHistoryEntry, SelectionSemantics } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CatalogDocument, CatalogEntry } from '../catalog';

export interface ImportReport {
  platforms: number;
  documentsCreated: number;
  documentsExisting: number;
  /** Existing documents that received their rules history (imported before histories were kept). */
  historiesStored: number;
}

export interface ImportOptions {
  /**
   * `ota`: the entries are Open Terms Archive declarations, extracted with OTA's selection semantics
   * and with their history files' rules; `bundled` (default): our own catalog, our semantics.
   */
  origin?: 'ota' | 'bundled';
  /** Called after each entry (progress). */
  onEntry?: (entry: CatalogEntry, index: number) => void;
}

/** Writes catalog entries (bundled or from Open Terms Archive declarations) as platforms and documents. */
@Injectable()
export class CatalogImporter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
  ) {}

  /**
   * Idempotent: a platform or document already present (same slug, same type) keeps its rules; it only
   * receives the rules history of its declaration when it has none yet and its rules are the declared ones.
   */
  async import(entries: CatalogEntry[], options: ImportOptions = {}): Promise<ImportReport> {
    const report: ImportReport = { platforms: 0, documentsCreated: 0, documentsExisting: 0, historiesStored: 0 };
    const origin = options.origin ?? 'bundled';
    const selection: SelectionSemantics = origin === 'ota' ? 'ota' : 'clausewatch';
    for (const [index, entry] of entries.entries()) {
      await this.dataSource.transaction(async (manager) => {
        const platform = await this.platforms.ensure(entry.slug, entry.name, entry.homepage ?? null, manager);
        report.platforms++;
        for (const document of entry.documents) {
          const rulesHistory = historyOf(entry, document);
          const { document: stored, created } = await this.documents.create(
            {
              platformId: platform.id,
              title: document.title,
              type: document.type,
              sources: document.sources,
              fetcher: document.fetcher,
              checkIntervalMinutes: this.config.defaultCheckIntervalMinutes,
              rulesHistory,
              selection,
            },
            manager,
          );
          if (created) {
            report.documentsCreated++;
            await this.documents.recordEvent(stored.id, `import-${origin}`, 'created', { sources: { from: null, to: stored.sources }, rulesHistory: { from: 0, to: rulesHistory.length } }, manager);
          } else {
            report.documentsExisting++;
            if (await this.storeMissingHistory(stored.id, stored.rulesHistory, stored.sources, document, rulesHistory, origin, manager)) report.historiesStored++;
          }
        }
      });
      options.onEntry?.(entry, index);
    }
    return report;
  }

  /** Seeds the catalog on a database that has no platform yet (first start). */
  async seedIfEmpty(entries: CatalogEntry[]): Promise<ImportReport | null> {
    return (await this.platforms.count()) === 0 ? this.import(entries) : null;
  }

  private async storeMissingHistory(
    documentId: string,
    current: RulesHistoryEntry[],
    sources: unknown,
    declared: CatalogDocument,
    history: RulesHistoryEntry[],
    origin: string,
    manager: EntityManager,
  ): Promise<boolean> {
    if (current.length > 0 || history.length === 0 || canonicalJson(sources) !== canonicalJson(declared.sources)) return false;
    await this.documents.setRulesHistory(documentId, history, manager);
    await this.documents.recordEvent(documentId, `import-${origin}`, 'imported', { rulesHistory: { from: 0, to: history.length } }, manager);
    return true;
  }
}

/** The document's earlier rules from its service's history file, oldest first. */
function historyOf(entry: CatalogEntry, document: CatalogDocument): RulesHistoryEntry[] {
  return (entry.history ?? [])
    .filter((h) => h.type === document.type)
    .sort((a, b) => Date.parse(a.validUntil) - Date.parse(b.validUntil))
    .map((h) => ({ validUntil: h.validUntil, sources: h.sources }));
}

