import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationsJobs } from './notifications.jobs';

/** Several alerts for one subscriber within this window go out as one email. */
export const ALERT_GROUPING_MINUTES = 10;

/**
 * Turns owed same-day alerts into emails. A subscriber's first alert goes out at once; alerts owed
 * within 10 minutes of their previous alert email wait and go out together in one email when the
 * 10 minutes are over. One statement: safe with several API processes (the dedupe key is unique).
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly jobs: NotificationsJobs,
  ) {}

  /** After a change was recorded here: group its alerts now and wake a sender (when this process runs them). */
  sendPendingSoon(): void {
    this.running = this.running
      .then(async () => {
        if ((await this.groupPending()) > 0) await this.jobs.kickIfStarted();
      })
      .catch((error) => this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'grouping alerts failed'));
  }

  /** Resolves when the background grouping started by `sendPendingSoon` is done (tests, shutdown). */
  idle(): Promise<unknown> {
    return this.running;
  }

  /** Returns how many alert emails it created. */
  async groupPending(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH due AS (
         SELECT n.subscriber_id, min(n.id) AS first_id
           FROM notifications n
          WHERE n.channel = 'alert' AND n.status = 'pending' AND n.email_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.subscriber_id = n.subscriber_id AND e.kind = 'alert'
                              AND e.created_at > now() - make_interval(mins => $1))
          GROUP BY n.subscriber_id
       ), created AS (
         INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key)
         SELECT subscriber_id, 'alert', 'alert:' || first_id, 'cw-alert-' || first_id FROM due
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, subscriber_id
       )
       , assigned AS (
         UPDATE notifications n SET email_id = c.id FROM created c
          WHERE n.subscriber_id = c.subscriber_id AND n.channel = 'alert' AND n.status = 'pending' AND n.email_id IS NULL
         RETURNING c.id
       )
       SELECT id FROM created`,
      [ALERT_GROUPING_MINUTES],
    );
    return new Set(rows.map((r) => (r as { id: string }).id)).size;
  }
}
