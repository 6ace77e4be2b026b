import { DataSource, EntityManager } from 'typeorm';
import { EmailMessage } from '../entities';

/** A claimed email, with what a sender needs to render and send it. */
export interface ClaimedEmail {
  id: string;
  subscriberId: string;
  kind: EmailMessage['kind'];
  idempotencyKey: string;
  batchKey: string | null;
  attempts: number;
  firstAttemptAt: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  documentId: string | null;
}

interface ClaimedRow {
  id: string;
  subscriber_id: string;
  kind: EmailMessage['kind'];
  idempotency_key: string;
  batch_key: string | null;
  attempts: number;
  first_attempt_at: Date;
  period_start: Date | null;
  period_end: Date | null;
  document_id: string | null;
}

/** Why a notification the email was to carry was left out of it (as the composer leaves it out). */
const SUPERSEDED_BEFORE_SENT = 'superseded by technical corrections (a back-dated capture) before the email was sent';

/**
 * The digest entries an email carried, or was to carry, exactly as its composer read them when it was
 * rendered (an entry committed later was not in it: it stays pending and goes in the next digest).
 */
export interface CarriedDigestEntries {
  subscriberId: string;
  /** Change record ids the digest listed. */
  current: string[];
  /** Change record ids it left out, their change superseded since it was owed. */
  superseded: string[];
  /** The entries were owed from `since` (the earliest of them) until `until` (the period's end). */
  since: Date;
  until: Date;
}

/**
 * The pending notifications the emails `$1` carry, with whether their change was superseded: an
 * alert's name their email; a digest's are the entries its composer read: per digest, its subscriber's
 * entries owed between `$4`…`$6` (subscriber, since, until: one range of the digest-entries index, as the
 * composer read them), those of them named by `$7`…`$9` (subscriber, change record, left out as
 * superseded), so the whole batch is one set. A digest's entries are not given its email ID: the
 * statements that finish them then change no indexed column, so each row is updated in place (HOT),
 * without new entries in the table's six indexes.
 */
const CARRIED = `carried AS (
         SELECT n.id, n.change_record_id IN (SELECT id FROM change_records WHERE superseded_by IS NOT NULL) AS superseded
           FROM notifications n WHERE n.email_id = ANY($1::bigint[]) AND n.status = 'pending'
         UNION ALL
         SELECT n.id, x.superseded
           FROM unnest($4::bigint[], $5::timestamptz[], $6::timestamptz[]) AS d(subscriber_id, since, until)
           JOIN notifications n ON n.subscriber_id = d.subscriber_id AND n.channel = 'digest' AND n.created_at >= d.since AND n.created_at < d.until
           JOIN unnest($7::bigint[], $8::bigint[], $9::boolean[]) AS x(subscriber_id, change_record_id, superseded)
             ON x.subscriber_id = n.subscriber_id AND x.change_record_id = n.change_record_id
          WHERE n.status = 'pending')`;

/** The digest entries of a batch as the columns `CARRIED` reads (`$4` to `$9`). */
function entryColumns(entries: Array<CarriedDigestEntries | undefined>): [string[], Date[], Date[], string[], string[], boolean[]] {
  const digests: [string[], Date[], Date[]] = [[], [], []];
  const named: [string[], string[], boolean[]] = [[], [], []];
  for (const carried of entries) {
    if (!carried || (!carried.current.length && !carried.superseded.length)) continue;
    digests[0].push(carried.subscriberId);
    digests[1].push(carried.since);
    digests[2].push(carried.until);
    for (const [ids, left] of [[carried.current, false], [carried.superseded, true]] as const) {
      for (const id of ids) {
        named[0].push(carried.subscriberId);
        named[1].push(id);
        named[2].push(left);
      }
    }
  }
  return [...digests, ...named];
}

const CLAIMED_COLUMNS = `id, subscriber_id, kind, idempotency_key, batch_key, attempts, first_attempt_at, period_start, period_end, document_id`;

/** The outbox of emails: who is owed which email, and where each one is in its delivery. */
export class EmailsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Groups each subscriber's pending alert notifications into one alert email, unless one was created
   * in the last `minutes`; returns how many emails it created.
   */
  async groupPendingAlerts(minutes: number): Promise<number> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH due AS (
         SELECT n.subscriber_id, min(n.id) AS first_id
           FROM notifications n
          WHERE n.channel = 'alert' AND n.status = 'pending' AND n.email_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.subscriber_id = n.subscriber_id AND e.kind = 'alert'
                              AND e.created_at > now() - make_interval(mins => $1))
          GROUP BY n.subscriber_id
       ), created AS (
         INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key)
         SELECT subscriber_id, 'alert', 'alert:' || first_id, 'cw-alert-' || first_id FROM due
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, subscriber_id
       )
       , assigned AS (
         UPDATE notifications n SET email_id = c.id FROM created c
          WHERE n.subscriber_id = c.subscriber_id AND n.channel = 'alert' AND n.status = 'pending' AND n.email_id IS NULL
         RETURNING c.id
       )
       SELECT id FROM created`,
      [minutes],
    );
    return new Set(rows.map((r) => r.id)).size;
  }

  /**
   * Claims the next unit of work and commits the claim before anything is sent: a batch that was
   * already handed to the provider (same rows, same key, so the provider deduplicates the retry), or
   * else up to `limit` fresh pending rows, which become a new batch keyed by its first row.
   * A claim holds for `leaseSeconds`; a sender killed mid-send leaves rows that are claimed again after it.
   */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedEmail[]> {
    return this.dataSource.transaction(async (manager) => {
      // `status IN (...)` first: the unfinished rows' partial indexes, not a walk past every row ever sent.
      const due = `(status IN ('pending', 'sending') AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND claimed_until < now())))`;
      const [again]: Array<{ batch_key: string }> = await manager.query(
        // The advisory lock (to commit) keeps two claimers off one batch without row-lock deadlocks.
        // ORDER BY: the partial index of unfinished batches (a handful of rows), never a scan of every email.
        `SELECT batch_key FROM emails WHERE batch_key IS NOT NULL AND ${due} AND pg_try_advisory_xact_lock(hashtext(batch_key)) ORDER BY batch_key LIMIT 1`,
      );
      let rows: ClaimedRow[];
      if (again) {
        rows = await manager.query(
          `WITH u AS (UPDATE emails SET status = 'sending', claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1,
                  first_attempt_at = coalesce(first_attempt_at, now())
            WHERE batch_key = $1 AND ${due} RETURNING ${CLAIMED_COLUMNS}) SELECT * FROM u`,
          [again.batch_key, leaseSeconds],
        );
      } else {
        rows = await manager.query(
          `WITH picked AS (
             SELECT id FROM emails WHERE batch_key IS NULL AND ${due} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           , u AS (UPDATE emails e SET status = 'sending', claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1,
                  first_attempt_at = coalesce(first_attempt_at, now()),
                  batch_key = 'cw-batch-' || (SELECT min(id) FROM picked)
             FROM picked WHERE e.id = picked.id RETURNING ${CLAIMED_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}) SELECT * FROM u`,
          [limit, leaseSeconds],
        );
      }
      return rows
        .map((r) => ({
          id: r.id,
          subscriberId: r.subscriber_id,
          kind: r.kind,
          idempotencyKey: r.idempotency_key,
          batchKey: r.batch_key,
          attempts: r.attempts,
          firstAttemptAt: r.first_attempt_at,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          documentId: r.document_id,
        }))
        .sort((a, b) => Number(a.id) - Number(b.id));
    });
  }

  /**
   * The emails were handed to the provider: each notification they carried is sent, except one whose
   * change was superseded before it went out (the email left it out): that one is skipped, saying why.
   * A digest's are its `entries` (as rendered), not whatever its week holds by now.
   */
  async markSent(results: Array<{ id: string; providerMessageId: string | null; entries?: CarriedDigestEntries }>): Promise<void> {
    if (!results.length) return;
    // One statement (a data-modifying CTE): the email and its notifications change together or not at all.
    await this.dataSource.query(
      `WITH sent AS (
         UPDATE emails e SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL, provider_message_id = r.pid
           FROM unnest($1::bigint[], $2::text[]) AS r(id, pid) WHERE e.id = r.id AND e.status = 'sending' RETURNING e.id)
       , ${CARRIED}
       UPDATE notifications n
          SET status = CASE WHEN c.superseded THEN 'skipped' ELSE 'sent' END,
              sent_at = CASE WHEN c.superseded THEN NULL ELSE now() END,
              last_error = CASE WHEN c.superseded THEN $3 END, attempts = attempts + 1
         FROM carried c WHERE n.id = c.id`,
      [results.map((r) => r.id), results.map((r) => r.providerMessageId), SUPERSEDED_BEFORE_SENT, ...entryColumns(results.map((r) => r.entries))],
    );
  }

  /**
   * The provider may have taken the call (a timeout, a 5xx) or surely did not (429): retry later.
   * `keepBatch` keeps the batch key so the retry is the same call with the same idempotency key.
   */
  async markRetry(ids: string[], error: string, retryAt: Date, keepBatch: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE emails SET status = 'pending', claimed_until = NULL, next_attempt_at = $2, last_error = $3,
              batch_key = CASE WHEN $4 THEN batch_key ELSE NULL END
        WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
      [ids, retryAt, error.slice(0, 2000), keepBatch],
    );
  }

  /**
   * The provider refused the email for good (a 4xx other than 429), or it was retried for 24 hours.
   * `entries`: a digest's, as rendered; a digest never rendered (its composing failed) finishes none,
   * and they go in the subscriber's next digest.
   */
  async markFailed(ids: string[], error: string, entries: Array<CarriedDigestEntries | undefined> = []): Promise<void> {
    await this.finish(ids, 'failed', error.slice(0, 2000), entries);
  }

  /** Nothing to send any more (the address was suppressed or unsubscribed after the email was owed); `entries` as markFailed. */
  async markSkipped(ids: string[], reason: string, entries: Array<CarriedDigestEntries | undefined> = []): Promise<void> {
    if (!ids.length) return;
    await this.finish(ids, 'skipped', reason, entries);
  }

  /** Emails that will not be sent, with their notifications, in one statement (together or not at all). */
  private async finish(ids: string[], status: 'failed' | 'skipped', reason: string, entries: Array<CarriedDigestEntries | undefined>): Promise<void> {
    await this.dataSource.query(
      `WITH finished AS (
         UPDATE emails SET status = $2, claimed_until = NULL, last_error = $3 WHERE id = ANY($1::bigint[]) AND status = 'sending' RETURNING id)
       , ${CARRIED}
       UPDATE notifications n SET status = $2, last_error = $3 FROM carried c WHERE n.id = c.id`,
      [ids, status, reason, ...entryColumns(entries)],
    );
  }

  /** Rows a sender could work on now (for the job loop and tests). */
  async countDue(): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      // `status IN (...)` first: the unfinished rows' partial index, not a scan of every email ever sent.
      `SELECT count(*)::int AS n FROM emails
        WHERE status IN ('pending', 'sending') AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND claimed_until < now()))`,
    );
    return n;
  }

  /** The earliest moment some unfinished email may be worked on again (null: none unfinished). */
  async nextDueAt(): Promise<Date | null> {
    const [{ at }] = await this.dataSource.query(
      `SELECT min(CASE WHEN status = 'pending' THEN next_attempt_at ELSE claimed_until END) AS at FROM emails WHERE status IN ('pending', 'sending')`,
    );
    return at;
  }

  /** Emails of one kind owed since `since`, counted by status (`{ sent: 2500 }`). */
  async countByStatusSince(kind: EmailMessage['kind'], since: Date): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM emails WHERE kind = $1 AND created_at >= $2 GROUP BY status`,
      [kind, since],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  countByStatus(manager: EntityManager = this.dataSource.manager): Promise<Array<{ status: string; kind: string; n: number }>> {
    return manager.query(`SELECT status, kind, count(*)::int AS n FROM emails GROUP BY status, kind ORDER BY status, kind`);
  }
}
