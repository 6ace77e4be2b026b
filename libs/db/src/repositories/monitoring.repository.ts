import { DataSource, EntityManager } from 'typeorm';

/** Check outcomes that mean the document was read. */
const GOOD = `('ok', 'not-modified')`;

/**
 * Incidents of followed documents (failing every check for hours, then recovered) and the monitoring
 * notices they owe: one per incident and subscriber, never repeated (unique dedupe keys).
 */
export class MonitoringRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Opens an incident for each active document whose checks have all failed for `hours`; returns the new incidents. */
  async openIncidents(manager: EntityManager, hours: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH state AS (
           SELECT d.id, (SELECT max(c.started_at) FROM checks c WHERE c.document_id = d.id AND c.outcome IN ${GOOD}) AS last_ok
             FROM documents d WHERE d.active
         )
         INSERT INTO document_incidents (document_id, started_at, cause)
         SELECT s.id, f.started_at, coalesce(f.cause, f.outcome)
           FROM state s
           JOIN LATERAL (SELECT c.started_at, c.cause, c.outcome FROM checks c
                          WHERE c.document_id = s.id AND (s.last_ok IS NULL OR c.started_at > s.last_ok)
                          ORDER BY c.started_at LIMIT 1) f ON true
          WHERE f.started_at <= now() - make_interval(hours => $1)
            AND NOT EXISTS (SELECT 1 FROM document_incidents i WHERE i.document_id = s.id AND i.recovered_at IS NULL)
         ON CONFLICT DO NOTHING
         RETURNING id`,
      [hours],
    );
    return rows.map((r) => r.id);
  }

  /** Owes a "monitoring problem" email to each paid subscriber following the platform of these incidents. */
  async oweFailingNotices(manager: EntityManager, incidentIds: string[]): Promise<void> {
    if (incidentIds.length === 0) return;
    await manager.query(
      `INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key, document_id, period_start)
           SELECT DISTINCT s.id, 'monitoring-failing', 'monitoring-failing:' || i.id || ':' || s.id, 'cw-monitoring-failing-' || i.id || '-' || s.id,
                  i.document_id, i.started_at
             FROM document_incidents i JOIN documents d ON d.id = i.document_id
             JOIN follows f ON f.platform_id = d.platform_id JOIN subscribers s ON s.id = f.subscriber_id
            WHERE i.id = ANY($1::bigint[]) AND s.plan <> 'free' AND s.alerts_enabled
              AND s.unsubscribed_at IS NULL AND s.suppressed_at IS NULL AND NOT (d.platform_id = ANY(s.muted_platform_ids))
           ON CONFLICT DO NOTHING`,
      [incidentIds],
    );
  }

  /** Closes the incidents whose document has been read again since; returns them. */
  async closeRecoveredIncidents(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH u AS (UPDATE document_incidents i SET recovered_at = ok.at
           FROM (SELECT i2.id, min(c.started_at) AS at FROM document_incidents i2
                   JOIN checks c ON c.document_id = i2.document_id AND c.started_at > i2.started_at AND c.outcome IN ${GOOD}
                  WHERE i2.recovered_at IS NULL GROUP BY i2.id) ok
          WHERE i.id = ok.id RETURNING i.id) SELECT id FROM u`,
    );
    return rows.map((r) => r.id);
  }

  /** Owes the recovery email to those who were told about the failure. */
  async oweRecoveredNotices(manager: EntityManager, incidentIds: string[]): Promise<void> {
    if (incidentIds.length === 0) return;
    await manager.query(
      `INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key, document_id, period_start, period_end)
           SELECT e.subscriber_id, 'monitoring-recovered', 'monitoring-recovered:' || i.id || ':' || e.subscriber_id,
                  'cw-monitoring-recovered-' || i.id || '-' || e.subscriber_id, i.document_id, i.started_at, i.recovered_at
             FROM document_incidents i JOIN emails e ON e.kind = 'monitoring-failing' AND e.dedupe_key = 'monitoring-failing:' || i.id || ':' || e.subscriber_id
            WHERE i.id = ANY($1::bigint[]) AND e.status IN ('sent', 'pending', 'sending')
           ON CONFLICT DO NOTHING`,
      [incidentIds],
    );
  }
}
