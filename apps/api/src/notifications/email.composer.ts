import type { AppConfig } from '@clausewatch/config';
import { CarriedDigestEntries, ClaimedEmail, DigestEntries, DocumentMonitoringRow, EmailContentRepository, EmailRecipient } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  alertView,
  ChangeForEmail,
  digestDocumentView,
  digestEntryView,
  digestView,
  EmailLinks,
  MonitoredDocument,
  monitoringView,
  RenderedEntry,
  SubscriberForEmail,
} from './email-content';
import { EmailRenderer } from './email.renderer';
import type { Email } from './email.sender';

/**
 * What to do with one claimed row: send this email, or skip it (and why). A digest's `entries` are the
 * ones it carries (or was to carry): exactly those are finished when it is handed over, failed or skipped.
 */
export type Composed = ({ email: Email } | { skip: string }) & { entries?: CarriedDigestEntries };

/** Changes are immutable once recorded: keep the most recent ones read, shared by every email. */
const CHANGE_CACHE_SIZE = 5000;
/** A period's monitoring record is read again after this long (a long run sees checks that finish late). */
const MONITORING_TTL_MS = 60_000;

/** A followed document's monitoring record, with its line rendered per time zone (shared by every digest). */
interface DocumentRecord extends MonitoredDocument {
  platformId: string;
  /** Position in the proof of monitoring (by platform name, then title). */
  order: number;
  lines: Map<string, RenderedEntry>;
}

interface PeriodMonitoring {
  at: number;
  byPlatform: Map<string, DocumentRecord[]>;
  byId: Map<string, DocumentRecord>;
}

/**
 * Turns claimed rows into emails. Everything is read as of the row's period (not "now"), so a retry
 * renders the same email: the provider sees the same payload under the same idempotency key.
 * A batch is read with one query per kind of data; digests are assembled from fragments (a change's
 * entry, a document's line) rendered once per time zone and shared by every digest that shows them.
 */
@Injectable()
export class EmailComposer {
  private readonly renderer = new EmailRenderer();
  private readonly content: EmailContentRepository;
  private readonly changes = new Map<string, ChangeForEmail>();
  /** Digest entries rendered per time zone and change: 500 changes × a few zones, not once per subscriber. */
  private readonly entries = new Map<string, Map<string, RenderedEntry>>();
  private readonly monitoring = new Map<string, PeriodMonitoring>();

  // Built by a factory (api.module, the send worker): no capture import, so a sender process starts fast.
  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.content = new EmailContentRepository(dataSource);
  }

  private get links(): EmailLinks {
    return { publicUrl: this.config.publicUrl };
  }

  async compose(claimed: ClaimedEmail[]): Promise<Composed[]> {
    const [subscribers, alertChanges, digestChanges] = await Promise.all([
      this.content.recipients([...new Set(claimed.map((c) => c.subscriberId))]),
      this.content.alertChangeIds(claimed.filter((c) => c.kind === 'alert').map((c) => c.id)),
      this.content.digestEntries(claimed.filter((c) => c.kind === 'digest')),
    ]);
    await this.loadChanges([...new Set([...[...alertChanges.values()].flatMap((a) => a.current), ...[...digestChanges.values()].flatMap((d) => d.current)])]);
    const out: Composed[] = [];
    for (const row of claimed) {
      const subscriber = subscribers.get(row.subscriberId);
      const skip = this.skipReason(row, subscriber);
      const entries = row.kind === 'digest' ? carried(row, digestChanges.get(row.id)) : undefined;
      if (skip || !subscriber) {
        out.push({ skip: skip ?? 'subscriber gone', entries });
        continue;
      }
      const reader: SubscriberForEmail = {
        email: subscriber.email,
        unsubscribeToken: subscriber.unsubscribeToken,
        timezone: subscriber.timezone,
        followedPlatformIds: subscriber.platformIds,
        followedClauseTypes: subscriber.clauseTypes,
      };
      if (row.kind === 'alert') out.push(this.alert(row, reader, alertChanges.get(row.id) ?? { current: [], superseded: 0 }));
      else if (row.kind === 'digest') out.push({ ...(await this.digest(row, reader, entries!.current)), entries });
      else out.push(await this.monitoringNotice(row, reader));
    }
    return out;
  }

  /** An alert shows the changes still current; one whose changes were all superseded before it went out is not sent. */
  private alert(row: ClaimedEmail, reader: SubscriberForEmail, owed: { current: string[]; superseded: number }): Composed {
    const changes = owed.current.map((id) => this.changes.get(id)!).filter(Boolean);
    if (!changes.length && owed.superseded) return { skip: 'every change was superseded by technical corrections (a back-dated capture) before it was sent' };
    if (!changes.length) return { skip: 'nothing left to alert' };
    const view = alertView(changes, reader, this.links);
    return { email: this.email(row, reader, view.subject, this.renderer.render('alert', view), view.unsubscribeUrl) };
  }

  private async digest(row: ClaimedEmail, reader: SubscriberForEmail, changeIds: string[]): Promise<Composed> {
    const period = { start: row.periodStart!, end: row.periodEnd! };
    // Plain loops: run 100,000 times a week, and `flatMap` costs several times a loop in V8.
    const changes: ChangeForEmail[] = [];
    for (const id of changeIds) {
      const change = this.changes.get(id);
      if (change) changes.push(change);
    }
    const monitoring = await this.monitoringFor(period.start, period.end);
    const documents: DocumentRecord[] = [];
    for (const id of reader.followedPlatformIds) {
      const followed = monitoring.byPlatform.get(id);
      if (followed) for (const document of followed) documents.push(document);
    }
    documents.sort((a, b) => a.order - b.order);
    const view = digestView(
      changes,
      documents,
      reader,
      period,
      this.links,
      (c) => this.entry(c, reader.timezone),
      (d) => this.documentLine(d as DocumentRecord, reader.timezone),
    );
    return { email: this.email(row, reader, view.subject, this.renderer.renderDigest(view), view.unsubscribeUrl) };
  }

  private async monitoringNotice(row: ClaimedEmail, reader: SubscriberForEmail): Promise<Composed> {
    const found = row.documentId ? await this.content.incident(row.documentId, row.periodStart!) : null;
    if (!found) return { skip: 'document gone' };
    const notice = { ...found, recovered: row.kind === 'monitoring-recovered', startedAt: row.periodStart!, recoveredAt: row.periodEnd };
    const view = monitoringView(notice, reader, this.links);
    return { email: this.email(row, reader, view.subject, this.renderer.render('monitoring', view), view.unsubscribeUrl) };
  }

  private entry(change: ChangeForEmail, timezone: string): RenderedEntry {
    let zone = this.entries.get(timezone);
    if (!zone) {
      if (this.entries.size > 100) this.entries.clear();
      zone = new Map();
      this.entries.set(timezone, zone);
    }
    let entry = zone.get(change.id);
    if (!entry) {
      entry = this.renderer.renderFragment('digest-entry', digestEntryView(change, timezone, this.links));
      zone.set(change.id, entry);
    }
    return entry;
  }

  /** A document's line of the proof of monitoring in one time zone, rendered once per record and zone. */
  private documentLine(d: DocumentRecord, timezone: string): RenderedEntry {
    let line = d.lines.get(timezone);
    if (!line) {
      line = this.renderer.renderFragment('digest-document', digestDocumentView(d, timezone));
      d.lines.set(timezone, line);
    }
    return line;
  }

  private skipReason(row: ClaimedEmail, subscriber: EmailRecipient | undefined): string | null {
    if (!subscriber) return 'subscriber gone';
    if (subscriber.suppressedAt) return 'address suppressed (bounce or complaint)';
    if (subscriber.unsubscribedAt) return 'unsubscribed';
    if (row.kind === 'digest' && !subscriber.digestEnabled) return 'digest turned off';
    if (row.kind !== 'digest' && (!subscriber.alertsEnabled || subscriber.plan === 'free')) return 'alerts turned off';
    return null;
  }

  private email(row: ClaimedEmail, reader: SubscriberForEmail, subject: string, body: { html: string; text: string }, unsubscribeUrl: string): Email {
    return {
      to: reader.email,
      from: this.config.emailFrom,
      subject,
      html: body.html,
      text: body.text,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        // The row's own key travels with it inside a batch too (and keeps Gmail from threading digests).
        'X-Entity-Ref-ID': row.idempotencyKey,
      },
      idempotencyKey: row.idempotencyKey,
    };
  }

  private async loadChanges(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.changes.has(id));
    if (!missing.length) return;
    const rows = await this.content.changes(missing);
    if (this.changes.size + rows.length > CHANGE_CACHE_SIZE) {
      this.changes.clear();
      this.entries.clear();
    }
    for (const row of rows) this.changes.set(row.id, row);
  }

  /**
   * Every active document's monitoring record as of the end of a period, by platform (read once per
   * period and minute; a record that did not change keeps its rendered lines).
   */
  private async monitoringFor(start: Date, end: Date): Promise<PeriodMonitoring> {
    const key = `${start.getTime()}|${end.getTime()}`;
    const cached = this.monitoring.get(key);
    if (cached && Date.now() - cached.at < MONITORING_TTL_MS) return cached;
    const fresh: PeriodMonitoring = { at: Date.now(), byPlatform: new Map(), byId: new Map() };
    (await this.content.documentMonitoring(start, end)).forEach((row, order) => {
      const record = monitoredDocument(row);
      const before = cached?.byId.get(record.documentId);
      const document: DocumentRecord = { ...record, order, lines: before && sameRecord(before, record) ? before.lines : new Map() };
      fresh.byId.set(document.documentId, document);
      fresh.byPlatform.set(document.platformId, [...(fresh.byPlatform.get(document.platformId) ?? []), document]);
    });
    if (this.monitoring.size > 500) this.monitoring.clear();
    this.monitoring.set(key, fresh);
    return fresh;
  }
}

/** A digest's entries as its delivery finishes them (none owed: an empty digest, the proof of monitoring only). */
function carried(row: ClaimedEmail, entries: DigestEntries | undefined): CarriedDigestEntries {
  const until = row.periodEnd!;
  return { subscriberId: row.subscriberId, current: entries?.current ?? [], superseded: entries?.superseded ?? [], since: entries?.since ?? until, until };
}

function sameRecord(a: MonitoredDocument, b: MonitoredDocument): boolean {
  return (
    a.platformName === b.platformName &&
    a.title === b.title &&
    a.lastVerifiedAt?.getTime() === b.lastVerifiedAt?.getTime() &&
    a.checksInPeriod === b.checksInPeriod &&
    a.failing === b.failing &&
    a.cause === b.cause
  );
}

function isFailure(outcome: string | null): outcome is string {
  return outcome !== null && outcome !== 'ok' && outcome !== 'not-modified';
}

function monitoredDocument(row: DocumentMonitoringRow): MonitoredDocument & { platformId: string } {
  const failing = isFailure(row.lastOutcome);
  return {
    documentId: row.documentId,
    platformId: row.platformId,
    platformName: row.platformName,
    title: row.title,
    lastVerifiedAt: row.lastVerifiedAt,
    checksInPeriod: row.checksInPeriod,
    failing,
    cause: failing ? (row.lastCause ?? row.lastOutcome) : null,
  };
}
