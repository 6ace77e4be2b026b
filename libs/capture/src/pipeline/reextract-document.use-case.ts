import { ChangeRecord, Document, SnapshotsRepository, Version, VersionsRepository } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { preparedOnDemand } from './capture.planner';
import { taskPool } from './worker/task.pool';
import { extractDocument } from './document-extractor';
import { RecordCapture } from './record-capture.use-case';

export class ReextractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReextractError';
  }
}

/**
 * Re-derives the latest version's text from its stored pages with the current extractor (a technical
 * upgrade after extraction rules or code change). A different text is recorded as a version of origin
 * `reextract` whose change record never alerts; the same text records nothing.
 */
@Injectable()
export class ReextractDocument {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly recorder: RecordCapture,
  ) {}

  async reextract(document: Document): Promise<{ version: Version; change: ChangeRecord } | null> {
    const latest = await this.versions.findLatestFor(document.id);
    if (!latest) return null;
    const parts = await this.snapshots.partsOf(latest.id);
    if (parts.length === 0) throw new ReextractError(`version ${latest.recordId} has no stored snapshot`);
    const extracted = await extractDocument(document, {
      parts: parts.map((p) => ({ body: p.snapshot.body, contentType: p.snapshot.contentType, url: p.url })),
      url: latest.sourceUrl,
      finalUrl: latest.finalUrl,
      httpStatus: latest.httpStatus,
      fetcher: latest.fetcher,
      capturedAt: latest.capturedAt,
    });
    if (extracted.textSha256 === latest.textSha256) return null;
    const written = await this.recorder.writePlanned(
      document,
      preparedOnDemand(extracted, taskPool()),
      { capturedAt: latest.capturedAt, confirmed: true, technical: true },
      { sourceUrl: latest.sourceUrl, finalUrl: latest.finalUrl, capturedAt: latest.capturedAt, httpStatus: latest.httpStatus, fetcher: latest.fetcher, origin: 'reextract' },
      null,
      {
        // A newer capture arrived meanwhile: there is nothing to upgrade.
        onlyAfter: latest.id,
        extraReasons: [`technical upgrade: the same capture re-extracted with extractor ${extracted.extractorVersion} (was ${latest.extractorVersion}); never alerts`],
      },
    );
    return written?.created && written.change ? { version: written.version, change: written.change } : null;
  }
}
