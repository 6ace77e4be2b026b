import { CheckDocument, CheckJob, ConfirmCapture, ConfirmJob, JobsService, QUEUES, retryDelayMs } from '@clausewatch/capture';
import { Document, DocumentsRepository, RunningChecksRepository } from '@clausewatch/db';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { HostPolitenessService } from '../politeness/host-politeness.service';

const MAX_ATTEMPTS = 5;
/** Fetches in flight per crawler process (across different hosts). */
const WORKERS = 4;
/** How long a worker that found the queue empty waits before asking again. */
const POLL_SECONDS = 2;
/** A slot further away than this is not waited for: the job goes back to the queue for then. */
const MAX_WAIT_MS = 30_000;

/** Runs check and confirmation jobs; several crawler processes may run this at once. */
@Injectable()
export class CheckWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(CheckWorker.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly checks: CheckDocument,
    private readonly confirmation: ConfirmCapture,
    private readonly documents: DocumentsRepository,
    private readonly politeness: HostPolitenessService,
    private readonly runningChecks: RunningChecksRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.jobs.client();
    for (let i = 0; i < WORKERS; i++) {
      let workerId = '';
      workerId = await boss.work<CheckJob>(QUEUES.check, { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
        try {
          await this.runCheck(job);
        } finally {
          // A job was there, so more may be: fetch the next at once instead of after the polling interval
          // (which would cap each worker at one check per interval). An empty queue still waits the interval.
          boss.notifyWorker(workerId);
        }
      });
    }
    await boss.work<ConfirmJob>(QUEUES.confirm, { batchSize: 1, pollingIntervalSeconds: 2 }, ([job]) => this.runConfirm(job));
  }

  /**
   * Re-reads the document (payloads carry IDs only) and skips one that is gone or paused, or whose check
   * is still running. pg-boss hands out again a job that outlived its expiry (it takes it for a dead
   * worker's), and the next cycle's tick finds a document due until its running check writes its row: such
   * a job ends here without fetching, and the running check records the cycle.
   */
  async runCheck(job: PgBoss.Job<CheckJob>): Promise<void> {
    const document = await this.documents.findById(job.data.documentId);
    if (!document || !document.active) return;
    const running = await this.runningChecks.start(document.id);
    if (!running) {
      this.logger.log({ documentId: document.recordId, jobId: job.id, trigger: job.data.trigger }, 'check still running: job ends without fetching');
      return;
    }
    try {
      await this.checkWhileMarked(document, job);
    } finally {
      await running.end();
    }
  }

  private async checkWhileMarked(document: Document, job: PgBoss.Job<CheckJob>): Promise<void> {
    const { documentId, attempt } = job.data;
    // A scheduled job queued twice (two ticks racing a check) fetches once per cycle.
    if (job.data.trigger === 'schedule' && !(await this.documents.isDue(documentId))) return;
    if (!(await this.waitForSlot(document, (delaySeconds) => this.jobs.enqueueCheck(job.data, delaySeconds)))) return;
    const result = await this.checks.check(document, job.data.trigger, attempt);
    if (result.outcome !== 'ok' && result.outcome !== 'not-modified') {
      const retry = result.transient && attempt < MAX_ATTEMPTS;
      this.logger.warn({ documentId: document.recordId, jobId: job.id, outcome: result.outcome, cause: result.cause, attempt, retry }, 'check failed');
      if (retry) await this.jobs.enqueueCheck({ documentId, trigger: 'retry', attempt: attempt + 1 }, Math.ceil(retryDelayMs(attempt) / 1000));
    } else if (result.created) {
      this.logger.log({ documentId: document.recordId, jobId: job.id, versionId: result.version?.recordId, changeId: result.change?.recordId, kind: result.change?.kind, severity: result.change?.severity }, 'new version');
    }
  }

  /**
   * Waits for the next politeness slot of every host the document fetches from (a combined document's
   * sources may be on several); a slot further away than MAX_WAIT_MS is not waited for: `requeue` puts
   * the job back for then, and false says so.
   */
  private async waitForSlot(document: Document, requeue: (delaySeconds: number) => Promise<unknown>): Promise<boolean> {
    const waitMs = await this.politeness.reserveFor(document);
    if (waitMs > MAX_WAIT_MS) {
      await requeue(Math.ceil(waitMs / 1000));
      return false;
    }
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return true;
  }

  /** The confirmation job: the one use case the admin route calls too. A transient failure throws, so pg-boss retries. */
  async runConfirm(job: PgBoss.Job<ConfirmJob>): Promise<void> {
    const { documentId, versionId } = job.data;
    const document = await this.documents.findById(documentId);
    // The confirmation fetch is a request to the host like any other: it takes a politeness slot too.
    if (document && !(await this.waitForSlot(document, (delaySeconds) => this.jobs.scheduleConfirmation(documentId, versionId, delaySeconds)))) return;
    const result = await this.confirmation.confirmCapture(job.data.documentId, job.data.versionId);
    if (result.retry) throw new Error(`confirmation fetch failed (${result.outcome}): ${result.cause ?? ''}`);
  }
}
