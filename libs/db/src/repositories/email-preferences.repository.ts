import { DataSource } from 'typeorm';

export type UnsubscribeScope = 'platform' | 'alerts' | 'all';

export interface EmailPreferences {
  id: string;
  email: string;
  plan: string;
  unsubscribedAt: Date | null;
  alertsEnabled: boolean;
  mutedPlatformIds: string[];
  /** Followed platforms, with names, for the choices of the unsubscribe page. */
  platforms: Array<{ id: string; name: string; slug: string }>;
}

/** Unsubscribe choices (RFC 8058 one-click and the page's choices, each with an undo) and suppression. */
export class EmailPreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByToken(token: string): Promise<EmailPreferences | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.id, s.email, s.plan, s.unsubscribed_at, s.alerts_enabled, s.muted_platform_ids::text[] AS muted,
              coalesce((SELECT json_agg(json_build_object('id', p.id::text, 'name', p.name, 'slug', p.slug) ORDER BY p.name)
                          FROM follows f JOIN platforms p ON p.id = f.platform_id WHERE f.subscriber_id = s.id), '[]') AS platforms
         FROM subscribers s WHERE s.unsubscribe_token = $1`,
      [token.slice(0, 200)],
    );
    if (!row) return null;
    return { id: row.id, email: row.email, plan: row.plan, unsubscribedAt: row.unsubscribed_at, alertsEnabled: row.alerts_enabled, mutedPlatformIds: row.muted, platforms: row.platforms };
  }

  /** Applies a choice, or undoes it (`undo`). Returns false for an unknown token. */
  async apply(token: string, scope: UnsubscribeScope, platformId: string | null, undo = false): Promise<boolean> {
    const set =
      scope === 'all'
        ? undo
          ? `unsubscribed_at = NULL`
          : `unsubscribed_at = coalesce(unsubscribed_at, now())`
        : scope === 'alerts'
          ? `alerts_enabled = ${undo ? 'true' : 'false'}`
          : undo
            ? `muted_platform_ids = array_remove(muted_platform_ids, $2::bigint)`
            : `muted_platform_ids = CASE WHEN $2::bigint = ANY(muted_platform_ids) THEN muted_platform_ids ELSE array_append(muted_platform_ids, $2::bigint) END`;
    const params: unknown[] = [token.slice(0, 200)];
    if (scope === 'platform') {
      if (!platformId || !/^\d{1,18}$/.test(platformId)) return false;
      params.push(platformId);
    }
    const rows: unknown[] = await this.dataSource.query(`WITH u AS (UPDATE subscribers SET ${set} WHERE unsubscribe_token = $1 RETURNING id) SELECT id FROM u`, params);
    return rows.length > 0;
  }

  /** A hard bounce or a complaint: no more email to this address. Returns how many subscribers matched. */
  async suppress(email: string, reason: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH u AS (UPDATE subscribers SET suppressed_at = coalesce(suppressed_at, now()), suppression_reason = $2 WHERE email = $1 RETURNING id) SELECT id FROM u`,
      [email.trim().toLowerCase(), reason.slice(0, 500)],
    );
    return rows.length;
  }
}
