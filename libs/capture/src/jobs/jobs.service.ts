import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { ConfirmationScheduler } from '../pipeline/confirm-capture.use-case';

export const QUEUES = {
  /** Check one document; singleton per document so several crawlers never fetch it twice at once. */
  check: 'check-document',
  /** Fetch a new text again after the confirmation delay. */
  confirm: 'confirm-version',
} as const;

export interface CheckJob {
  documentId: string;
  trigger: 'schedule' | 'retry';
  attempt: number;
}

export interface ConfirmJob {
  documentId: string;
  versionId: string;
}

export const DATABASE_CONNECTION_URL = Symbol('DATABASE_CONNECTION_URL');

/** Durable jobs in PostgreSQL (pg-boss). Payloads carry IDs only; handlers re-read state. */
@Injectable()
export class JobsService implements ConfirmationScheduler, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @Inject(DATABASE_CONNECTION_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts pg-boss once (it creates its own `pgboss` schema on first use). */
  async client(): Promise<PgBoss> {
    if (this.boss) return this.boss;
    this.starting ??= (async () => {
      const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4, application_name: 'clausewatch-jobs' });
      boss.on('error', (error) => this.logger.error({ err: error.message }, 'pg-boss error'));
      await boss.start();
      await boss.createQueue(QUEUES.check, { name: QUEUES.check, policy: 'stately', retryLimit: 0 });
      await boss.createQueue(QUEUES.confirm, { name: QUEUES.confirm, policy: 'standard', retryLimit: 3, retryDelay: 30, retryBackoff: true });
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  async enqueueCheck(job: CheckJob, delaySeconds = 0): Promise<boolean> {
    const boss = await this.client();
    const id = await boss.send(QUEUES.check, job, { singletonKey: job.documentId, startAfter: delaySeconds, expireInSeconds: Math.ceil(this.config.fetchTimeoutMs / 1000) * 4 + 60 });
    return id !== null;
  }

  async scheduleConfirmation(documentId: string, versionId: string, delaySeconds: number): Promise<void> {
    const boss = await this.client();
    const job: ConfirmJob = { documentId, versionId };
    await boss.send(QUEUES.confirm, job, { singletonKey: versionId, startAfter: Math.max(0, delaySeconds) });
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (boss) await boss.stop({ graceful: true, timeout: 10000 });
  }
}
