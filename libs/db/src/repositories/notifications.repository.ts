import { SEVERITY_ORDER } from '@clausewatch/analyzer';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecord, Notification, NotificationChannel } from '../entities';


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
   */
  async oweForChange(
    manager: EntityManager,
    change: Pick<ChangeRecord, 'id' | 'documentId' | 'severity' | 'clauseTypes'>,
    options: OweOptions,
  ): Promise<number> {
    if (!options.alert) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key)
       SELECT r.id, $1::bigint, c.channel, 'cw-' || c.channel || '-' || $1::text || '-' || r.id
         FROM (SELECT DISTINCT s.id, s.plan
                 FROM subscribers s
                 JOIN follows f ON f.subscriber_id = s.id
                 JOIN documents d ON d.id = $2::bigint
                WHERE s.unsubscribed_at IS NULL AND f.paused_at IS NULL
                  AND (f.platform_id = d.platform_id OR f.clause_type = ANY($3::text[]) OR f.regulation_types ?| $3::text[])
                  AND array_position($5::text[], s.min_severity) <= array_position($5::text[], $4::text)) r
         CROSS JOIN LATERAL (VALUES ('digest'), ('alert')) AS c(channel)
        WHERE c.channel = 'digest' OR ($6::boolean AND r.plan <> 'free')
       ON CONFLICT DO NOTHING RETURNING id`,
      [change.id, change.documentId, change.clauseTypes, change.severity, [...SEVERITY_ORDER], options.sameDayAlert],
    );
    return rows.length;
  }

  /**
   * Claims up to `limit` pending notifications of a channel for sending. `FOR UPDATE SKIP LOCKED`
   * inside the caller's transaction keeps two senders from taking the same row.
   */
  claimPending(channel: NotificationChannel, limit: number, manager: EntityManager): Promise<Notification[]> {
    return manager
      .createQueryBuilder(Notification, 'n')
      .where('n.channel = :channel AND n.status = :status', { channel, status: 'pending' })
      .orderBy('n.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markSent(id: string, providerMessageId: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1, provider_message_id = $2, last_error = NULL WHERE id = $1`,
      [id, providerMessageId],
    );
  }

  async markFailed(id: string, error: string, giveUp: boolean, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE notifications SET status = $3, attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 2000),
      giveUp ? 'failed' : 'pending',
    ]);
  }

  listForChange(changeRecordId: string): Promise<Notification[]> {
    return this.dataSource.manager.find(Notification, { where: { changeRecordId }, order: { id: 'ASC' } });
  }
}
