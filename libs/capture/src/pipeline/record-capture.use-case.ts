import { Document, HeldProvisionColumns, LedgerService, ProvisionsRepository, VersionsRepository } from '@clausewatch/db';
import { ExtractionError } from '@clausewatch/extract';
import { Injectable, Logger } from '@nestjs/common';
import { MAX_PLAN_ATTEMPTS } from '../capture.constants';
import { CaptureFacts, PlanBasis, planCapture, preparedOnDemand, TextToPlan, unchangedPlan } from './capture.planner';
import type { Capture, CaptureContext, CaptureOutcome, CheckResult } from './capture.types';
import { CaptureWriter, CheckRow, provenanceOf, VersionProvenance, WriteOutcome } from './capture.writer';
import { ExtractedDocument, extractDocument } from './document-extractor';
import { PackedHeldRows, packHeldColumns } from './worker/packed-provisions';
import { TaskLimitError, taskPool } from './worker/task.pool';

/** Held provisions packed as the split is, read one at a time (the main thread holds them while it plans). */
function heldRows(columns: HeldProvisionColumns): PackedHeldRows {
  return new PackedHeldRows(packHeldColumns(columns));
}

export class CaptureConflictError extends Error {
  constructor(documentId: string) {
    super(`document ${documentId}: other captures kept committing while this one was planned (${MAX_PLAN_ATTEMPTS} attempts)`);
    this.name = 'CaptureConflictError';
  }
}

function checkRowOf(document: Document, capture: Capture, context: CaptureContext, extracted: ExtractedDocument | null, failure?: { outcome: CaptureOutcome; cause: string }): CheckRow {
  return {
    documentId: document.id,
    trigger: context.trigger,
    attempt: context.attempt ?? 1,
    startedAt: context.startedAt,
    durationMs: context.durationMs,
    outcome: failure?.outcome ?? 'ok',
    cause: failure?.cause ?? null,
    httpStatus: capture.httpStatus,
    fetcher: capture.fetcher,
    finalUrl: capture.finalUrl,
    rawSha256: extracted?.rawSha256 ?? null,
    textSha256: extracted?.textSha256 ?? null,
    etag: failure ? null : (capture.etag ?? null),
    lastModified: failure ? null : (capture.lastModified ?? null),
  };
}

export interface WriteOptions {
  /** Reasons put before the analyzer's (a technical upgrade says so). */
  extraReasons?: string[];
  /** Write only while this version is the latest (a re-extraction of it); otherwise write nothing. */
  onlyAfter?: string;
}

/**
 * Records a capture (fetched or imported): extract once → read what the plan needs → plan outside the
 * transaction → one transaction writes the plan. A capture that gives no text is a check row with its cause.
 */
@Injectable()
export class RecordCapture {
  private readonly logger = new Logger(RecordCapture.name);

  constructor(
    private readonly versions: VersionsRepository,
    private readonly provisions: ProvisionsRepository,
    private readonly writer: CaptureWriter,
    private readonly ledger: LedgerService,
  ) {}

  async record(document: Document, capture: Capture, context: CaptureContext): Promise<CheckResult> {
    let extracted: ExtractedDocument;
    try {
      extracted = await extractDocument(document, capture);
    } catch (error) {
      // Each extraction error keeps its own outcome; anything else the extractor throws is a page without text.
      // Over the task pool's deadline or memory cap: too-complex / too-large, permanent.
      const outcome: CaptureOutcome = error instanceof TaskLimitError ? error.code : error instanceof ExtractionError ? error.code : 'empty';
      const cause = error instanceof Error ? error.message : String(error);
      await this.writer.recordFailure(checkRowOf(document, capture, context, null, { outcome, cause }));
      return { outcome, cause, version: null, change: null, created: false };
    }
    let written: Awaited<ReturnType<RecordCapture['writePlanned']>>;
    try {
      written = await this.writePlanned(
        document,
        preparedOnDemand(extracted, taskPool()),
        { capturedAt: capture.capturedAt, confirmed: context.confirmed },
        provenanceOf(capture, context.trigger === 'capture' ? 'capture' : 'fetch'),
        checkRowOf(document, capture, context, extracted),
      );
    } catch (error) {
      // A text whose analysis is over the task pool's deadline or memory cap: a check row saying so, as for extraction.
      if (!(error instanceof TaskLimitError)) throw error;
      await this.writer.recordFailure(checkRowOf(document, capture, context, extracted, { outcome: error.code, cause: error.message }));
      return { outcome: error.code, cause: error.message, version: null, change: null, created: false };
    }
    // Never null: only a write restricted to one latest version (`onlyAfter`) gives up.
    return { outcome: 'ok', version: written!.version, change: written!.change, created: written!.created };
  }

  /** Plans against the versions around the capture's time (see PlanBasis) and writes; re-plans when another capture of the document committed first. */
  async writePlanned(
    document: Document,
    text: TextToPlan,
    facts: Omit<CaptureFacts, 'now'>,
    provenance: VersionProvenance,
    check: CheckRow | null,
    options: WriteOptions = {},
  ): Promise<Exclude<WriteOutcome, { stale: true }> | null> {
    for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
      const basis = await this.readBasis(document, text, facts.capturedAt);
      if (options.onlyAfter !== undefined && (basis.latest?.id !== options.onlyAfter || basis.next)) return null;
      // A text a neighbour has already is never split: its plan needs no fingerprints.
      const plan = unchangedPlan(basis, text.extracted) ?? (await planCapture(basis, await text.prepared(), { ...facts, now: new Date() }, taskPool()));
      const outcome = await this.writer.write(document, basis.latest, plan, text.extracted, provenance, check, options.extraReasons, basis.next ?? null);
      if (outcome.stale) continue;
      // The answer needs the version's leaf, not a new signed head: the head is signed right after,
      // off the capture's path (this process's reads of heads wait for it; see LedgerService.signingSettled).
      if (outcome.created) void this.signTreeHead(document);
      return outcome;
    }
    throw new CaptureConflictError(document.recordId);
  }

  /**
   * What the plan needs from the database, read outside the transaction (the write re-checks the
   * neighbours): the versions the capture goes between in time order, and what its lineage reuses.
   */
  private async readBasis(document: Document, text: TextToPlan, capturedAt: Date): Promise<PlanBasis> {
    const { previous: latest, next } = await this.versions.neighboursAt(document.id, capturedAt);
    if (unchangedPlan({ latest, next }, text.extracted)) return { latest, next, latestProvisions: [], earlierLike: null, restorable: [] };
    const prepared = await text.prepared();
    const [latestProvisions, earlierLike, restorable, nextProvisions, nextEarlierLike, newest] = await Promise.all([
      latest ? this.provisions.heldBy(latest.id).then(heldRows) : [],
      // Only versions captured before it can be what a capture reverts to.
      latest ? this.versions.findEarlierLike(document.id, prepared.cosmeticFingerprint, latest.id, next ? capturedAt : undefined) : null,
      this.provisions.removedWithFingerprints(document.id, prepared.provisionFingerprints, next ? { capturedAt, latestId: latest?.id ?? null } : undefined),
      next ? this.provisions.heldBy(next.id).then(heldRows) : [],
      next ? this.versions.findEarlierLike(document.id, next.cosmeticFingerprint, null, capturedAt) : null,
      next ? this.versions.latestCapturedAt(document.id) : (latest?.capturedAt ?? null),
    ]);
    return { latest, latestProvisions, earlierLike, restorable, next, nextProvisions, nextEarlierLike, newestCapturedAt: newest };
  }

  /** After a commit that grew the ledger: publish a signed head covering it (never rejects). */
  private async signTreeHead(document: Document): Promise<void> {
    try {
      await this.ledger.signTreeHead();
    } catch (error) {
      // The version is committed and in the log; the next capture or crawler tick signs the head.
      this.logger.warn({ documentId: document.recordId, err: error instanceof Error ? error.message : String(error) }, 'tree head not signed yet');
    }
  }
}
