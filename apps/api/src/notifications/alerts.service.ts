import { EmailsRepository } from '@clausewatch/db';
import { Injectable, Logger } from '@nestjs/common';
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
    private readonly emails: EmailsRepository,
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
  groupPending(): Promise<number> {
    return this.emails.groupPendingAlerts(ALERT_GROUPING_MINUTES);
  }
}
