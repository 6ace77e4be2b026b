import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { CheckDocument, checkTargetUrlSyntax, ConfirmCapture, FetchError, kebabCase, RecordCapture, ReextractDocument } from '@clausewatch/capture';
import type { CheckResult } from '@clausewatch/capture';
import {
  ChangeRecordsRepository,
  ChecksRepository,
  Document,
  DocumentCorrection,
  DocumentEvent,
  DocumentSource,
  DocumentsRepository,
  PlatformsRepository,
  RunningChecksRepository,
  VersionsRepository,
} from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { ExtractionError, validateExtractionRules } from '@clausewatch/extract';
import { RecordRequestError, RecordsErrorCode } from '../records/records.error';
import { DocumentsError, DocumentsErrorCode } from './documents.error';
import { AlertsService } from '../notifications/alerts.service';
import { requireRecordIdParam } from '../records/record-id.parser';
import { checkView, documentView } from '../records/record.views';
import { RecordsService } from '../records/records.service';
import { CreateDocumentDto, UpdateDocumentDto } from './documents.dto';
import { filterNames, selectorRules } from './selector-rules';
import { parseHttpUrl, parseStrictDate } from '../http-limits/strict-input';

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly changes: ChangeRecordsRepository,
    private readonly checks: ChecksRepository,
    private readonly checker: CheckDocument,
    private readonly runningChecks: RunningChecksRepository,
    private readonly recorder: RecordCapture,
    private readonly confirmation: ConfirmCapture,
    private readonly reextraction: ReextractDocument,
    private readonly records: RecordsService,
    private readonly alerts: AlertsService,
  ) {}

  async create(dto: CreateDocumentDto) {
    let url: URL;
    try {
      url = checkTargetUrlSyntax(dto.url, { allowPrivateNetworks: this.config.allowPrivateNetworks, allowedPrivateHosts: this.config.allowedPrivateHosts });
    } catch (error) {
      throw new DocumentsError(DocumentsErrorCode.InvalidUrl, error instanceof FetchError ? `url: ${error.message}` : 'url is not valid');
    }
    const source = { url: url.toString(), select: selectorRules(dto.select, 'select'), remove: selectorRules(dto.remove, 'remove'), filter: filterNames(dto.filter) };
    try {
      // The extractor's own validator: rules the extractor would reject are refused here, not recorded as failed checks later.
      validateExtractionRules(source);
    } catch (error) {
      if (error instanceof ExtractionError) throw new DocumentsError(DocumentsErrorCode.InvalidRules, error.message);
      throw error;
    }
    // Platform, document and its first history entry in one transaction: a failure midway leaves none of them.
    const { platform, document, created } = await this.documents.transaction(async (manager) => {
      const platform = await this.platforms.ensure(kebabCase(dto.platform).slice(0, 80) || 'platform', dto.platform.trim(), null, manager);
      const stored = await this.documents.create(
        {
          platformId: platform.id,
          title: dto.title.trim(),
          type: dto.type,
          sources: [source],
          fetcher: dto.fetcher ?? 'auto',
          checkIntervalMinutes: dto.checkIntervalMinutes ?? this.config.defaultCheckIntervalMinutes,
        },
        manager,
      );
      if (stored.created) await this.documents.recordEvent(stored.document.id, 'admin', 'created', { sources: { from: null, to: stored.document.sources } }, manager);
      return { platform, ...stored };
    });
    if (!created) {
      // Never drop the new URL silently: name the document to correct instead.
      const existingUrl = document.sources[0]?.url ?? null;
      throw new DocumentsError(
        DocumentsErrorCode.AlreadyExists,
        `${platform.name} already has a ${document.type} document: ${document.recordId} (${existingUrl}); correct it with PATCH /api/v1/documents/${document.recordId}`,
        { existing: { id: document.recordId, url: existingUrl, title: document.title } },
      );
    }
    return { created, document: documentView(document, this.config.publicUrl) };
  }

  /** PATCH /documents/:id: corrects URL, rules, fetcher, interval, title, active or selection; each change goes into the history. */
  async update(id: string, dto: UpdateDocumentDto) {
    const document = await this.load(id);
    const correction: DocumentCorrection = {
      // null means "clear" for rules only; these fields cannot be cleared, so null leaves them as they are.
      title: dto.title?.trim() || undefined,
      fetcher: dto.fetcher ?? undefined,
      checkIntervalMinutes: dto.checkIntervalMinutes ?? undefined,
      active: dto.active ?? undefined,
      selection: dto.selection ?? undefined,
      sources: this.correctedSources(document, dto),
    };
    for (const source of correction.sources ?? []) {
      try {
        validateExtractionRules(source);
      } catch (error) {
        if (error instanceof ExtractionError) throw new DocumentsError(DocumentsErrorCode.InvalidRules, error.message);
        throw error;
      }
    }
    if (dto.rulesValidUntil !== undefined && dto.rulesValidUntil !== null) {
      const until = new Date(dto.rulesValidUntil);
      if (Number.isNaN(until.getTime())) throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, `rulesValidUntil must be an ISO 8601 date, got "${dto.rulesValidUntil}"`);
      if (!correction.sources) throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, 'rulesValidUntil only goes with new rules (url, select, remove, filter or sources)');
      const last = document.rulesHistory.at(-1);
      if (last && until.getTime() <= Date.parse(last.validUntil)) {
        throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, `rulesValidUntil must be after the previous rules' end (${last.validUntil})`);
      }
      correction.rulesValidUntil = until;
    }
    const { document: updated, event } = await this.documents.correct(document.id, correction, 'admin');
    return { changed: event !== null, document: documentView(updated, this.config.publicUrl), event: event ? documentEventView(event) : null };
  }

  private correctedSources(document: Document, dto: UpdateDocumentDto): DocumentSource[] | undefined {
    const pageFields = [dto.url, dto.select, dto.remove, dto.filter].some((v) => v !== undefined);
    if (dto.sources !== undefined && dto.sources !== null) {
      if (pageFields) throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, 'give either sources or url/select/remove/filter, not both');
      if (!Array.isArray(dto.sources) || dto.sources.length === 0) throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, 'sources must be a non-empty array of { url, select?, remove?, filter? }');
      return dto.sources.map((raw: unknown, i: number) => {
        const page = (raw ?? {}) as Record<string, unknown>;
        if (typeof page.url !== 'string') throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, `sources[${i}].url is missing`);
        return withoutUndefined({
          url: this.checkUrl(page.url, `sources[${i}].url`),
          select: selectorRules(page.select, `sources[${i}].select`),
          remove: selectorRules(page.remove, `sources[${i}].remove`),
          filter: filterNames(page.filter),
        });
      });
    }
    if (!pageFields) return undefined;
    if (document.sources.length > 1) {
      throw new DocumentsError(DocumentsErrorCode.InvalidCorrection, `${document.recordId} combines ${document.sources.length} pages: correct them all with "sources"`);
    }
    const current = document.sources[0];
    // A field sent as null clears that rule; a field not sent keeps it.
    return [
      withoutUndefined({
        url: dto.url !== undefined && dto.url !== null ? this.checkUrl(dto.url, 'url') : current.url,
        select: dto.select === undefined ? current.select : selectorRules(dto.select, 'select'),
        remove: dto.remove === undefined ? current.remove : selectorRules(dto.remove, 'remove'),
        filter: dto.filter === undefined ? current.filter : filterNames(dto.filter),
      }),
    ];
  }

  private checkUrl(value: string, field: string): string {
    try {
      return checkTargetUrlSyntax(value, { allowPrivateNetworks: this.config.allowPrivateNetworks }).toString();
    } catch (error) {
      throw new DocumentsError(DocumentsErrorCode.InvalidUrl, error instanceof FetchError ? `${field}: ${error.message}` : `${field} is not valid`);
    }
  }

  async get(id: string) {
    const document = await this.load(id);
    const [health, recent, history] = await Promise.all([this.documents.health(document.id), this.checks.listFor(document.id, 20), this.documents.history(document.id)]);
    return { ...documentView(document, this.config.publicUrl, health), recentChecks: recent.map(checkView), history: history.map(documentEventView) };
  }

  /**
   * Checks the document now. A check of it already running (a crawler's, in any process) is not doubled: the
   * page would be fetched twice at once from one host. 409 says so; that check records its own result.
   */
  async check(id: string) {
    const document = await this.load(id);
    const running = await this.runningChecks.start(document.id);
    if (!running) {
      throw new DocumentsError(DocumentsErrorCode.CheckRunning, `a check of ${document.recordId} is running now; its result will be in the document's recent checks (GET /api/v1/documents/${document.recordId}) when it ends`);
    }
    try {
      return await this.checkWhileMarked(document);
    } finally {
      await running.end();
    }
  }

  private async checkWhileMarked(document: Document) {
    const result = await this.checker.check(document, 'manual');
    if (result.created && result.version && !result.version.confirmedAt && this.config.confirmDelaySeconds === 0) {
      // No delay: the admin sees the confirmation at once (the job queued for it then finds nothing to do).
      const confirmation = await this.confirmation.confirmCapture(document.id, result.version.id);
      return this.respond(document, { ...result, version: confirmation.version ?? result.version, change: confirmation.change ?? result.change });
    }
    return this.respond(document, result);
  }

  async capture(id: string, body: Buffer, contentType: string | null, url: string | undefined, capturedAt: string | undefined) {
    const document = await this.load(id);
    if (body.length === 0) throw new DocumentsError(DocumentsErrorCode.EmptyCapture, 'the capture body is empty: send the page bytes with their Content-Type');
    if (body.length > this.config.maxPageBytes) throw new DocumentsError(DocumentsErrorCode.CaptureTooLarge, `the capture is larger than MAX_PAGE_BYTES (${this.config.maxPageBytes})`);
    const coded = <T>(code: DocumentsErrorCode, parse: () => T): T => {
      try {
        return parse();
      } catch (error) {
        throw new DocumentsError(code, (error as Error).message);
      }
    };
    const at = capturedAt !== undefined ? coded(DocumentsErrorCode.InvalidCapturedAt, () => parseStrictDate('capturedAt', capturedAt)) : new Date();
    if (at.getTime() > Date.now() + 5 * 60_000) throw new DocumentsError(DocumentsErrorCode.InvalidCapturedAt, 'capturedAt is in the future');
    if (url !== undefined) url = coded(DocumentsErrorCode.InvalidUrl, () => parseHttpUrl('url', url!));
    const pageUrl = url ?? document.sources[0].url;
    const result = await this.recorder.record(
      document,
      { parts: [{ body, contentType, url: pageUrl }], url: pageUrl, finalUrl: url ?? null, httpStatus: null, fetcher: 'capture', capturedAt: at },
      { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
    );
    return this.respond(document, result);
  }

  async reextract(id: string) {
    const document = await this.load(id);
    const result = await this.reextraction.reextract(document);
    if (!result) return { reextracted: false, version: null, change: null };
    return {
      reextracted: true,
      version: (await this.records.versionViews([result.version], document.recordId))[0],
      change: (await this.records.changeViews([result.change], document.recordId))[0],
    };
  }

  async versionsOf(id: string, limit: number, offset: number) {
    const document = await this.load(id);
    const versions = await this.versions.listFor(document.id, limit, offset);
    return { document: document.recordId, versions: await this.records.versionViews(versions, document.recordId) };
  }

  async changesOf(id: string, limit: number, offset: number) {
    const document = await this.load(id);
    const changes = await this.changes.listFor(document.id, limit, offset);
    return { document: document.recordId, changes: await this.records.changeViews(changes, document.recordId) };
  }

  private async respond(document: Document, result: CheckResult) {
    if (result.change?.alertEligible) this.alerts.sendPendingSoon();
    return {
      outcome: result.outcome,
      ...(result.cause ? { cause: result.cause } : {}),
      version: result.version ? (await this.records.versionViews([result.version], document.recordId))[0] : null,
      change: result.change ? (await this.records.changeViews([result.change], document.recordId))[0] : null,
    };
  }

  private async load(id: string): Promise<Document> {
    requireRecordIdParam(id, 'D');
    const document = await this.documents.findByRecordId(id);
    if (!document) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no document ${id}`);
    return document;
  }
}

function documentEventView(event: DocumentEvent) {
  return { at: event.at, actor: event.actor, action: event.action, changes: event.changes };
}

function withoutUndefined(source: DocumentSource): DocumentSource {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as unknown as DocumentSource;
}
