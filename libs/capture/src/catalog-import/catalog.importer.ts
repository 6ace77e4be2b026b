import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CatalogEntry } from '../catalog';

export interface ImportReport {
  platforms: number;
  documentsCreated: number;
  documentsExisting: number;
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

  /** Idempotent: a platform or document already present (same slug, same type) is left as it is. */
  async import(entries: CatalogEntry[]): Promise<ImportReport> {
    const report: ImportReport = { platforms: 0, documentsCreated: 0, documentsExisting: 0 };
    for (const entry of entries) {
      await this.dataSource.transaction(async (manager) => {
        const platform = await this.platforms.ensure(entry.slug, entry.name, entry.homepage ?? null, manager);
        report.platforms++;
        for (const document of entry.documents) {
          const { created } = await this.documents.create(
            {
              platformId: platform.id,
              title: document.title,
              type: document.type,
              sources: document.sources,
              fetcher: document.fetcher,
              checkIntervalMinutes: this.config.defaultCheckIntervalMinutes,
            },
            manager,
          );
          if (created) report.documentsCreated++;
          else report.documentsExisting++;
        }
      });
    }
    return report;
  }

  /** Seeds the catalog on a database that has no platform yet (first start). */
  async seedIfEmpty(entries: CatalogEntry[]): Promise<ImportReport | null> {
    const [{ count }]: Array<{ count: string }> = await this.dataSource.query('SELECT count(*) FROM platforms');
    return Number(count) === 0 ? this.import(entries) : null;
  }
}
