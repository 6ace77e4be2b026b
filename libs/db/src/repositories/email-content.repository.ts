import type { ClauseChange, Severity } from '@clausewatch/analyzer';
import { DataSource } from 'typeorm';
import type { ClaimedEmail } from './emails.repository';

/** A subscriber as an email needs them: address, preferences and what they follow (muted platforms left out). */
export interface EmailRecipient {
  id: string;
  email: string;
  unsubscribeToken: string;
  timezone: string;
  plan: string;
  alertsEnabled: boolean;
  digestEnabled: boolean;
  unsubscribedAt: Date | null;
  suppressedAt: Date | null;
  platformIds: string[];
  clauseTypes: string[];
}

/** A change record with its document and platform, as emails show it. */
export interface ChangeRow {
  id: string;
  recordId: string;
  platformId: string;
  platformName: string;
  documentId: string;
  documentTitle: string;
  severity: Severity;
  kind: string;
  summary: string;
  clauses: ClauseChange[];
  clauseTypes: string[];
  capturedAt: Date;
}

/** The changes (record ids) a digest carries, and those it leaves out because they were superseded since they were owed. */
export interface DigestEntries {
  current: string[];
  superseded: string[];
  /** When the earliest of them was owed: the entries lie between it and the period's end (what marks them reads). */
  since: Date;
}

/** A document's monitoring record over a period (the digest's proof of monitoring). */
export interface DocumentMonitoringRow {
  documentId: string;
  platformId: string;
  platformName: string;
  title: string;
  lastVerifiedAt: Date | null;
  checksInPeriod: number;
  /** The outcome and cause of the last check before the period's end (null: never checked). */
  lastOutcome: string | null;
  lastCause: string | null;
}

/** A document's failure, for a monitoring notice. */
export interface IncidentRow {
  platformName: string;
  title: string;
  documentRecordId: string;
  cause: string | null;
}

/**
 * What an email shows, read for a whole claimed batch at once: one query per kind of data (recipients
 * with their follows, the changes each email lists), never one per email.
 */
export class EmailContentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recipients(ids: string[]): Promise<Map<string, EmailRecipient>> {
    if (!ids.length) return new Map();
    const rows: Array<{
      id: string;
      email: string;
      unsubscribe_token: string;
      timezone: string;
      plan: string;
      alerts_enabled: boolean;
      digest_enabled: boolean;
      unsubscribed_at: Date | null;
      suppressed_at: Date | null;
      platform_ids: string[];
      clause_types: string[];
    }> = await this.dataSource.query(
      `SELECT s.id, s.email, s.unsubscribe_token, s.timezone, s.plan, s.alerts_enabled, s.digest_enabled, s.unsubscribed_at, s.suppressed_at,
              coalesce(array_agg(DISTINCT f.platform_id::text) FILTER (WHERE f.platform_id IS NOT NULL AND NOT (f.platform_id = ANY(s.muted_platform_ids))), '{}') AS platform_ids,
              coalesce(array_agg(DISTINCT f.clause_type) FILTER (WHERE f.clause_type IS NOT NULL), '{}') AS clause_types
         FROM subscribers s LEFT JOIN follows f ON f.subscriber_id = s.id
        WHERE s.id = ANY($1::bigint[])
        GROUP BY s.id`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          email: r.email,
          unsubscribeToken: r.unsubscribe_token,
          timezone: r.timezone,
          plan: r.plan,
          alertsEnabled: r.alerts_enabled,
          digestEnabled: r.digest_enabled,
          unsubscribedAt: r.unsubscribed_at,
          suppressedAt: r.suppressed_at,
          platformIds: r.platform_ids,
          clauseTypes: r.clause_types,
        },
      ]),
    );
  }

  /**
   * The changes grouped into each alert email (by email id): those still current, and how many were
   * superseded since they were owed (a back-dated capture replaced the record by technical corrections:
   * no longer news, like a digest's).
   */
  async alertChangeIds(emailIds: string[]): Promise<Map<string, { current: string[]; superseded: number }>> {
    if (!emailIds.length) return new Map();
    const rows: Array<{ email_id: string; ids: string[]; superseded: number }> = await this.dataSource.query(
      `SELECT n.email_id, coalesce(array_agg(n.change_record_id::text ORDER BY n.change_record_id) FILTER (WHERE c.superseded_by IS NULL), '{}') AS ids,
              count(*) FILTER (WHERE c.superseded_by IS NOT NULL)::int AS superseded
         FROM notifications n JOIN change_records c ON c.id = n.change_record_id
        WHERE n.email_id = ANY($1::bigint[]) GROUP BY n.email_id`,
      [emailIds],
    );
    return new Map(rows.map((r) => [r.email_id, { current: r.ids, superseded: r.superseded }]));
  }

  /**
   * What each digest (by email id) carries: its subscriber's digest entries of its period, plus the
   * entries owed before it and still pending, carried over. Those are an entry committed after the
   * previous digest was rendered (its capture began before that period ended), and, before a first
   * digest, everything owed since the subscriber followed (not only the last week's): an owed change is
   * never left pending for good. Entries whose change was superseded since are listed apart: the digest
   * leaves them out, and they are finished as skipped.
   */
  async digestEntries(rows: ClaimedEmail[]): Promise<Map<string, DigestEntries>> {
    if (!rows.length) return new Map();
    const found: Array<{ email_id: string; current: string[]; superseded: string[]; since: Date }> = await this.dataSource.query(
      `WITH r AS (
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]) AS r(email_id, subscriber_id, period_start, period_end)
       ), entries AS (
         -- The period's: index-only (the digest-entries index), about 13 entries a subscriber, no heap page per entry.
         SELECT r.email_id, n.change_record_id, n.created_at FROM r
           JOIN notifications n ON n.subscriber_id = r.subscriber_id AND n.channel = 'digest'
                               AND n.created_at >= r.period_start AND n.created_at < r.period_end
         UNION ALL
         -- Carried over: pending ones owed since the previous digest's period began (a first digest: all of them).
         -- Bounded so: the previous week's entries (about 13 a subscriber) are read from the heap for their status,
         -- not every entry ever owed; a sent entry is never carried twice.
         SELECT r.email_id, n.change_record_id, n.created_at FROM r
           JOIN notifications n ON n.subscriber_id = r.subscriber_id AND n.channel = 'digest' AND n.created_at < r.period_start
                               AND n.created_at >= coalesce((SELECT max(e.period_start) FROM emails e
                                                              WHERE e.subscriber_id = r.subscriber_id AND e.kind = 'digest' AND e.period_start < r.period_start), '-infinity')
          WHERE n.status = 'pending'
       ), judged AS (
         -- A change record superseded by technical corrections (a back-dated capture landed inside it) is no longer news.
         -- The superseded are few (a partial index): one hashed list, not a probe of change_records per entry.
         SELECT email_id, change_record_id, created_at, change_record_id IN (SELECT id FROM change_records WHERE superseded_by IS NOT NULL) AS superseded FROM entries
       )
       SELECT email_id, coalesce(array_agg(change_record_id::text ORDER BY change_record_id) FILTER (WHERE NOT superseded), '{}') AS current,
              coalesce(array_agg(change_record_id::text ORDER BY change_record_id) FILTER (WHERE superseded), '{}') AS superseded,
              min(created_at) AS since
         FROM judged GROUP BY email_id`,
      [rows.map((r) => r.id), rows.map((r) => r.subscriberId), rows.map((r) => r.periodStart), rows.map((r) => r.periodEnd)],
    );
    return new Map(found.map((r) => [r.email_id, { current: r.current, superseded: r.superseded, since: r.since }]));
  }

  async changes(ids: string[]): Promise<ChangeRow[]> {
    if (!ids.length) return [];
    const rows: Array<{
      id: string;
      record_id: string;
      platform_id: string;
      platform_name: string;
      document_id: string;
      document_title: string;
      severity: Severity;
      kind: string;
      summary: string;
      clauses: ClauseChange[];
      clause_types: string[];
      captured_at: Date;
    }> = await this.dataSource.query(
      `SELECT c.id, c.record_id, p.id AS platform_id, p.name AS platform_name, d.id AS document_id, d.title AS document_title,
              c.severity, c.kind, c.summary, c.clauses, c.clause_types, v.captured_at
         FROM change_records c JOIN documents d ON d.id = c.document_id JOIN platforms p ON p.id = d.platform_id
         JOIN versions v ON v.id = c.to_version_id
        WHERE c.id = ANY($1::bigint[])`,
      [ids],
    );
    return rows.map((r) => ({
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
    }));
  }

  /** Every active document's monitoring record as of the end of a period, by platform name and title. */
  async documentMonitoring(start: Date, end: Date): Promise<DocumentMonitoringRow[]> {
    const rows: Array<{ id: string; platform_id: string; platform_name: string; title: string; last_ok: Date | null; checks: number; last_outcome: string | null; last_cause: string | null }> =
      await this.dataSource.query(
        `SELECT d.id, d.platform_id, p.name AS platform_name, d.title,
                (SELECT max(c.started_at) FROM checks c WHERE c.document_id = d.id AND c.outcome IN ('ok', 'not-modified') AND c.started_at < $2) AS last_ok,
                (SELECT count(*)::int FROM checks c WHERE c.document_id = d.id AND c.started_at >= $1 AND c.started_at < $2) AS checks,
                last.outcome AS last_outcome, last.cause AS last_cause
           FROM documents d JOIN platforms p ON p.id = d.platform_id
           LEFT JOIN LATERAL (SELECT c.outcome, c.cause FROM checks c WHERE c.document_id = d.id AND c.started_at < $2 ORDER BY c.started_at DESC LIMIT 1) last ON true
          WHERE d.active AND d.created_at < $2
          ORDER BY p.name, d.title`,
        [start, end],
      );
    return rows.map((r) => ({
      documentId: r.id,
      platformId: r.platform_id,
      platformName: r.platform_name,
      title: r.title,
      lastVerifiedAt: r.last_ok,
      checksInPeriod: r.checks,
      lastOutcome: r.last_outcome,
      lastCause: r.last_cause,
    }));
  }

  /** The document and its incident that started at `startedAt` (null when the document is gone). */
  async incident(documentId: string, startedAt: Date): Promise<IncidentRow | null> {
    const [found]: Array<{ platform_name: string; title: string; record_id: string; cause: string | null }> = await this.dataSource.query(
      `SELECT p.name AS platform_name, d.title, d.record_id, i.cause
         FROM documents d JOIN platforms p ON p.id = d.platform_id
         LEFT JOIN document_incidents i ON i.document_id = d.id AND date_trunc('milliseconds', i.started_at) = date_trunc('milliseconds', $2::timestamptz)
        WHERE d.id = $1`,
      [documentId, startedAt],
    );
    return found ? { platformName: found.platform_name, title: found.title, documentRecordId: found.record_id, cause: found.cause } : null;
  }
}
