import { DataSource } from 'typeorm';

/**
 * Where one group of subscribers (same time zone and digest day) stands at an instant: their latest
 * digest slot and its ISO week. Computed outside SQL by the digest schedule (a pure, tested function),
 * once per group: a few dozen groups, not once per subscriber.
 */
export interface DigestSlot {
  timezone: string;
  digestDay: number;
  slot: Date;
  weekKey: string;
}

/** A digest owed to one subscriber (the dry run lists them instead of writing them). */
export interface DueDigest {
  subscriberId: string;
  weekKey: string;
  periodStart: Date;
  periodEnd: Date;
}

/** One page of subscribers looked at: how many, where the next page starts, what was owed. */
export interface DigestPage {
  subscribers: number;
  /** The last subscriber id of the page (the next page starts after it); null when the page was empty. */
  lastId: string | null;
  /** Digest rows written by this page (0 in a dry run). */
  created: number;
  /** Dry run: the digests that would be owed (not yet owed by anyone). */
  due: DueDigest[];
}

/** A period "recent" enough to continue from: the previous digest ended within two weeks of this slot. */
const CONTINUE_WITHIN_HOURS = 14 * 24;
const WEEK_HOURS = 7 * 24;

/**
 * The subscribers a page covers and the digest each is due: subscribed, not suppressed, digest on,
 * following something, whose group's slot has come (not before they subscribed) and whose last
 * digest ended before that slot. Hours, not days: a week is 168 hours across a DST change too.
 */
const DUE_PAGE = `
  slots AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[]) AS x(timezone, digest_day, slot, week_key)
  ), page AS (
    SELECT s.id, s.timezone, s.digest_day, s.created_at FROM subscribers s
     WHERE s.id > $5 AND s.unsubscribed_at IS NULL AND s.suppressed_at IS NULL AND s.digest_enabled
       AND EXISTS (SELECT 1 FROM follows f WHERE f.subscriber_id = s.id)
     ORDER BY s.id LIMIT $6
  ), last AS (
    SELECT e.subscriber_id, max(e.period_end) AS period_end FROM emails e
     WHERE e.kind = 'digest' AND e.subscriber_id IN (SELECT id FROM page)
     GROUP BY e.subscriber_id
  ), due AS (
    SELECT p.id AS subscriber_id, x.week_key, x.slot AS period_end,
           CASE WHEN last.period_end >= x.slot - make_interval(hours => ${CONTINUE_WITHIN_HOURS}) THEN last.period_end
                ELSE x.slot - make_interval(hours => ${WEEK_HOURS}) END AS period_start,
           'digest:' || p.id || ':' || x.week_key AS dedupe_key
      FROM page p
      JOIN slots x ON x.timezone = p.timezone AND x.digest_day = p.digest_day
      LEFT JOIN last ON last.subscriber_id = p.id
     WHERE x.slot >= p.created_at AND (last.period_end IS NULL OR last.period_end < x.slot)
  )`;

/** Owes weekly digests: one row per subscriber and ISO week (`digest:<subscriber>:<week>`, unique). */
export class DigestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Refreshes the planner's statistics of the emails table after a large owing: the senders' claim
   * then walks the unfinished emails in id order and stops at its batch, instead of reading every due
   * row to sort them (the plan chosen while the statistics still say that few emails are pending).
   */
  async refreshStatistics(): Promise<void> {
    await this.dataSource.query(`ANALYZE emails`);
  }

  /** The (time zone, digest day) groups of the subscribers who may get a digest. */
  async slotGroups(): Promise<Array<{ timezone: string; digestDay: number }>> {
    const rows: Array<{ timezone: string; digest_day: number }> = await this.dataSource.query(
      `SELECT DISTINCT timezone, digest_day FROM subscribers WHERE unsubscribed_at IS NULL AND suppressed_at IS NULL AND digest_enabled`,
    );
    return rows.map((r) => ({ timezone: r.timezone, digestDay: Number(r.digest_day) }));
  }

  /**
   * Owes the digests due in one page of subscribers (ids after `afterId`) in one statement: the page,
   * each one's last digest and the new rows are joined as sets, and a row another process owed first
   * is left alone (the unique dedupe key). `dryRun` writes nothing and lists what would be owed.
   */
  async owePage(slots: DigestSlot[], afterId: string, limit: number, dryRun = false): Promise<DigestPage> {
    const params = [slots.map((s) => s.timezone), slots.map((s) => s.digestDay), slots.map((s) => s.slot), slots.map((s) => s.weekKey), afterId, limit];
    if (dryRun) {
      const [row]: Array<{ subscribers: number; last_id: string | null; due: Array<{ subscriber_id: string; week_key: string; period_start: string; period_end: string }> }> =
        await this.dataSource.query(
          `WITH ${DUE_PAGE}
           SELECT (SELECT count(*)::int FROM page) AS subscribers, (SELECT max(id)::text FROM page) AS last_id,
                  (SELECT coalesce(json_agg(d ORDER BY d.subscriber_id), '[]'::json) FROM due d
                    WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = d.dedupe_key)) AS due`,
          params,
        );
      const due = row.due.map((d) => ({ subscriberId: String(d.subscriber_id), weekKey: d.week_key, periodStart: new Date(d.period_start), periodEnd: new Date(d.period_end) }));
      return { subscribers: row.subscribers, lastId: row.last_id, created: 0, due };
    }
    const [row]: Array<{ subscribers: number; last_id: string | null; created: number }> = await this.dataSource.query(
      `WITH ${DUE_PAGE}, inserted AS (
         INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key, period_start, period_end)
         SELECT subscriber_id, 'digest', dedupe_key, 'cw-' || replace(dedupe_key, ':', '-'), period_start, period_end FROM due ORDER BY subscriber_id
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1)
       SELECT (SELECT count(*)::int FROM page) AS subscribers, (SELECT max(id)::text FROM page) AS last_id, (SELECT count(*)::int FROM inserted) AS created`,
      params,
    );
    return { subscribers: row.subscribers, lastId: row.last_id, created: row.created, due: [] };
  }
}
