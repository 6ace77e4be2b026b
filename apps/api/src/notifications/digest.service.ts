import { ClaimedEmail, DigestsRepository, DigestSlot, DueDigest } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { digestWeekKey, latestDigestSlot } from './digest.schedule';
import { EmailComposer } from './email.composer';
import type { Email } from './email.sender';

/** Subscribers looked at (and their digest rows written) per statement: also the CLI's progress step. */
const PAGE = 1000;
/** Digests owed in one run past which the emails table's planner statistics are refreshed. */
const ANALYZE_AFTER = 1000;

export interface DigestRun {
  /** Subscribers looked at (subscribed, digest on, following something). */
  subscribers: number;
  /** Digests due at that instant and not yet owed. */
  due: number;
  /** Digest rows written (0 in a dry run). */
  created: number;
  /** Dry run only: the digests built (rendered) in memory. */
  built: number;
}

/**
 * Owes each subscriber's weekly digest when its slot has come (their digest day, 08:00 in their zone).
 * The row's dedupe key `digest:<subscriber>:<ISO week>` is unique: however often this runs, on however
 * many processes, a subscriber gets one digest a week. Delivery then sends it like any email.
 * The schedule runs once per (time zone, digest day) group; each page of subscribers is owed by one
 * set-based statement (no per-subscriber query).
 */
@Injectable()
export class DigestService {
  private readonly digests: DigestsRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    private readonly composer: EmailComposer,
  ) {
    this.digests = new DigestsRepository(dataSource);
  }

  async buildDue(at: Date, options: { dryRun?: boolean; onProgress?: (done: number, run: DigestRun) => void; onBuilt?: (email: Email) => void } = {}): Promise<DigestRun> {
    const run: DigestRun = { subscribers: 0, due: 0, created: 0, built: 0 };
    const slots = await this.slotsAt(at);
    let cursor = '0';
    for (;;) {
      const page = await this.digests.owePage(slots, cursor, PAGE, options.dryRun);
      if (!page.lastId) break;
      cursor = page.lastId;
      run.subscribers += page.subscribers;
      run.created += page.created;
      run.due += options.dryRun ? page.due.length : page.created;
      if (page.due.length) await this.buildInMemory(page.due, run, options.onBuilt);
      options.onProgress?.(run.subscribers, run);
    }
    // Thousands of new unfinished emails at once: without fresh statistics the senders' claim believes
    // few are due and reads them all to pick 100 (15 ms a claim at 20,000 due, 4 ms after ANALYZE).
    if (run.created >= ANALYZE_AFTER) await this.digests.refreshStatistics();
    return run;
  }

  /** Each (time zone, digest day) group's latest slot at `at`, by the schedule's pure functions. */
  private async slotsAt(at: Date): Promise<DigestSlot[]> {
    return (await this.digests.slotGroups()).map((group) => {
      const slot = latestDigestSlot(at, group.timezone, group.digestDay);
      return { ...group, slot, weekKey: digestWeekKey(slot, group.timezone) };
    });
  }

  /** `--dry-run`: renders the digests that would go out, writing nothing. */
  private async buildInMemory(owed: DueDigest[], run: DigestRun, onBuilt?: (email: Email) => void): Promise<void> {
    for (let i = 0; i < owed.length; i += 100) {
      const rows: ClaimedEmail[] = owed.slice(i, i + 100).map((o, j) => ({
        id: `-${i + j + 1}`,
        subscriberId: o.subscriberId,
        kind: 'digest',
        idempotencyKey: `cw-digest-${o.subscriberId}-${o.weekKey}`,
        batchKey: null,
        attempts: 0,
        firstAttemptAt: new Date(),
        periodStart: o.periodStart,
        periodEnd: o.periodEnd,
        documentId: null,
      }));
      for (const composed of await this.composer.compose(rows)) {
        if ('email' in composed) {
          run.built++;
          onBuilt?.(composed.email);
        }
      }
    }
  }
}
