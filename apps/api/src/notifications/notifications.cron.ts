import { EmailsRepository } from '@clausewatch/db';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AlertsService } from './alerts.service';
import { DigestService } from './digest.service';
import { MonitoringService } from './monitoring.service';
import { NotificationsJobs } from './notifications.jobs';

/**
 * Only ticks: turns owed alerts into emails, opens and closes monitoring incidents, owes the digests
 * whose slot has come, and wakes a sender job when something is due. Each step's error is logged
 * and the others go on.
 */
@Injectable()
export class NotificationsCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsCron.name);
  private ticks = 0;
  private busy = false;

  constructor(
    private readonly alerts: AlertsService,
    private readonly monitoring: MonitoringService,
    private readonly digests: DigestService,
    private readonly emails: EmailsRepository,
    private readonly jobs: NotificationsJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.start();
  }

  @Interval(5_000)
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const minute = this.ticks++ % 12 === 0;
      await this.step('alerts', () => this.alerts.groupPending());
      if (minute) {
        await this.step('monitoring', () => this.monitoring.tick());
        await this.step('digests', () => this.digests.buildDue(new Date()));
      }
      await this.step('delivery', async () => {
        if ((await this.emails.countDue()) > 0) await this.jobs.kick();
      });
    } finally {
      this.busy = false;
    }
  }

  private async step(name: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ step: name, error: error instanceof Error ? error.message : String(error) }, 'notifications tick step failed');
    }
  }
}
