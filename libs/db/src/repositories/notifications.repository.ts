import { SEVERITY_ORDER } from '@clausewatch/analyzer';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecord } from '../entities';
import { owingCtes, owingInsert } from './owing.sql';

/** What a change may owe, decided by the capture plan (see the capture planner's alert eligibility). */
export interface OweOptions {
  /** Owe anything at all (false for a capture older than a week). */
  alert: boolean;
  /** Owe same-day alerts too (false for a back-dated capture older than the document's latest version). */
  sameDayAlert: boolean;
}

export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Owes a confirmed change to everyone who follows its platform or one of its clause types, at or
   * above their minimum severity, in one set-based statement inside the capture transaction: a digest
   * row for every such subscriber, an alert row for the plans with same-day alerts. Replays insert
   * nothing (one row per subscriber, change and channel). `alert: false` owes nothing at all (a
   * capture older than a week); `sameDayAlert: false` owes the digest only (a back-dated capture).
   * Unsubscribed, suppressed and muted (per-platform unsubscribe) addresses are owed nothing; alerts
   * only while the subscriber has them on, digests only while the digest is on.
   */
  async oweForChange(
    manager: EntityManager,
    change: Pick<ChangeRecord, 'id' | 'documentId' | 'severity' | 'clauseTypes'>,
    options: OweOptions,
  ): Promise<number> {
    if (!options.alert) return 0;
    const rows: unknown[] = await manager.query(
      `WITH ${owingCtes('SELECT c.id, c.severity, c.clause_types, d.platform_id FROM change_records c JOIN documents d ON d.id = c.document_id WHERE c.id = $1')}
       ${owingInsert('$2', '$3')}
       RETURNING id`,
      [change.id, options.sameDayAlert, [...SEVERITY_ORDER]],
    );
    return rows.length;
  }
}
