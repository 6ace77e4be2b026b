import type { ClaimedEmail } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly composer: EmailComposer,
  ) {}

  async buildDue(at: Date, options: { dryRun?: boolean; onProgress?: (done: number, run: DigestRun) => void; onBuilt?: (email: Email) => void } = {}): Promise<DigestRun> {
    const run: DigestRun = { subscribers: 0, due: 0, created: 0, built: 0 };
    let cursor = '0';
    for (;;) {
      const page: Array<{ id: string; timezone: string; digest_day: number; created_at: Date; last_end: Date | null }> = await this.dataSource.query(
        `SELECT s.id, s.timezone, s.digest_day, s.created_at,
                (SELECT max(e.period_end) FROM emails e WHERE e.subscriber_id = s.id AND e.kind = 'digest') AS last_end
           FROM subscribers s
          WHERE s.id > $1 AND s.unsubscribed_at IS NULL AND s.suppressed_at IS NULL AND s.digest_enabled
            AND EXISTS (SELECT 1 FROM follows f WHERE f.subscriber_id = s.id)
          ORDER BY s.id LIMIT $2`,
        [cursor, PAGE],
      );
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
          const existing: Array<{ dedupe_key: string }> = await this.dataSource.query(`SELECT dedupe_key FROM emails WHERE dedupe_key = ANY($1)`, [keys]);
          const taken = new Set(existing.map((r) => r.dedupe_key));
          const fresh = owed.filter((_, i) => !taken.has(keys[i]));
          run.due += fresh.length;
          await this.buildInMemory(fresh, run, options.onBuilt);
        } else {
          const inserted: unknown[] = await this.dataSource.query(
            `INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key, period_start, period_end)
             SELECT r.subscriber_id, 'digest', r.dedupe_key, 'cw-' || replace(r.dedupe_key, ':', '-'), r.period_start, r.period_end
               FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS r(subscriber_id, dedupe_key, period_start, period_end)
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
            [owed.map((o) => o.subscriberId), keys, owed.map((o) => o.periodStart), owed.map((o) => o.periodEnd)],
          );
          run.due += inserted.length;
          run.created += inserted.length;
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
