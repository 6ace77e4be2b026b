import type { ClauseChange, Severity } from '@clausewatch/analyzer';
import { DataSource } from 'typeorm';

/** A subscriber as an email needs them: where to write, what they follow and may receive. */
export interface EmailSubscriberRow {
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
}

/** A change record as an email shows it. */
export interface EmailChangeRow {
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
}

/** Every active document's monitoring record over a period (a digest's monitoring section). */
export type DocumentMonitoringRow = { id: string; platform_id: string; platform_name: string; title: string; last_ok: Date | null; checks: number; last_outcome: string | null; last_cause: string | null };

/** What the emails read: subscribers, the changes an email covers, monitoring records and notices. */
export class EmailContentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** These subscribers with the platforms (not muted) and clause types they follow. */
  subscribers(ids: string[]): Promise<EmailSubscriberRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.email, s.unsubscribe_token, s.timezone, s.plan, s.alerts_enabled, s.digest_enabled, s.unsubscribed_at, s.suppressed_at,
              coalesce((SELECT array_agg(f.platform_id::text) FROM follows f WHERE f.subscriber_id = s.id AND f.platform_id IS NOT NULL
                          AND NOT (f.platform_id = ANY(s.muted_platform_ids))), '{}') AS platform_ids,
              coalesce((SELECT array_agg(f.clause_type) FROM follows f WHERE f.subscriber_id = s.id AND f.clause_type IS NOT NULL), '{}') AS clause_types
         FROM subscribers s WHERE s.id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /** The change records each alert email covers (its grouped notifications). */
  alertChangeIds(emailIds: string[]): Promise<Array<{ email_id: string; ids: string[] }>> {
    return this.dataSource.query(
      `SELECT email_id, array_agg(change_record_id::text ORDER BY change_record_id) AS ids FROM notifications WHERE email_id = ANY($1::bigint[]) GROUP BY email_id`,
      [emailIds],
    );
  }

  /** The digest entries owed to each digest email's subscriber within its period. */
  digestChangeIds(emails: Array<{ id: string; subscriberId: string; periodStart: Date | null; periodEnd: Date | null }>): Promise<Array<{ email_id: string; ids: string[] }>> {
    return this.dataSource.query(
      `SELECT r.email_id, array_agg(n.change_record_id::text ORDER BY n.change_record_id) AS ids
         FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]) AS r(email_id, subscriber_id, period_start, period_end)
         JOIN notifications n ON n.subscriber_id = r.subscriber_id AND n.channel = 'digest'
                             AND n.created_at >= r.period_start AND n.created_at < r.period_end
        GROUP BY r.email_id`,
      [emails.map((r) => r.id), emails.map((r) => r.subscriberId), emails.map((r) => r.periodStart), emails.map((r) => r.periodEnd)],
    );
  }

  changes(ids: string[]): Promise<EmailChangeRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.record_id, p.id AS platform_id, p.name AS platform_name, d.id AS document_id, d.title AS document_title,
              c.severity, c.kind, c.summary, c.clauses, c.clause_types, v.captured_at
         FROM change_records c JOIN documents d ON d.id = c.document_id JOIN platforms p ON p.id = d.platform_id
         JOIN versions v ON v.id = c.to_version_id
        WHERE c.id = ANY($1::bigint[])`,
      [ids],
    );
  }

  documentMonitoring(start: Date, end: Date): Promise<DocumentMonitoringRow[]> {
    return this.dataSource.query(
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
  }

  /** The document a monitoring notice is about, with the cause of the incident that started at `startedAt`. */
  async noticeDocument(documentId: string | null, startedAt: Date | null): Promise<{ platform_name: string; title: string; record_id: string; cause: string | null } | null> {
    const [found] = await this.dataSource.query(
      `SELECT p.name AS platform_name, d.title, d.record_id, i.cause
         FROM documents d JOIN platforms p ON p.id = d.platform_id
         LEFT JOIN document_incidents i ON i.document_id = d.id AND date_trunc('milliseconds', i.started_at) = date_trunc('milliseconds', $2::timestamptz)
        WHERE d.id = $1`,
      [documentId, startedAt],
    );
    return found ?? null;
  }
}
