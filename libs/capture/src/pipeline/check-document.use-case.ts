import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { CheckTrigger, Document, VersionsRepository } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIRMATION_SCHEDULER } from '../capture.constants';
import { isTransient } from '../fetch';
import type { CaptureOutcome, CheckResult } from './capture.types';
import { CaptureWriter } from './capture.writer';
import { ConfirmationScheduler, ConfirmCapture } from './confirm-capture.use-case';
import { DocumentPagesFetcher, failedFetchCheck } from './document-pages.fetcher';
import { RecordCapture } from './record-capture.use-case';

/** Worth a retry with backoff: a fetch that may go better later; never rules or content that cannot change by waiting. */
function retryable(outcome: CaptureOutcome, httpStatus?: number | null): boolean {
  return outcome !== 'invalid-rules' && outcome !== 'unsupported-content' && isTransient(outcome, httpStatus ?? undefined);
}

/**
 * An ordinary check: fetch (conditionally) → a failure is a check row, never a version → record the
 * capture → a new text is confirmed later by a job. A `304 Not Modified` for a document whose latest
 * version is unconfirmed confirms it: the server says the page is still what we saw.
 */
@Injectable()
export class CheckDocument {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CONFIRMATION_SCHEDULER) private readonly scheduler: ConfirmationScheduler,
    private readonly versions: VersionsRepository,
    private readonly pages: DocumentPagesFetcher,
    private readonly recorder: RecordCapture,
    private readonly writer: CaptureWriter,
    private readonly confirmation: ConfirmCapture,
  ) {}

  async check(document: Document, trigger: CheckTrigger, attempt = 1): Promise<CheckResult & { transient: boolean }> {
    const startedAt = new Date();
    const fetched = await this.pages.fetch(document, { conditional: true });
    const durationMs = Date.now() - startedAt.getTime();
    if (fetched.outcome !== 'ok' || !fetched.capture) {
      await this.writer.recordFailure(failedFetchCheck(document.id, { trigger, attempt, startedAt, durationMs }, fetched));
      if (fetched.outcome !== 'not-modified') return { outcome: fetched.outcome, cause: fetched.cause, transient: retryable(fetched.outcome, fetched.httpStatus), version: null, change: null, created: false };
      const latest = await this.versions.findLatestFor(document.id);
      if (!latest || latest.confirmedAt) return { outcome: 'not-modified', transient: false, version: latest, change: null, created: false };
      const confirmed = await this.confirmation.confirmSeen(document, latest.id);
      return { outcome: 'not-modified', transient: false, version: confirmed.version, change: confirmed.change, created: false };
    }
    const result = await this.recorder.record(document, fetched.capture, { trigger, confirmed: false, startedAt, durationMs, attempt });
    if (result.created && result.version && !result.version.confirmedAt) {
      await this.scheduler.scheduleConfirmation(document.id, result.version.id, this.config.confirmDelaySeconds);
    }
    return { ...result, transient: retryable(result.outcome) };
  }
}
