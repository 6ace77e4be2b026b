import { EmailsRepository, type ClaimedEmail } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { dueDigest } from './digest.schedule';
import { EmailComposer } from './email.composer';
import type { Email } from './email.sender';

/** Subscribers read (and digest rows written) per round trip. */
const PAGE = 1000;

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
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly composer: EmailComposer,
  ) {}

  async buildDue(at: Date, options: { dryRun?: boolean; onProgress?: (done: number, run: DigestRun) => void; onBuilt?: (email: Email) => void } = {}): Promise<DigestRun> {
    const run: DigestRun = { subscribers: 0, due: 0, created: 0, built: 0 };
    let cursor = '0';
    for (;;) {
      const page = await this.emails.digestSubscribersAfter(cursor, PAGE);
      if (!page.length) break;
      cursor = page[page.length - 1].id;
      run.subscribers += page.length;
      const owed = page.flatMap((s) => {
        const due = dueDigest(at, { timezone: s.timezone, digestDay: s.digest_day, createdAt: s.created_at, lastPeriodEnd: s.last_end });
        return due ? [{ subscriberId: s.id, ...due }] : [];
      });
      if (owed.length) {
        const keys = owed.map((o) => `digest:${o.subscriberId}:${o.weekKey}`);
        if (options.dryRun) {
          const taken = await this.emails.takenDedupeKeys(keys);
          const fresh = owed.filter((_, i) => !taken.has(keys[i]));
          run.due += fresh.length;
          await this.buildInMemory(fresh, run, options.onBuilt);
        } else {
          const created = await this.emails.createDigestEmails(owed.map((o, i) => ({ subscriberId: o.subscriberId, dedupeKey: keys[i], periodStart: o.periodStart, periodEnd: o.periodEnd })));
          run.due += created;
          run.created += created;
        }
      }
      options.onProgress?.(run.subscribers, run);
    }
    return run;
  }

  /** `--dry-run`: renders the digests that would go out, writing nothing. */
  private async buildInMemory(owed: Array<{ subscriberId: string; weekKey: string; periodStart: Date; periodEnd: Date }>, run: DigestRun, onBuilt?: (email: Email) => void): Promise<void> {
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
