import { clauseTypeById, clauseTypes } from '@clausewatch/analyzer';
import type { Severity } from '@clausewatch/analyzer';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isSeverity, SEVERITIES } from './severity';

export interface ChangeFilter {
  platform?: string;
  documentType?: string;
  minSeverity?: Severity;
  clauseType?: string;
  regulation?: string;
  /** Captured on or after / before this date (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Only what this subscriber follows (active follows). */
  followedBy?: string;
}

export interface ChangeListItem {
  id: string;
  kind: string;
  severity: string;
  summary: string;
  clauseTypes: string[];
  capturedAt: Date;
  createdAt: Date;
  document: { id: string; title: string; type: string };
  platform: { slug: string; name: string };
}

interface Row {
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The registry's filter from a query string (unknown values are ignored, never trusted). */
export function parseChangeFilter(query: Record<string, string | undefined>, regulations: readonly string[]): ChangeFilter {
  return {
    platform: query.platform || undefined,
    documentType: query.type || undefined,
    minSeverity: isSeverity(query.severity) ? query.severity : undefined,
    clauseType: query.clauseType && clauseTypeById.has(query.clauseType) ? query.clauseType : undefined,
    regulation: query.regulation && regulations.includes(query.regulation) ? query.regulation : undefined,
    from: query.from && DATE.test(query.from) ? query.from : undefined,
    to: query.to && DATE.test(query.to) ? query.to : undefined,
  };
}

/** The query string of a filter (the same names the registry's form uses). */
export function filterQuery(filter: ChangeFilter): URLSearchParams {
  const names: Record<string, string> = { documentType: 'type', minSeverity: 'severity' };
  return new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'followedBy').map(([k, v]) => [names[k] ?? k, String(v)]));
}

/** Clause types whose regulations include this one. */
export function clauseTypesOfRegulation(regulation: string): string[] {
  return clauseTypes.filter((t) => t.regulations.includes(regulation)).map((t) => t.id);
}

/** Lists of change records for the home feed, the registry, platform timelines and topic pages. */
@Injectable()
export class ChangesQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: ChangeFilter, limit: number, offset = 0): Promise<ChangeListItem[]> {
    // A record superseded by a technical correction (a back-dated capture was inserted before its version)
    // is no longer news: its page still opens and names what replaces it, but no list shows it.
    const where: string[] = ['c.superseded_by IS NULL'];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.platform) where.push(`pl.slug = ${param(filter.platform)}`);
    if (filter.documentType) where.push(`d.type = ${param(filter.documentType)}`);
    if (filter.minSeverity && filter.minSeverity !== 'none') where.push(`c.severity = ANY(${param(SEVERITIES.slice(SEVERITIES.indexOf(filter.minSeverity)))})`);
    if (filter.clauseType) where.push(`c.clause_types ? ${param(filter.clauseType)}`);
    if (filter.regulation) where.push(`c.clause_types ?| ${param(clauseTypesOfRegulation(filter.regulation))}::text[]`);
    if (filter.from) where.push(`t.captured_at >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`t.captured_at < ${param(filter.to)}::date + 1`);
    if (filter.followedBy) {
      const follows: Array<{ platform_id: string | null; clause_type: string | null; regulation: string | null }> = await this.dataSource.query(
        `SELECT platform_id, clause_type, regulation FROM follows WHERE subscriber_id = $1 AND paused_at IS NULL`,
        [filter.followedBy],
      );
      const platforms = follows.flatMap((f) => (f.platform_id ? [f.platform_id] : []));
      const types = [...new Set(follows.flatMap((f) => [...(f.clause_type ? [f.clause_type] : []), ...(f.regulation ? clauseTypesOfRegulation(f.regulation) : [])]))];
      if (platforms.length === 0 && types.length === 0) return [];
      where.push(`(d.platform_id = ANY(${param(platforms)}::bigint[]) OR c.clause_types ?| ${param(types)}::text[])`);
    }
    // A platform's changes are few: reach them by document (index on document_id) and sort them, rather
    // than walk the newest changes of every platform backwards (the planner's choice when it may).
    const order = filter.platform || filter.followedBy ? `c.created_at + interval '0 seconds' DESC, c.id DESC` : 'c.created_at DESC, c.id DESC';
    // The page of IDs first, joining only what the filters read; the rows' versions, documents and
    // platforms are then read for that page alone (not for every change of a platform before the sort).
    const joins = [
      filter.from || filter.to ? 'JOIN versions t ON t.id = c.to_version_id' : '',
      filter.platform || filter.documentType || filter.followedBy ? 'JOIN documents d ON d.id = c.document_id' : '',
      filter.platform ? 'JOIN platforms pl ON pl.id = d.platform_id' : '',
    ].join(' ');
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.record_id, c.kind, c.severity, c.summary, c.clause_types, t.captured_at, c.created_at,
              d.record_id AS document_record_id, d.title AS document_title, d.type AS document_type, pl.slug AS platform_slug, pl.name AS platform_name
         FROM (SELECT c.id FROM change_records c ${joins} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}) page
         JOIN change_records c ON c.id = page.id JOIN versions t ON t.id = c.to_version_id JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id
        ORDER BY c.created_at DESC, c.id DESC`,
      params,
    );
    return rows.map((r) => ({
      id: r.record_id,
      kind: r.kind,
      severity: r.severity,
      summary: r.summary,
      clauseTypes: r.clause_types,
      capturedAt: r.captured_at,
      createdAt: r.created_at,
      document: { id: r.document_record_id, title: r.document_title, type: r.document_type },
      platform: { slug: r.platform_slug, name: r.platform_name },
    }));
  }

  async documentTypes(): Promise<string[]> {
    const rows: Array<{ type: string }> = await this.dataSource.query(`SELECT DISTINCT type FROM documents ORDER BY type`);
    return rows.map((r) => r.type);
  }
}
