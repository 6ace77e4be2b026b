import { DataSource } from 'typeorm';

/** Which change records a list shows: every criterion given must hold (values already validated by the caller). */
export interface ChangeListCriteria {
  platformSlug?: string;
  documentType?: string;
  /** Severities to show (a minimum severity and those above it). */
  severities?: string[];
  clauseType?: string;
  /** Changes touching any of these clause types (a regulation's). */
  anyClauseTypes?: string[];
  /** Captured on or after / on or before these dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Changes of these platforms or touching these clause types (what a subscriber follows). */
  followed?: { platformIds: string[]; clauseTypes: string[] };
}

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

/** The reads of the public web pages: change lists, quick facts, provisions by type. */
export class PublicPagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Change records newest first for the home feed, the registry, platform timelines and topic pages. */
  listChanges(criteria: ChangeListCriteria, limit: number, offset: number): Promise<ChangeListRow[]> {
    const where: string[] = [];
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
    if (criteria.from) where.push(`t.captured_at >= ${param(criteria.from)}::date`);
    if (criteria.to) where.push(`t.captured_at < ${param(criteria.to)}::date + 1`);
    if (criteria.followed) {
      where.push(`(d.platform_id = ANY(${param(criteria.followed.platformIds)}::bigint[]) OR c.clause_types ?| ${param(criteria.followed.clauseTypes)}::text[])`);
    }
    // A platform's changes are few: reach them by document (index on document_id) and sort them, rather
    // than walk the newest changes of every platform backwards (the planner's choice when it may).
    const order = criteria.platformSlug || criteria.followed ? `c.created_at + interval '0 seconds' DESC, c.id DESC` : 'c.created_at DESC, c.id DESC';
    return this.dataSource.query(
      `SELECT c.record_id, c.kind, c.severity, c.summary, c.clause_types, t.captured_at, c.created_at,
              d.record_id AS document_record_id, d.title AS document_title, d.type AS document_type, pl.slug AS platform_slug, pl.name AS platform_name
         FROM change_records c JOIN versions t ON t.id = c.to_version_id JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
  }

  /** A subscriber's active (not paused) follows. */
  activeFollows(subscriberId: string): Promise<Array<{ platform_id: string | null; clause_type: string | null; regulation: string | null }>> {
    return this.dataSource.query(`SELECT platform_id, clause_type, regulation FROM follows WHERE subscriber_id = $1 AND paused_at IS NULL`, [subscriberId]);
  }

  async documentTypes(): Promise<string[]> {
    const rows: Array<{ type: string }> = await this.dataSource.query(`SELECT DISTINCT type FROM documents ORDER BY type`);
    return rows.map((r) => r.type);
  }

  /** For each of these clause types: how many provisions in force on the platform have it, and one of them. */
  clauseTypeFacts(platformId: string, types: readonly string[]): Promise<Array<{ type: string; provisions: number; example: string }>> {
    return this.dataSource.query(
      `SELECT t.type, count(*)::int AS provisions, min(p.record_id) AS example
         FROM provisions p JOIN documents d ON d.id = p.document_id CROSS JOIN LATERAL jsonb_array_elements_text(p.clause_types) AS t(type)
        WHERE d.platform_id = $1 AND p.removed_at IS NULL AND t.type = ANY($2) GROUP BY t.type`,
      [platformId, types],
    );
  }

  /** The provision record ID at each position of these versions (by record ID). */
  provisionsAtPositions(versionRecordIds: string[]): Promise<Array<{ version: string; position: number; record_id: string }>> {
    return this.dataSource.query(
      `SELECT v.record_id AS version, vp.position, p.record_id FROM versions v JOIN version_provisions vp ON vp.version_id = v.id JOIN provisions p ON p.id = vp.provision_id
        WHERE v.record_id = ANY($1)`,
      [versionRecordIds],
    );
  }

  /** Provisions in force with any of these clause types (the first 60 by platform), their text cut at 400 characters. */
  provisionsOfTypes(types: string[]): Promise<Array<{ record_id: string; text: string; heading_path: string[]; platform_slug: string; platform_name: string; document_record_id: string; document_title: string }>> {
    return this.dataSource.query(
      `SELECT p.record_id, left(p.text, 400) AS text, p.heading_path, pl.slug AS platform_slug, pl.name AS platform_name, d.record_id AS document_record_id, d.title AS document_title
         FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
        WHERE p.removed_at IS NULL AND p.clause_types ?| $1::text[] ORDER BY pl.name, p.id LIMIT 60`,
      [types],
    );
  }
}
