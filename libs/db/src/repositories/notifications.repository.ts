import { DataSource, EntityManager } from 'typeorm';
import { Notification, NotificationChannel } from '../entities';

export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Owes the change to each subscriber once per channel; replays insert nothing. */
  async enqueue(
    rows: Array<{ subscriberId: string; changeRecordId: string; channel: NotificationChannel }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    let inserted = 0;
    for (const row of rows) {
      const result: unknown[] = await manager.query(
        `INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [row.subscriberId, row.changeRecordId, row.channel, `cw-${row.channel}-${row.changeRecordId}-${row.subscriberId}`],
      );
      inserted += result.length;
    }
    return inserted;
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
