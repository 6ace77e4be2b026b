import { ReextractDocument } from '@clausewatch/capture';
import { DocumentsRepository, VersionsRepository } from '@clausewatch/db';
import { EXTRACTOR_VERSION } from '@clausewatch/extract';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * After an extractor upgrade, re-derives each document's latest version from its stored snapshot
 * (in the background, at crawler start). A changed text becomes a `reextract` version whose change
 * record never alerts: a technical upgrade, not a policy change.
 */
@Injectable()
export class ReextractSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReextractSweep.name);

  constructor(
    private readonly versions: VersionsRepository,
    private readonly documents: DocumentsRepository,
    private readonly reextraction: ReextractDocument,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep().catch((error) => this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 're-extraction sweep failed'));
  }

  async sweep(): Promise<number> {
    const rows = await this.versions.latestExtractorVersions();
    let upgraded = 0;
    for (const row of rows.filter((r) => r.extractorVersion !== EXTRACTOR_VERSION)) {
      const document = await this.documents.findById(row.documentId);
      if (!document) continue;
      try {
        if (await this.reextraction.reextract(document)) upgraded++;
      } catch (error) {
        this.logger.warn({ documentId: document.recordId, err: error instanceof Error ? error.message : String(error) }, 're-extraction failed');
      }
    }
    if (upgraded) this.logger.log({ upgraded, extractorVersion: EXTRACTOR_VERSION }, 'documents re-extracted');
    return upgraded;
  }
}
