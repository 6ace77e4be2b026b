import { DataSource, EntityManager } from 'typeorm';
import { Follow, Plan, Subscriber } from '../entities';

export interface FollowTarget {
  platformId?: string;
  clauseType?: string;
  regulation?: string;
  /** With a regulation: the clause types that engage it. */
  regulationTypes?: string[];
}

export interface FollowRow {
  id: string;
  platformId: string | null;
  platformSlug: string | null;
  platformName: string | null;
  clauseType: string | null;
  regulation: string | null;
  pausedAt: Date | null;
}

/** Sessions, sign-in tokens, billing events and follows of the subscribers' web app. */
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- sign-in tokens -------------------------------------------------------------------------

  /** Sign-in links asked for this address, and from this IP, since `since`. */
  async recentLoginRequests(email: string, ip: string, since: Date): Promise<{ byEmail: number; byIp: number }> {
    const [row]: Array<{ by_email: number; by_ip: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM login_tokens WHERE email = $1 AND created_at >= $3) AS by_email,
              (SELECT count(*)::int FROM login_tokens WHERE ip = $2 AND created_at >= $3) AS by_ip`,
      [email, ip, since],
    );
    return { byEmail: row.by_email, byIp: row.by_ip };
  }

  async insertLoginToken(tokenHash: string, email: string, ip: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_tokens (token_hash, email, ip, expires_at) VALUES ($1, $2, $3, $4)`, [tokenHash, email, ip, expiresAt]);
  }

  /** Marks the token used and returns its address, once: a second use, or an expired token, returns null. */
  async consumeLoginToken(tokenHash: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows = returned<{ email: string }>(
      await manager.query(`UPDATE login_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING email`, [tokenHash, now]),
    );
    return rows[0]?.email ?? null;
  }

  async pruneLoginTokens(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_tokens WHERE created_at < $1`, [before]);
  }

  // --- sessions -------------------------------------------------------------------------------

  /** The subscriber signing in with this email, created on the free plan on a first sign-in. */
  async ensureSubscriber(manager: EntityManager, email: string, unsubscribeToken: string): Promise<Subscriber> {
    await manager.query(`INSERT INTO subscribers (email, unsubscribe_token) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [email, unsubscribeToken]);
    return manager.findOneByOrFail(Subscriber, { email });
  }

  async insertSession(tokenHash: string, subscriberId: string, expiresAt: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO sessions (token_hash, subscriber_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, subscriberId, expiresAt]);
  }

  async findSessionSubscriber(tokenHash: string, now: Date): Promise<Subscriber | null> {
    const rows: Array<{ subscriber_id: string }> = await this.dataSource.query(`SELECT subscriber_id FROM sessions WHERE token_hash = $1 AND expires_at > $2`, [tokenHash, now]);
    if (!rows[0]) return null;
    return this.dataSource.manager.findOneBy(Subscriber, { id: rows[0].subscriber_id });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  // --- subscribers ----------------------------------------------------------------------------

  findSubscriberByEmail(email: string): Promise<Subscriber | null> {
    return this.dataSource.manager.findOneBy(Subscriber, { email });
  }

  findSubscriberByCustomer(customerId: string): Promise<Subscriber | null> {
    return this.dataSource.manager.findOneBy(Subscriber, { stripeCustomerId: customerId });
  }

  findSubscriberByApiToken(tokenHash: string): Promise<Subscriber | null> {
    return this.dataSource.manager.findOneBy(Subscriber, { apiTokenHash: tokenHash });
  }

  /** The subscriber row, locked until the transaction ends: every follow and plan change of one subscriber queues here. */
  async lockSubscriber(manager: EntityManager, subscriberId: string): Promise<{ plan: Plan } | null> {
    const rows: Array<{ plan: Plan }> = await manager.query(`SELECT plan FROM subscribers WHERE id = $1 FOR UPDATE`, [subscriberId]);
    return rows[0] ?? null;
  }

  async updateSubscriber(subscriberId: string, values: Partial<Pick<Subscriber, 'plan' | 'minSeverity' | 'timezone' | 'digestDay' | 'stripeCustomerId' | 'stripeSubscriptionId' | 'planEndsAt' | 'apiTokenHash' | 'alertsEnabled' | 'digestEnabled' | 'unsubscribedAt'>>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(Subscriber, { id: subscriberId }, values);
  }

  /** Deletes the subscriber's own data (sessions, follows, notifications, the row); public records stay. */
  async deleteSubscriber(subscriberId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM sessions WHERE subscriber_id = $1`, [subscriberId]);
      await manager.query(`DELETE FROM follows WHERE subscriber_id = $1`, [subscriberId]);
      await manager.query(`DELETE FROM notifications WHERE subscriber_id = $1`, [subscriberId]);
      const [row] = returned<{ email: string }>(await manager.query(`DELETE FROM subscribers WHERE id = $1 RETURNING email`, [subscriberId]));
      if (row) await manager.query(`DELETE FROM login_tokens WHERE email = $1`, [row.email]);
    });
  }

  /** Subscribers whose cancelled plan has run out. */
  async findLapsedPlans(now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM subscribers WHERE plan_ends_at IS NOT NULL AND plan_ends_at <= $1 AND plan <> 'free'`, [now]);
    return rows.map((r) => r.id);
  }

  // --- follows --------------------------------------------------------------------------------

  async listFollows(subscriberId: string, manager: EntityManager = this.dataSource.manager): Promise<FollowRow[]> {
    const rows: Array<{ id: string; platform_id: string | null; slug: string | null; name: string | null; clause_type: string | null; regulation: string | null; paused_at: Date | null }> = await manager.query(
      `SELECT f.id, f.platform_id, p.slug, p.name, f.clause_type, f.regulation, f.paused_at
         FROM follows f LEFT JOIN platforms p ON p.id = f.platform_id
        WHERE f.subscriber_id = $1 ORDER BY f.created_at, f.id`,
      [subscriberId],
    );
    return rows.map((r) => ({ id: r.id, platformId: r.platform_id, platformSlug: r.slug, platformName: r.name, clauseType: r.clause_type, regulation: r.regulation, pausedAt: r.paused_at }));
  }

  /** The follow of exactly this target, if any (active or paused). */
  async findFollow(manager: EntityManager, subscriberId: string, target: FollowTarget): Promise<Follow | null> {
    const rows: Follow[] = await manager.query(
      `SELECT id, paused_at AS "pausedAt" FROM follows
        WHERE subscriber_id = $1 AND platform_id IS NOT DISTINCT FROM $2 AND clause_type IS NOT DISTINCT FROM $3 AND regulation IS NOT DISTINCT FROM $4`,
      [subscriberId, target.platformId ?? null, target.clauseType ?? null, target.regulation ?? null],
    );
    return rows[0] ?? null;
  }

  /** Resumes paused follows (the plan's limit grew back). */
  async resumeFollows(manager: EntityManager, followIds: string[]): Promise<void> {
    if (followIds.length) await manager.query(`UPDATE follows SET paused_at = NULL WHERE id = ANY($1)`, [followIds]);
  }

  async insertFollow(manager: EntityManager, subscriberId: string, target: FollowTarget): Promise<void> {
    await manager.query(`INSERT INTO follows (subscriber_id, platform_id, clause_type, regulation, regulation_types) VALUES ($1, $2, $3, $4, $5)`, [
      subscriberId,
      target.platformId ?? null,
      target.clauseType ?? null,
      target.regulation ?? null,
      target.regulationTypes ? JSON.stringify(target.regulationTypes) : null,
    ]);
  }

  async deleteFollow(subscriberId: string, target: FollowTarget): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM follows WHERE subscriber_id = $1 AND platform_id IS NOT DISTINCT FROM $2 AND clause_type IS NOT DISTINCT FROM $3 AND regulation IS NOT DISTINCT FROM $4`,
      [subscriberId, target.platformId ?? null, target.clauseType ?? null, target.regulation ?? null],
    );
  }

  async countActiveFollows(manager: EntityManager, subscriberId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM follows WHERE subscriber_id = $1 AND paused_at IS NULL`, [subscriberId]);
    return row.n;
  }

  /** Keeps the oldest `limit` follows active and pauses the rest; resumes paused ones while room is left. */
  async fitFollowsToLimit(manager: EntityManager, subscriberId: string, limit: number | null): Promise<void> {
    await manager.query(
      `WITH ranked AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM follows WHERE subscriber_id = $1)
       UPDATE follows f SET paused_at = CASE WHEN $2::int IS NOT NULL AND r.n > $2::int THEN coalesce(f.paused_at, now()) ELSE NULL END
         FROM ranked r WHERE r.id = f.id`,
      [subscriberId, limit],
    );
  }

  // --- billing events -------------------------------------------------------------------------

  /** Records the event ID; false when it was recorded before (a redelivery). */
  async recordBillingEvent(manager: EntityManager, id: string, type: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`INSERT INTO billing_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [id, type]);
    return rows.length > 0;
  }
}

/** Rows of a RETURNING clause: TypeORM answers UPDATE and DELETE with `[rows, count]`, INSERT with the rows. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}
