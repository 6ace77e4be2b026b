import { ChangeRecord, ChangeRecordsRepository, ChecksRepository, Document, DocumentsRepository, LedgerService, NewCheck, NotificationsRepository, ProvisionsRepository, SimpleQueryClient, SnapshotsRepository, Version, VersionOrigin, VersionsRepository } from '@clausewatch/db';
import { ANALYZER_VERSION } from '@clausewatch/analyzer';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CapturePlan } from './capture.planner';
import { isAlertEligible, isTechnicalCorrection, oweOptionsFor, TECHNICAL_CORRECTION } from './capture.planner';
import type { Capture } from './capture.types';
import type { ExtractedDocument } from './document-extractor';

/** The check row of a capture, without what the write decides (the version). */
export type CheckRow = Omit<NewCheck, 'versionId'>;

export interface VersionProvenance {
  sourceUrl: string;
  finalUrl: string | null;
  capturedAt: Date;
  httpStatus: number | null;
  fetcher: string;
  origin: VersionOrigin;
}

export type WriteOutcome =
  | { stale: true }
  | { stale: false; version: Version; change: ChangeRecord | null; created: boolean };

/** Provenance of a fetched or imported capture. */
export function provenanceOf(capture: Capture, origin: VersionOrigin): VersionProvenance {
  return { sourceUrl: capture.url, finalUrl: capture.finalUrl, capturedAt: capture.capturedAt, httpStatus: capture.httpStatus, fetcher: capture.fetcher, origin };
}

/**
 * The one transaction of a capture: it writes the rows a plan made outside it. It locks the document,
 * checks the plan was made against the latest version (else the caller re-plans), writes the snapshot
 * pages, version, check row, provision lineage, change record and notifications owed, and marks the
 * version pending in the ledger. It takes no global lock: after the commit, the caller awaits the
 * ledger's batch that appends the version (one lock and one COMMIT for every capture pending then).
 */
@Injectable()
export class CaptureWriter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly checks: ChecksRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly versions: VersionsRepository,
    private readonly provisions: ProvisionsRepository,
    private readonly changes: ChangeRecordsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly ledger: LedgerService,
  ) {}

  async write(
    document: Document,
    plannedAgainst: Version | null,
    plan: CapturePlan,
    extracted: ExtractedDocument,
    provenance: VersionProvenance,
    check: CheckRow | null,
    extraReasons: string[] = [],
    plannedNext: Version | null = null,
  ): Promise<WriteOutcome> {
    // A query runner rather than dataSource.transaction(): the transaction opens in the same round trip
    // as the document's lock and the neighbours' check, and the last statement commits in the same round
    // trip as the version's pending mark (see LedgerService.markPendingAndCommit). Opened by hand, so
    // nothing in it may use TypeORM's save (it would open a transaction of its own): rows go in by SQL.
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as SimpleQueryClient;
    let open = false;
    let written: WriteOutcome;
    try {
      open = true;
      const around = await this.versions.beginLockedAt(client, document.id, provenance.capturedAt);
      const manager = runner.manager;
      if (around.previousId !== (plannedAgainst?.id ?? null) || around.nextId !== (plannedNext?.id ?? null)) return { stale: true };
      if (plan.kind === 'unchanged') {
        if (check) await this.checks.insertRow(manager, { ...check, versionId: null });
        await this.versions.commitLocked(client);
        open = false;
        return { stale: false, version: plan.latest, change: null, created: false };
      }
      const snapshotIds = await this.snapshots.storeAll(extracted.parts, manager);
      // The version, its pages and the check row that found it: one statement.
      const version = await this.versions.insertWithParts(
        manager,
        {
          documentId: document.id,
          snapshotId: snapshotIds[0],
          rawSha256: extracted.rawSha256,
          textSha256: extracted.textSha256,
          cosmeticFingerprint: plan.cosmeticFingerprint,
          markdown: extracted.markdown,
          title: extracted.title,
          extractorVersion: extracted.extractorVersion,
          ...provenance,
          confirmedAt: plan.confirmed ? new Date() : null,
          revertOfVersionId: plan.revertOfVersionId,
        },
        extracted.parts.map((part, i) => ({ snapshotId: snapshotIds[i], url: part.url })),
        check,
      );
      await this.provisions.recordLineage(manager, version, plan.lineage);
      let change: ChangeRecord | null = null;
      if (plan.change && plannedAgainst) {
        const { analysis } = plan.change;
        // The change record and the notifications it owes: one statement.
        change = await this.changes.insertOwing(
          manager,
          {
            documentId: document.id,
            fromVersionId: plannedAgainst.id,
            toVersionId: version.id,
            kind: analysis.kind,
            severity: analysis.severity,
            alertEligible: plan.change.alertEligible,
            revertOfVersionId: plan.revertOfVersionId,
            summary: analysis.summary,
            reasons: [...extraReasons, ...analysis.reasons],
            clauses: analysis.clauses,
            clauseTypes: plan.change.clauseTypes,
            analyzerVersion: ANALYZER_VERSION,
          },
          plan.change.alertEligible ? plan.change.owe : null,
        );
      }
      if (plan.correction) await this.writeCorrection(manager, document, version, change, plan.correction);
      // No global lock here: the version commits as pending (its mark and the COMMIT in one round trip),
      // and the ledger's appender gives it its leaf.
      await this.ledger.markPendingAndCommit(client, version);
      open = false;
      written = { stale: false, version, change, created: true };
    } finally {
      if (open) await this.versions.rollbackLocked(client);
      await runner.release();
    }
    // After the commit, with the connection back in the pool: one batch appends every capture pending
    // now under one lock and one COMMIT; the caller gets the version with its ledger index, as before.
    await this.ledger.appendedLeafOf(written.version);
    return written;
  }

  /**
   * A version inserted before `next`: the change record that led to `next` is kept but superseded by
   * the records that replace it (the one to the inserted version, if any, and the recomputed one from it
   * to `next`). The recomputed one is a technical correction: it never alerts and owes nothing.
   */
  private async writeCorrection(
    manager: EntityManager,
    document: Document,
    inserted: Version,
    toInserted: ChangeRecord | null,
    correction: NonNullable<Extract<CapturePlan, { kind: 'new-version' }>['correction']>,
  ): Promise<void> {
    const { next, change: planned } = correction;
    const replacing = toInserted ? [toInserted.recordId] : [];
    // No longer current before its replacement is written (one current record per version): found and
    // marked in one statement.
    const superseded = await this.changes.supersedeCurrentTo(next.id, replacing, manager);
    const { analysis } = planned;
    const recomputed = await this.changes.insertOwing(
      manager,
      {
        documentId: document.id,
        fromVersionId: inserted.id,
        toVersionId: next.id,
        kind: analysis.kind,
        severity: analysis.severity,
        alertEligible: false,
        revertOfVersionId: planned.revertOfVersionId ?? null,
        summary: analysis.summary,
        reasons: [
          `${TECHNICAL_CORRECTION} an earlier capture (${inserted.capturedAt.toISOString()}) was inserted before this version${superseded ? `; replaces ${superseded.recordId}` : ''}; never alerts`,
          ...analysis.reasons,
        ],
        clauses: analysis.clauses,
        clauseTypes: planned.clauseTypes,
        analyzerVersion: ANALYZER_VERSION,
      },
      null,
    );
    if (superseded) await this.changes.supersede(superseded.id, [...replacing, recomputed.recordId], manager, true);
    // The version after it now follows the inserted one, and later versions with the inserted text may
    // now return to it: what they revert to is recomputed as if the captures had come in time order.
    await this.versions.setRevertOf(next.id, planned.revertOfVersionId ?? null, manager);
    await this.versions.recomputeRevertsAfter(manager, document.id, inserted.cosmeticFingerprint, inserted.capturedAt);
  }

  /**
   * A second look saw the same text: the version is confirmed and its change may now alert.
   * Idempotent: confirming twice owes nothing twice.
   */
  async confirm(document: Document, versionId: string, now: Date): Promise<{ version: Version | null; change: ChangeRecord | null }> {
    return this.dataSource.transaction(async (manager) => {
      await this.documents.lock(manager, document.id);
      const confirmedNow = await this.versions.confirm(versionId, now, manager);
      const version = await this.versions.findById(versionId, manager);
      const change = await this.changes.findByToVersion(versionId, manager);
      // A technical correction (a back-dated capture inserted before this version) never alerts.
      if (!confirmedNow || !change || !version || isTechnicalCorrection(change)) return { version, change };
      change.alertEligible = isAlertEligible(change, change.revertOfVersionId, true);
      await this.changes.setAlertEligible(change.id, change.alertEligible, manager);
      if (change.alertEligible) {
        const previous = await this.versions.findById(change.fromVersionId, manager);
        await this.notifications.oweForChange(manager, change, oweOptionsFor(version.capturedAt, previous?.capturedAt ?? null, now));
      }
      return { version, change };
    });
  }

  /** A capture that gave no text: a check row with its cause, never a version. */
  async recordFailure(check: CheckRow): Promise<void> {
    await this.checks.insert({ ...check, versionId: null });
  }
}
