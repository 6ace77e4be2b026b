import { JobsService } from '@clausewatch/capture';
import { Injectable, Logger } from '@nestjs/common';
import { DeliveryService } from './delivery.service';

/** pg-boss queue of the email senders: a job drains every email due (stately: one queued, one running). */
export const DELIVERY_QUEUE = 'deliver-emails';

@Injectable()
export class NotificationsJobs {
  private readonly logger = new Logger(NotificationsJobs.name);
  private started: Promise<void> | null = null;

  constructor(
    private readonly jobs: JobsService,
    private readonly delivery: DeliveryService,
  ) {}

  /** Creates the queue and starts working it in this process (idempotent). */
  start(): Promise<void> {
    this.started ??= (async () => {
      const boss = await this.jobs.client();
      await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: 'stately', retryLimit: 0, expireInSeconds: 3600 });
      await boss.work(DELIVERY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async () => {
        const sent = await this.delivery.drain();
        if (sent) this.logger.log({ sent }, 'emails delivered');
      });
    })();
    return this.started;
  }

  /** Kicks only when this process already works the queue (tests without ticks drive sending themselves). */
  async kickIfStarted(): Promise<void> {
    if (this.started) await this.kick();
  }

  /** Asks a sender to run now (a no-op when one is already queued). */
  async kick(): Promise<void> {
    await this.start();
    const boss = await this.jobs.client();
    await boss.send(DELIVERY_QUEUE, {});
  }
}
