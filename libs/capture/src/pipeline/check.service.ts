import type { AppConfig } from '@clausewatch/config';
import { CheckTrigger, ChecksRepository, Document, DocumentsRepository, VersionsRepository } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, PAGE_FETCHER } from '../capture.constants';
import type { FetchResult, PageFetcher } from '../fetch';
import type { Capture, CheckResult } from './capture.types';
import { IngestService } from './ingest.service';
import { joinMultipart } from './multipart';

/** Schedules the confirmation fetch of a new text (pg-boss in production; see JobsService). */
export interface ConfirmationScheduler {
  scheduleConfirmation(documentId: string, versionId: string, delaySeconds: number): Promise<void>;
}
export const CONFIRMATION_SCHEDULER = Symbol('CONFIRMATION_SCHEDULER');

export class CheckError extends Error {
  constructor(
    readonly code: 'unknown-document' | 'inactive-document',
    message: string,
  ) {
    super(message);
    this.name = 'CheckError';
  }
}

/** Fetches a document now and records what came back; a failure is a check row, never a version. */
@Injectable()
export class CheckService {
  private readonly logger = new Logger(CheckService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAGE_FETCHER) private readonly fetcher: PageFetcher,
    @Inject(CONFIRMATION_SCHEDULER) private readonly scheduler: ConfirmationScheduler,
    private readonly documents: DocumentsRepository,
    private readonly checks: ChecksRepository,
    private readonly versions: VersionsRepository,
    private readonly ingest: IngestService,
  ) {}

  async check(document: Document, trigger: CheckTrigger, attempt = 1): Promise<CheckResult> {
    const startedAt = new Date();
    const fetched = await this.fetchDocument(document);
    const durationMs = Date.now() - startedAt.getTime();
    if (fetched.outcome !== 'ok' || !fetched.capture) {
      await this.checks.insert({
        documentId: document.id,
        trigger,
        attempt,
        startedAt,
        durationMs,
        outcome: fetched.outcome,
        cause: fetched.cause ?? null,
        httpStatus: fetched.httpStatus ?? null,
        fetcher: fetched.fetcher,
        finalUrl: fetched.finalUrl ?? null,
        rawSha256: null,
        textSha256: null,
        etag: null,
        lastModified: null,
        versionId: null,
      });
      const latest = fetched.outcome === 'not-modified' ? await this.versions.findLatestFor(document.id) : null;
      return { outcome: fetched.outcome, cause: fetched.cause, version: latest, change: null, created: false };
    }

    const result = await this.ingest.ingest(document, fetched.capture, { trigger, confirmed: false, startedAt, durationMs, attempt });
    if (result.created && result.change && !result.version?.confirmedAt) {
      // A confirmation fetch that finds yet another text leaves it to a later, scheduled confirmation
      // rather than recursing: a page whose text changes on every fetch must not loop.
      if (this.config.confirmDelaySeconds === 0 && trigger !== 'confirm') {
        const change = (await this.confirm(document, result.version!.id)) ?? result.change;
        return { ...result, version: (await this.versions.findById(result.version!.id)) ?? result.version, change };
      }
      await this.scheduler.scheduleConfirmation(document.id, result.version!.id, this.config.confirmDelaySeconds);
    }
    return result;
  }

  /**
   * Fetches again; if the text is still the new version's, the version is confirmed and its change may
   * alert. If the page moved on (a blink back, or yet another text), that is recorded as its own check.
   */
  async confirm(document: Document, versionId: string): Promise<CheckResult['change']> {
    const version = await this.versions.findById(versionId);
    if (!version || version.confirmedAt) return null;
    const again = await this.check(document, 'confirm');
    if (again.outcome !== 'ok' || again.created || again.version?.id !== version.id) {
      this.logger.log(`version ${version.recordId} not confirmed: the second fetch gave ${again.outcome}${again.created ? ' and a newer text' : ''}`);
      return null;
    }
    return this.dataSource.transaction(async (manager) => {
      await this.documents.lock(manager, document.id);
      return this.ingest.confirm(document, version, manager);
    });
  }

  /** Fetches every page of the document; a combined document's pages become one multipart capture. */
  private async fetchDocument(document: Document): Promise<{
    outcome: FetchResult['outcome'];
    cause?: string;
    httpStatus?: number;
    finalUrl?: string;
    fetcher: string;
    capture?: Capture;
  }> {
    const validators = document.sources.length === 1 ? await this.checks.latestValidators(document.id) : null;
    const results: FetchResult[] = [];
    for (const source of document.sources) {
      const result = await this.fetcher.fetch({
        url: source.url,
        fetcher: document.fetcher,
        waitForSelectors: source.select?.filter((s): s is string => typeof s === 'string'),
        etag: validators?.etag ?? undefined,
        lastModified: validators?.lastModified ?? undefined,
      });
      if (result.outcome !== 'ok') {
        return { outcome: result.outcome, cause: result.cause, httpStatus: result.httpStatus, finalUrl: result.finalUrl, fetcher: result.fetcher };
      }
      results.push(result);
    }
    const first = results[0];
    const bundle =
      results.length === 1
        ? { body: first.body!, contentType: first.contentType ?? null }
        : joinMultipart(results.map((r) => ({ body: r.body!, contentType: r.contentType ?? null, url: r.finalUrl ?? r.url })));
    return {
      outcome: 'ok',
      httpStatus: first.httpStatus,
      finalUrl: first.finalUrl,
      fetcher: first.fetcher,
      capture: {
        body: bundle.body,
        contentType: bundle.contentType,
        url: first.url,
        finalUrl: first.finalUrl ?? null,
        httpStatus: first.httpStatus ?? null,
        fetcher: first.fetcher,
        capturedAt: new Date(),
        etag: first.etag ?? null,
        lastModified: first.lastModified ?? null,
      },
    };
  }
}
