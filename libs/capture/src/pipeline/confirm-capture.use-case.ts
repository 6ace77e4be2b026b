import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChangeRecord, Document, DocumentsRepository, Version, VersionsRepository } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIRMATION_SCHEDULER } from '../capture.constants';
import type { CaptureOutcome } from './capture.types';
import { CaptureWriter } from './capture.writer';
import { DocumentPagesFetcher, failedFetchCheck } from './document-pages.fetcher';
import { RecordCapture } from './record-capture.use-case';

/** Schedules the confirmation of a new text: always a durable job (pg-boss; `startAfter` 0 when the delay is 0). */
export interface ConfirmationScheduler {
  scheduleConfirmation(documentId: string, versionId: string, delaySeconds: number): Promise<void>;
}

export interface ConfirmationResult {
  /** The version is confirmed (now or before). */
  confirmed: boolean;
  /** What the confirmation fetch gave (absent when nothing was fetched). */
  outcome?: CaptureOutcome;
  cause?: string;
  /** A failed fetch worth trying again (the job retries). */
  retry: boolean;
  version: Version | null;
  change: ChangeRecord | null;
}

/**
 * Confirms a new text before it may alert: fetches the document again, unconditionally, and confirms
 * the version if the text is still its text. A page that moved on (a blink back, or yet another text)
 * is recorded as its own capture; yet another text waits for its own confirmation job (never recursion).
 * The confirmation job and the admin routes call this one use case.
 */
@Injectable()
export class ConfirmCapture {
  private readonly logger = new Logger(ConfirmCapture.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CONFIRMATION_SCHEDULER) private readonly scheduler: ConfirmationScheduler,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly pages: DocumentPagesFetcher,
    private readonly recorder: RecordCapture,
    private readonly writer: CaptureWriter,
  ) {}

  async confirmCapture(documentId: string, versionId: string): Promise<ConfirmationResult> {
    const [document, version] = await Promise.all([this.documents.findById(documentId), this.versions.findById(versionId)]);
    if (!document || !version || version.documentId !== documentId) return { confirmed: false, retry: false, version, change: null };
    if (version.confirmedAt) return { confirmed: true, retry: false, version, change: null };
    const startedAt = new Date();
    const fetched = await this.pages.fetch(document, { conditional: false });
    const durationMs = Date.now() - startedAt.getTime();
    if (fetched.outcome !== 'ok' || !fetched.capture) {
      await this.writer.recordFailure(failedFetchCheck(document.id, { trigger: 'confirm', attempt: 1, startedAt, durationMs }, fetched));
      this.logger.log({ documentId: document.recordId, versionId: version.recordId, outcome: fetched.outcome, cause: fetched.cause }, 'confirmation fetch failed');
      return { confirmed: false, outcome: fetched.outcome, cause: fetched.cause, retry: fetched.transient, version, change: null };
    }
    const again = await this.recorder.record(document, fetched.capture, { trigger: 'confirm', confirmed: false, startedAt, durationMs });
    if (again.outcome === 'ok' && !again.created && again.version?.id === version.id) {
      return { ...(await this.confirmSeen(document, version.id)), outcome: 'ok', retry: false };
    }
    this.logger.log({ documentId: document.recordId, versionId: version.recordId, outcome: again.outcome, newVersion: again.created ? again.version?.recordId : undefined }, 'version not confirmed');
    if (again.created && again.version && !again.version.confirmedAt) await this.scheduler.scheduleConfirmation(document.id, again.version.id, this.config.confirmDelaySeconds);
    return { confirmed: false, outcome: again.outcome, cause: again.cause, retry: false, version, change: null };
  }

  /** The text was seen again (a second fetch, or a `304 Not Modified` to an ordinary check): confirm it. */
  async confirmSeen(document: Document, versionId: string): Promise<{ confirmed: boolean; version: Version | null; change: ChangeRecord | null }> {
    const { version, change } = await this.writer.confirm(document, versionId, new Date());
    if (change?.alertEligible) this.logger.log({ documentId: document.recordId, versionId: version?.recordId, changeId: change.recordId }, 'change confirmed, alerts owed');
    return { confirmed: version?.confirmedAt != null, version, change };
  }
}
