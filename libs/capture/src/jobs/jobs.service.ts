import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { ConfirmationScheduler } from '../pipeline/confirm-capture.use-case';

/**
 * A check job not completed within this is taken for the job of a dead worker and handed out again:
 * with maintenance every 10 s, a killed crawler's job is back within a minute. A check that is merely
 * slow (a politeness wait, a slow host, a large page waiting for the extraction thread) outlives its job
 * too, and pg-boss 10 has no heartbeat to tell it from a dead one: the job handed out again finds the
 * check marked as running (RunningChecksRepository, a mark that dies with its process) and ends without
 * fetching. (pg-boss 12's heartbeatSeconds would let the job itself stay alive instead.)
 */
export const CHECK_JOB_EXPIRE_SECONDS = 30;
export const JOB_MAINTENANCE_SECONDS = 10;

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

const DEADLOCK_DETECTED = '40P01';

/**
 * Creates a queue (a no-op when it exists). Processes that start together (API x2, crawler xN) create
 * the same queues at once, and PostgreSQL may end one of the concurrent creations as a deadlock victim:
 * that one tries again after a short random pause instead of failing its process's start.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 200));
    }
  }
}

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
      // Maintenance moves the jobs of a killed worker (past their expiry) back to the queue.
      const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4, application_name: 'clausewatch-jobs', maintenanceIntervalSeconds: JOB_MAINTENANCE_SECONDS });
      boss.on('error', (error) => this.logger.error({ err: error.message }, 'pg-boss error'));
      await boss.start();
      // One retry, for a job whose worker died: its expiry returns it; failed checks are retried by CheckWorker.
      const check = { name: QUEUES.check, policy: 'stately' as const, retryLimit: 1, retryDelay: 0, expireInSeconds: CHECK_JOB_EXPIRE_SECONDS };
      await ensureQueue(boss, QUEUES.check, check);
      await boss.updateQueue(QUEUES.check, check);
      await ensureQueue(boss, QUEUES.confirm, { name: QUEUES.confirm, policy: 'standard', retryLimit: 3, retryDelay: 30, retryBackoff: true });
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  async enqueueCheck(job: CheckJob, delaySeconds = 0): Promise<boolean> {
    const boss = await this.client();
    const id = await boss.send(QUEUES.check, job, { singletonKey: job.documentId, startAfter: delaySeconds, expireInSeconds: CHECK_JOB_EXPIRE_SECONDS });
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
