import { DataSource } from 'typeorm';

/** Which change records a list shows (every field narrows it; current records only). */
export interface ChangeListCriteria {
  platformSlug?: string;
  documentType?: string;
  /** Any of these severities. */
  severities?: string[];
  /** Records touching this clause type. */
  clauseType?: string;
  /** Records touching any of these clause types (a regulation's). */
  anyClauseTypes?: string[];
  /** Captured on or after / on or before these days (YYYY-MM-DD). */
  capturedFrom?: string;
  capturedTo?: string;
  /** What a subscriber follows: changes of these platforms or touching these clause types. */
  followed?: { platformIds: string[]; clauseTypes: string[] };
}

/** A change record as lists show it, with its document and platform. */
export interface ChangeListRow {
  record_id: string;
  kind: string;
  severity: string;
  summary: string;
  clause_types: string[];
  captured_at: Date;
  created_at: Date;
  document_record_id: string;
  document_title: string;
  document_type: string;
  platform_slug: string;
  platform_name: string;
}

/** The reads of the change lists: home feed, registry, platform timelines, topic pages, the own feed and exports. */
export class ChangeListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. A record superseded by a technical correction is not news: no list shows it. */
  list(criteria: ChangeListCriteria, limit: number, offset = 0): Promise<ChangeListRow[]> {
    const where: string[] = ['c.superseded_by IS NULL'];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (criteria.platformSlug) where.push(`pl.slug = ${param(criteria.platformSlug)}`);
    if (criteria.documentType) where.push(`d.type = ${param(criteria.documentType)}`);
    if (criteria.severities) where.push(`c.severity = ANY(${param(criteria.severities)})`);
    if (criteria.clauseType) where.push(`c.clause_types ? ${param(criteria.clauseType)}`);
    if (criteria.anyClauseTypes) where.push(`c.clause_types ?| ${param(criteria.anyClauseTypes)}::text[]`);
    if (criteria.capturedFrom) where.push(`t.captured_at >= ${param(criteria.capturedFrom)}::date`);
    if (criteria.capturedTo) where.push(`t.captured_at < ${param(criteria.capturedTo)}::date + 1`);
    if (criteria.followed) where.push(`(d.platform_id = ANY(${param(criteria.followed.platformIds)}::bigint[]) OR c.clause_types ?| ${param(criteria.followed.clauseTypes)}::text[])`);
    // A platform's changes are few: reach them by document (index on document_id) and sort them, rather
    // than walk the newest changes of every platform backwards (the planner's choice when it may).
    const order = criteria.platformSlug || criteria.followed ? `c.created_at + interval '0 seconds' DESC, c.id DESC` : 'c.created_at DESC, c.id DESC';
    // The page of IDs first, joining only what the criteria read; the rows' versions, documents and
    // platforms are then read for that page alone (not for every change of a platform before the sort).
    const joins = [
      criteria.capturedFrom || criteria.capturedTo ? 'JOIN versions t ON t.id = c.to_version_id' : '',
      criteria.platformSlug || criteria.documentType || criteria.followed ? 'JOIN documents d ON d.id = c.document_id' : '',
      criteria.platformSlug ? 'JOIN platforms pl ON pl.id = d.platform_id' : '',
    ].join(' ');
    return this.dataSource.query(
      `SELECT c.record_id, c.kind, c.severity, c.summary, c.clause_types, t.captured_at, c.created_at,
              d.record_id AS document_record_id, d.title AS document_title, d.type AS document_type, pl.slug AS platform_slug, pl.name AS platform_name
         FROM (SELECT c.id FROM change_records c ${joins} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}) page
         JOIN change_records c ON c.id = page.id JOIN versions t ON t.id = c.to_version_id JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id
        ORDER BY c.created_at DESC, c.id DESC`,
      params,
    );
  }

  /** A subscriber's follows that are not paused. */
  activeFollowsOf(subscriberId: string): Promise<Array<{ platform_id: string | null; clause_type: string | null; regulation: string | null }>> {
    return this.dataSource.query(`SELECT platform_id, clause_type, regulation FROM follows WHERE subscriber_id = $1 AND paused_at IS NULL`, [subscriberId]);
  }

  async documentTypes(): Promise<string[]> {
    const rows: Array<{ type: string }> = await this.dataSource.query(`SELECT DISTINCT type FROM documents ORDER BY type`);
    return rows.map((r) => r.type);
  }
}
