import { SEVERITY_ORDER } from '@clausewatch/analyzer';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecord } from '../entities';

/** What a change may owe, decided by the capture plan (see the capture planner's alert eligibility). */
export interface OweOptions {
  /** Owe anything at all (false for a capture older than a week). */
  alert: boolean;
  /** Owe same-day alerts too (false for a back-dated capture older than the document's latest version). */
  sameDayAlert: boolean;
}

export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Owes a confirmed change to everyone who follows its platform or one of its clause types, at or
   * above their minimum severity, in one set-based statement inside the capture transaction: a digest
   * row for every such subscriber, an alert row for the plans with same-day alerts. Replays insert
   * nothing (one row per subscriber, change and channel). `alert: false` owes nothing at all (a
   * capture older than a week); `sameDayAlert: false` owes the digest only (a back-dated capture).
   * Unsubscribed, suppressed and muted (per-platform unsubscribe) addresses are owed nothing; alerts
   * only while the subscriber has them on, digests only while the digest is on.
   */
  async oweForChange(
    manager: EntityManager,
    change: Pick<ChangeRecord, 'id' | 'documentId' | 'severity' | 'clauseTypes'>,
    options: OweOptions,
  ): Promise<number> {
    if (!options.alert) return 0;
    const rows: unknown[] = await manager.query(
      // Driven by the change's followers (the follows indexes), never by a scan of every subscriber.
      `WITH c AS (
         SELECT c.id, c.severity, c.clause_types, d.platform_id FROM change_records c JOIN documents d ON d.id = c.document_id WHERE c.id = $1
       ), followers AS MATERIALIZED (
         SELECT f.subscriber_id FROM follows f JOIN c ON f.platform_id = c.platform_id WHERE f.paused_at IS NULL
         UNION
         SELECT f.subscriber_id FROM follows f JOIN c ON f.clause_type IS NOT NULL AND c.clause_types ? f.clause_type WHERE f.paused_at IS NULL
         UNION
         SELECT f.subscriber_id FROM follows f JOIN c ON f.regulation_types IS NOT NULL
            AND f.regulation_types ?| ARRAY(SELECT jsonb_array_elements_text(c.clause_types)) WHERE f.paused_at IS NULL
       )
       INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key)
       SELECT s.id, c.id, ch.channel, 'cw-' || ch.channel || '-' || c.id || '-' || s.id
         FROM followers
         JOIN subscribers s ON s.id = followers.subscriber_id
         CROSS JOIN c
         CROSS JOIN (VALUES ('digest'), ('alert')) AS ch(channel)
        WHERE s.unsubscribed_at IS NULL AND s.suppressed_at IS NULL
          AND array_position($3::text[], c.severity) >= array_position($3::text[], s.min_severity)
          AND NOT (c.platform_id = ANY(s.muted_platform_ids))
          AND ((ch.channel = 'digest' AND s.digest_enabled)
            OR (ch.channel = 'alert' AND $2 AND s.plan <> 'free' AND s.alerts_enabled))
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [change.id, options.sameDayAlert, [...SEVERITY_ORDER]],
    );
    return rows.length;
  }
}
