import type { AppConfig } from '@clausewatch/config';
import { EmailContentRepository, type ClaimedEmail, type EmailSubscriberRow } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { alertView, ChangeForEmail, digestEntryView, digestView, EmailLinks, MonitoredDocument, monitoringView, RenderedEntry, SubscriberForEmail } from './email-content';
import { EmailRenderer } from './email.renderer';
import type { Email } from './email.sender';

/** What to do with one claimed row: send this email, or skip it (and why). */
export type Composed = { email: Email } | { skip: string };

type SubscriberRow = EmailSubscriberRow;

/** Changes are immutable once recorded: keep the most recent ones read, shared by every email. */
const CHANGE_CACHE_SIZE = 5000;

/**
 * Turns claimed rows into emails. Everything is read as of the row's period (not "now"), so a retry
 * renders the same email: the provider sees the same payload under the same idempotency key.
 */
@Injectable()
export class EmailComposer {
  private readonly renderer = new EmailRenderer();
  private readonly changes = new Map<string, ChangeForEmail>();
  /** Digest entries rendered per change and time zone: 500 changes × a few zones, not once per subscriber. */
  private readonly entries = new Map<string, RenderedEntry>();
  private readonly documentStats = new Map<string, { at: number; stats: Map<string, MonitoredDocument> }>();

  // Built by a factory (api.module, the send worker): no capture import, so a sender process starts fast.
  private readonly content: EmailContentRepository;

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
    const subscribers = await this.subscribers([...new Set(claimed.map((c) => c.subscriberId))]);
    const alertChanges = await this.alertChangeIds(claimed.filter((c) => c.kind === 'alert').map((c) => c.id));
    const digestChanges = await this.digestChangeIds(claimed.filter((c) => c.kind === 'digest'));
    await this.loadChanges([...new Set([...alertChanges.values(), ...digestChanges.values()].flat())]);
    const out: Composed[] = [];
    for (const row of claimed) {
      const subscriber = subscribers.get(row.subscriberId);
      const skip = this.skipReason(row, subscriber);
      if (skip || !subscriber) {
        out.push({ skip: skip ?? 'subscriber gone' });
        continue;
      }
      const reader: SubscriberForEmail = {
        email: subscriber.email,
        unsubscribeToken: subscriber.unsubscribe_token,
        timezone: subscriber.timezone,
        followedPlatformIds: subscriber.platform_ids,
        followedClauseTypes: subscriber.clause_types,
      };
      if (row.kind === 'alert') {
        const changes = (alertChanges.get(row.id) ?? []).map((id) => this.changes.get(id)!).filter(Boolean);
        if (!changes.length) {
          out.push({ skip: 'nothing left to alert' });
          continue;
        }
        const view = alertView(changes, reader, this.links);
        out.push({ email: this.email(row, reader, view.subject, this.renderer.render('alert', view), view.unsubscribeUrl) });
      } else if (row.kind === 'digest') {
        const start = row.periodStart!;
        const end = row.periodEnd!;
        const changes = (digestChanges.get(row.id) ?? []).map((id) => this.changes.get(id)!).filter(Boolean);
        const stats = await this.statsFor(start, end);
        const documents = [...stats.values()].filter((d) => subscriber.platform_ids.includes(d.platformId));
        const view = digestView(changes, documents, reader, { start, end }, this.links, (c) => this.entry(c, reader.timezone));
        out.push({ email: this.email(row, reader, view.subject, this.renderer.render('digest', view), view.unsubscribeUrl) });
      } else {
        const notice = await this.notice(row);
        if (!notice) {
          out.push({ skip: 'document gone' });
          continue;
        }
        const view = monitoringView(notice, reader, this.links);
        out.push({ email: this.email(row, reader, view.subject, this.renderer.render('monitoring', view), view.unsubscribeUrl) });
      }
    }
    return out;
  }

  private entry(change: ChangeForEmail, timezone: string): RenderedEntry {
    const key = `${change.id}|${timezone}`;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size > 50_000) this.entries.clear();
      entry = this.renderer.renderFragment('digest-entry', digestEntryView(change, timezone, this.links));
      this.entries.set(key, entry);
    }
    return entry;
  }

  private skipReason(row: ClaimedEmail, subscriber: SubscriberRow | undefined): string | null {
    if (!subscriber) return 'subscriber gone';
    if (subscriber.suppressed_at) return 'address suppressed (bounce or complaint)';
    if (subscriber.unsubscribed_at) return 'unsubscribed';
    if (row.kind === 'digest' && !subscriber.digest_enabled) return 'digest turned off';
    if (row.kind !== 'digest' && (!subscriber.alerts_enabled || subscriber.plan === 'free')) return 'alerts turned off';
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

  private async subscribers(ids: string[]): Promise<Map<string, SubscriberRow>> {
    if (!ids.length) return new Map();
    const rows = await this.content.subscribers(ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async alertChangeIds(emailIds: string[]): Promise<Map<string, string[]>> {
    if (!emailIds.length) return new Map();
    const rows = await this.content.alertChangeIds(emailIds);
    return new Map(rows.map((r) => [r.email_id, r.ids]));
  }

  /** The digest entries owed to each subscriber within the digest's period. */
  private async digestChangeIds(rows: ClaimedEmail[]): Promise<Map<string, string[]>> {
    if (!rows.length) return new Map();
    const found = await this.content.digestChangeIds(rows);
    return new Map(found.map((r) => [r.email_id, r.ids]));
  }

  private async loadChanges(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.changes.has(id));
    if (!missing.length) return;
    const rows = await this.content.changes(missing);
    if (this.changes.size + rows.length > CHANGE_CACHE_SIZE) {
      this.changes.clear();
      this.entries.clear();
    }
    for (const r of rows) {
      this.changes.set(r.id, {
        id: r.id,
        recordId: r.record_id,
        platformId: r.platform_id,
        platformName: r.platform_name,
        documentId: r.document_id,
        documentTitle: r.document_title,
        severity: r.severity,
        kind: r.kind,
        summary: r.summary,
        clauses: r.clauses,
        clauseTypes: r.clause_types,
        capturedAt: r.captured_at,
      });
    }
  }

  /** Every active document's monitoring record as of the end of a period (read once per period). */
  private async statsFor(start: Date, end: Date): Promise<Map<string, MonitoredDocument & { platformId: string }>> {
    const key = `${start.toISOString()}|${end.toISOString()}`;
    const cached = this.documentStats.get(key);
    if (cached && Date.now() - cached.at < 60_000) return cached.stats as Map<string, MonitoredDocument & { platformId: string }>;
    const rows = await this.content.documentMonitoring(start, end);
    const stats = new Map(
      rows.map((r) => [
        r.id,
        {
          documentId: r.id,
          platformId: r.platform_id,
          platformName: r.platform_name,
          title: r.title,
          lastVerifiedAt: r.last_ok,
          checksInPeriod: r.checks,
          failing: r.last_outcome !== null && r.last_outcome !== 'ok' && r.last_outcome !== 'not-modified',
          cause: r.last_outcome && r.last_outcome !== 'ok' && r.last_outcome !== 'not-modified' ? (r.last_cause ?? r.last_outcome) : null,
        },
      ]),
    );
    if (this.documentStats.size > 500) this.documentStats.clear();
    this.documentStats.set(key, { at: Date.now(), stats });
    return stats;
  }

  private async notice(row: ClaimedEmail) {
    const found = await this.content.noticeDocument(row.documentId, row.periodStart);
    if (!found) return null;
    return {
      recovered: row.kind === 'monitoring-recovered',
      platformName: found.platform_name,
      title: found.title,
      documentRecordId: found.record_id,
      startedAt: row.periodStart!,
      recoveredAt: row.periodEnd,
      cause: found.cause,
    };
  }
}
