import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Severity } from '@clausewatch/analyzer';
import { Plan, Subscriber } from '../entities';

export interface Recipient {
  subscriberId: string;
  plan: Plan;
  minSeverity: Severity;
}

export class SubscribersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the subscriber, or updates the plan and preferences of an existing one with that email. */
  async upsert(
    values: { email: string; plan?: Plan; minSeverity?: Severity; timezone?: string; digestDay?: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Subscriber> {
    const email = values.email.trim().toLowerCase();
    await manager.query(
      `INSERT INTO subscribers (email, plan, min_severity, timezone, digest_day, unsubscribe_token)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO UPDATE SET plan = EXCLUDED.plan, min_severity = EXCLUDED.min_severity,
         timezone = EXCLUDED.timezone, digest_day = EXCLUDED.digest_day, unsubscribed_at = NULL`,
      [email, values.plan ?? 'free', values.minSeverity ?? 'low', values.timezone ?? 'UTC', values.digestDay ?? 1, randomBytes(18).toString('hex')],
    );
    return manager.findOneByOrFail(Subscriber, { email });
  }

  /**
   * Enrols `count` free subscribers `reader<n>@<domain>` (created `createdAt`) following one platform, in
   * two set-based statements: a bulk enrolment (the delivery tests and load runs owe digests to them).
   */
  async bulkEnrol(count: number, domain: string, platformId: string, createdAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO subscribers (email, plan, unsubscribe_token, created_at)
       SELECT 'reader' || g || '@' || $2, 'free', md5(random()::text || g || $2), $3 FROM generate_series(1, $1) g`,
      [count, domain, createdAt],
    );
    await this.dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) SELECT id, $1 FROM subscribers WHERE email LIKE $2`, [platformId, `%@${domain}`]);
  }

  async follow(subscriberId: string, target: { platformId?: string; clauseType?: string }, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      // The unique index is NULLS NOT DISTINCT: a repeated follow (platform or clause type NULL) inserts nothing.
      `INSERT INTO follows (subscriber_id, platform_id, clause_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [subscriberId, target.platformId ?? null, target.clauseType ?? null],
    );
  }

  /** Subscribed people who follow the platform, one of the clause types, or a regulation they engage (paused follows do not count). */
  async recipientsFor(platformId: string, clauseTypes: string[], manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    const rows: Array<{ id: string; plan: Plan; min_severity: Severity }> = await manager.query(
      `SELECT DISTINCT s.id, s.plan, s.min_severity
         FROM subscribers s JOIN follows f ON f.subscriber_id = s.id
        WHERE s.unsubscribed_at IS NULL AND f.paused_at IS NULL
          AND (f.platform_id = $1 OR f.clause_type = ANY($2) OR f.regulation_types ?| $2::text[])
        ORDER BY s.id`,
      [platformId, clauseTypes],
    );
    return rows.map((r) => ({ subscriberId: r.id, plan: r.plan, minSeverity: r.min_severity }));
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Subscriber | null> {
    return manager.findOneBy(Subscriber, { id });
  }
}
