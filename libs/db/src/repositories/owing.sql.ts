/**
 * The CTEs of owing one change (`c`: its id, severity, clause types and platform, from `changeSource`)
 * to its followers, for `owingInsert` (shared by oweForChange and the change insert that owes in the
 * same statement). Driven by the change's followers (the follows indexes), never by a scan of every
 * subscriber. Not exported by the library.
 */
export function owingCtes(changeSource: string): string {
  return `c AS (
         ${changeSource}
       ), followers AS MATERIALIZED (
         SELECT f.subscriber_id FROM follows f JOIN c ON f.platform_id = c.platform_id WHERE f.paused_at IS NULL
         UNION
         SELECT f.subscriber_id FROM follows f JOIN c ON f.clause_type IS NOT NULL AND c.clause_types ? f.clause_type WHERE f.paused_at IS NULL
         UNION
         SELECT f.subscriber_id FROM follows f JOIN c ON f.regulation_types IS NOT NULL
            AND f.regulation_types ?| ARRAY(SELECT jsonb_array_elements_text(c.clause_types)) WHERE f.paused_at IS NULL
       )`;
}

/**
 * The INSERT of the notifications a change owes, over `owingCtes` (see NotificationsRepository.oweForChange):
 * `sameDayAlert` and `severities` name parameters (boolean; text[] of SEVERITY_ORDER).
 */
export function owingInsert(sameDayAlert: string, severities: string): string {
  return `INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key)
       SELECT s.id, c.id, ch.channel, 'cw-' || ch.channel || '-' || c.id || '-' || s.id
         FROM followers
         JOIN subscribers s ON s.id = followers.subscriber_id
         CROSS JOIN c
         CROSS JOIN (VALUES ('digest'), ('alert')) AS ch(channel)
        WHERE s.unsubscribed_at IS NULL AND s.suppressed_at IS NULL
          AND array_position(${severities}::text[], c.severity) >= array_position(${severities}::text[], s.min_severity)
          AND NOT (c.platform_id = ANY(s.muted_platform_ids))
          AND ((ch.channel = 'digest' AND s.digest_enabled)
            OR (ch.channel = 'alert' AND ${sameDayAlert} AND s.plan <> 'free' AND s.alerts_enabled))
       ON CONFLICT DO NOTHING`;
}
