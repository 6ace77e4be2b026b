import { cosmeticFingerprint } from '@clausewatch/analyzer';
import {
  ChangeRecord,
  ChangeRecordsRepository,
  CheckTrigger,
  ChecksRepository,
  Document,
  DocumentsRepository,
  NotificationsRepository,
  SnapshotsRepository,
  SubscribersRepository,
  Version,
  VersionsRepository,
} from '@clausewatch/db';
import { ExtractionError, ExtractResult } from '@clausewatch/extract';
import { LedgerService } from '../ledger/ledger.service';
import { LineageService } from '../lineage/lineage.service';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ANALYZER_VERSION, severityAtLeast } from '../capture.constants';
import type { CheckOutcome } from '../fetch';
import type { Capture, CheckResult } from './capture.types';
import { extractDocument } from './document-extractor';
import { MAX_CLAUSE_CHARS } from '../capture.constants';
import { TaskLimitError, taskPool } from './worker/task.pool';

export interface IngestOptions {
  trigger: CheckTrigger;
  /** The text is confirmed (a capture, a first version, or a second fetch saw it too). */
  confirmed: boolean;
  startedAt: Date;
  durationMs: number;
  attempt?: number;
}

/**
 * Turns a page (fetched or captured) into records: extract → same text as the latest version?
 * → snapshot + version → analysis → change record → notifications owed, all in one transaction
 * under a lock on the document, so concurrent checks of one document never race.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly checks: ChecksRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly versions: VersionsRepository,
    private readonly changes: ChangeRecordsRepository,
    private readonly subscribers: SubscribersRepository,
    private readonly notifications: NotificationsRepository,
    private readonly ledger: LedgerService,
    private readonly lineage: LineageService,
  ) {}

  async ingest(document: Document, capture: Capture, options: IngestOptions): Promise<CheckResult> {
    let extracted: ExtractResult & { cosmeticFingerprint?: string };
    try {
      extracted = await extractDocument(document, capture);
    } catch (error) {
      const outcome: CheckOutcome =
        error instanceof TaskLimitError ? error.code : error instanceof ExtractionError && error.code === 'selector-missing' ? 'selector-missing' : 'empty';
      const cause = error instanceof Error ? error.message : String(error);
      await this.recordFailure(document, capture, options, outcome, cause);
      return { outcome, cause, version: null, change: null, created: false };
    }

    // A change too costly to analyse fails the check with a permanent cause; nothing of it is written.
    const result = await this.dataSource.transaction(async (manager): Promise<CheckResult> => {
      await this.documents.lock(manager, document.id);
      const latest = await this.versions.findLatestFor(document.id, manager);
      const base = {
        documentId: document.id,
        trigger: options.trigger,
        attempt: options.attempt ?? 1,
        startedAt: options.startedAt,
        durationMs: options.durationMs,
        outcome: 'ok',
        cause: null,
        httpStatus: capture.httpStatus,
        fetcher: capture.fetcher,
        finalUrl: capture.finalUrl,
        rawSha256: extracted.rawSha256,
        textSha256: extracted.textSha256,
        etag: capture.etag ?? null,
        lastModified: capture.lastModified ?? null,
      };
      if (latest && latest.textSha256 === extracted.textSha256) {
        await this.checks.insert({ ...base, versionId: null }, manager);
        return { outcome: 'ok', version: latest, change: null, created: false };
      }

      const snapshot = await this.snapshots.store(capture.body, capture.contentType, manager);
      const version = await this.createVersion(manager, document, latest, extracted, {
        snapshot,
        sourceUrl: capture.url,
        finalUrl: capture.finalUrl,
        capturedAt: capture.capturedAt,
        httpStatus: capture.httpStatus,
        fetcher: capture.fetcher,
        origin: options.trigger === 'capture' ? 'capture' : 'fetch',
        // A first version has nothing to alert about, so it needs no confirmation.
        confirmed: options.confirmed || !latest,
      });
      await this.checks.insert({ ...base, versionId: version.id }, manager);
      const change = latest ? await this.recordChange(manager, document, latest, version, options.confirmed) : null;
      return { outcome: 'ok', version, change, created: true };
    }).catch(async (error: unknown): Promise<CheckResult> => {
      if (!(error instanceof TaskLimitError)) throw error;
      await this.recordFailure(document, capture, options, error.code, error.message);
      return { outcome: error.code, cause: error.message, version: null, change: null, created: false };
    });
    if (result.created) await this.signTreeHead();
    return result;
  }

  /**
   * Re-derives the latest version's text from its stored snapshot with the current extractor (a
   * technical upgrade after extraction rules or code change). A different text is recorded as a
   * version of origin `reextract` with a change record that never alerts; the same text records nothing.
   */
  async reextract(document: Document): Promise<{ version: Version; change: ChangeRecord } | null> {
    const latest = await this.versions.findLatestFor(document.id);
    if (!latest) return null;
    const snapshot = await this.snapshots.findById(latest.snapshotId);
    if (!snapshot) throw new Error(`version ${latest.recordId} has no stored snapshot`);
    const extracted = await extractDocument(document, {
      body: snapshot.body,
      contentType: snapshot.contentType,
      url: latest.sourceUrl,
      finalUrl: latest.finalUrl,
      httpStatus: latest.httpStatus,
      fetcher: latest.fetcher,
      capturedAt: latest.capturedAt,
    });
    if (extracted.textSha256 === latest.textSha256) return null;
    const upgraded = await this.dataSource.transaction(async (manager) => {
      await this.documents.lock(manager, document.id);
      const current = await this.versions.findLatestFor(document.id, manager);
      if (current?.id !== latest.id) return null; // a newer capture arrived meanwhile: nothing to upgrade
      const version = await this.createVersion(manager, document, latest, extracted, {
        snapshot: { id: snapshot.id, rawSha256: snapshot.rawSha256 },
        sourceUrl: latest.sourceUrl,
        finalUrl: latest.finalUrl,
        capturedAt: latest.capturedAt,
        httpStatus: latest.httpStatus,
        fetcher: latest.fetcher,
        origin: 'reextract',
        confirmed: true,
      });
      const change = await this.recordChange(manager, document, latest, version, false);
      change.reasons = [`technical upgrade: the same capture re-extracted with extractor ${extracted.extractorVersion} (was ${latest.extractorVersion}); never alerts`, ...change.reasons];
      await this.changes.setReasons(change.id, change.reasons, manager);
      return { version, change };
    });
    if (upgraded) await this.signTreeHead();
    return upgraded;
  }

  /** After a commit that grew the ledger: publish a signed head covering it. */
  private async signTreeHead(): Promise<void> {
    try {
      await this.ledger.signTreeHead();
    } catch (error) {
      // The version is committed and in the log; the next capture or crawler tick signs the head.
      this.logger.warn(`tree head not signed yet: ${error instanceof Error ? error.message : error}`);
    }
  }

  /**
   * A second fetch saw the same text: the version is confirmed and its change may now alert.
   * Idempotent: confirming twice owes nothing twice.
   */
  async confirm(document: Document, version: Version, manager: EntityManager): Promise<ChangeRecord | null> {
    const confirmedNow = await this.versions.confirm(version.id, new Date(), manager);
    const change = await this.changes.findByToVersion(version.id, manager);
    if (!confirmedNow || !change) return change;
    change.alertEligible = this.alertEligible(change.kind, change.severity, change.revertOfVersionId, true);
    await this.changes.setAlertEligible(change.id, change.alertEligible, manager);
    if (change.alertEligible) await this.owe(manager, document, change);
    return change;
  }

  /** A new version with its ledger leaf and provision lineage, committed in the caller's transaction. */
  private async createVersion(
    manager: EntityManager,
    document: Document,
    latest: Version | null,
    extracted: ExtractResult & { cosmeticFingerprint?: string },
    provenance: {
      snapshot: { id: string; rawSha256: string };
      sourceUrl: string;
      finalUrl: string | null;
      capturedAt: Date;
      httpStatus: number | null;
      fetcher: string;
      origin: Version['origin'];
      confirmed: boolean;
    },
  ): Promise<Version> {
    const fingerprint = extracted.cosmeticFingerprint ?? cosmeticFingerprint(extracted.markdown);
    const revertOf = latest ? await this.versions.findEarlierLike(document.id, fingerprint, latest.id, manager) : null;
    const version = await this.versions.insert(
      {
        documentId: document.id,
        snapshotId: provenance.snapshot.id,
        rawSha256: provenance.snapshot.rawSha256,
        textSha256: extracted.textSha256,
        cosmeticFingerprint: fingerprint,
        markdown: extracted.markdown,
        title: extracted.title,
        extractorVersion: extracted.extractorVersion,
        sourceUrl: provenance.sourceUrl,
        finalUrl: provenance.finalUrl,
        capturedAt: provenance.capturedAt,
        httpStatus: provenance.httpStatus,
        fetcher: provenance.fetcher,
        origin: provenance.origin,
        confirmedAt: provenance.confirmed ? new Date() : null,
        revertOfVersionId: revertOf?.id ?? null,
      },
      manager,
    );
    // The leaf commits with its version; the provisions it holds are followed from the latest version.
    await this.ledger.appendVersion(manager, version, document.recordId);
    await this.lineage.recordVersion(manager, version, latest);
    return version;
  }

  private alertEligible(kind: string, severity: string, revertOf: string | null, confirmed: boolean): boolean {
    return confirmed && revertOf === null && (kind === 'structure' || kind === 'substantive') && severity !== 'none';
  }

  private async recordChange(manager: EntityManager, document: Document, from: Version, to: Version, confirmed: boolean): Promise<ChangeRecord> {
    const analysis = await taskPool().run({ kind: 'analyze', before: from.markdown, after: to.markdown, maxClauseChars: MAX_CLAUSE_CHARS });
    const clauseTypes = [...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))];
    const change = await this.changes.insert(
      {
        documentId: document.id,
        fromVersionId: from.id,
        toVersionId: to.id,
        kind: analysis.kind,
        severity: analysis.severity,
        alertEligible: this.alertEligible(analysis.kind, analysis.severity, to.revertOfVersionId, confirmed),
        revertOfVersionId: to.revertOfVersionId,
        summary: analysis.summary,
        reasons: analysis.reasons,
        clauses: analysis.clauses,
        clauseTypes,
        analyzerVersion: ANALYZER_VERSION,
      },
      manager,
    );
    if (change.alertEligible) await this.owe(manager, document, change);
    return change;
  }

  /** Notifications are written in the same transaction as the change they report. */
  private async owe(manager: EntityManager, document: Document, change: ChangeRecord): Promise<void> {
    const recipients = await this.subscribers.recipientsFor(document.platformId, change.clauseTypes, manager);
    const rows = recipients
      .filter((r) => severityAtLeast(change.severity, r.minSeverity))
      .flatMap((r) => [
        { subscriberId: r.subscriberId, changeRecordId: change.id, channel: 'digest' as const },
        ...(r.plan === 'free' ? [] : [{ subscriberId: r.subscriberId, changeRecordId: change.id, channel: 'alert' as const }]),
      ]);
    await this.notifications.enqueue(rows, manager);
  }

  private async recordFailure(document: Document, capture: Capture, options: IngestOptions, outcome: CheckOutcome, cause: string): Promise<void> {
    await this.checks.insert({
      documentId: document.id,
      trigger: options.trigger,
      attempt: options.attempt ?? 1,
      startedAt: options.startedAt,
      durationMs: options.durationMs,
      outcome,
      cause,
      httpStatus: capture.httpStatus,
      fetcher: capture.fetcher,
      finalUrl: capture.finalUrl,
      rawSha256: null,
      textSha256: null,
      etag: null,
      lastModified: null,
      versionId: null,
    });
  }
}
