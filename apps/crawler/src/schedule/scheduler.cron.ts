import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { JobsService } from '@clausewatch/capture';
import { DocumentsRepository, LedgerService } from '@clausewatch/db';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** How many due documents one tick enqueues at most. */
const BATCH = 500;

/**
 * Ticks only: finds due documents and enqueues one check job each (singleton per document), catching
 * each item's error, and signs a tree head if the ledger grew without one. The work runs in the pg-boss workers, in this or any other crawler process.
 */
@Injectable()
export class SchedulerCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerCron.name);
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsRepository,
    private readonly jobs: JobsService,
    private readonly ledger: LedgerService,
  ) {}

  onApplicationBootstrap(): void {
    // The interval comes from config, so it is set here rather than with a static @Interval decorator.
    this.timer = setInterval(() => void this.tick(), this.config.schedulerTickSeconds * 1000);
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    if (this.ticking) return 0;
    this.ticking = true;
    let enqueued = 0;
    try {
      const due = await this.documents.findDue(BATCH);
      for (const { id } of due) {
        try {
          if (await this.jobs.enqueueCheck({ documentId: id, trigger: 'schedule', attempt: 1 })) enqueued++;
        } catch (error) {
          this.logger.error({ documentId: id, err: error instanceof Error ? error.message : String(error) }, 'could not enqueue a due document');
        }
      }
      if (enqueued) this.logger.log({ enqueued }, 'due documents enqueued');
      // Growth that a failed signing after a capture left without a signed head.
      await this.ledger.signTreeHead();
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'scheduler tick failed');
    } finally {
      this.ticking = false;
    }
    return enqueued;
  }
}
