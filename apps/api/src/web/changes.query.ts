import { clauseTypeById, clauseTypes } from '@clausewatch/analyzer';
import type { Severity } from '@clausewatch/analyzer';
import { ChangeListCriteria, ChangeListsRepository } from '@clausewatch/db';
import { applyDecorators, Injectable } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { AtomEntry } from '../feeds/atom.renderer';
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

/** A listed change as an Atom entry: the registry's feed and the account's feed show changes alike. */
export function changeAtomEntry(base: string, r: ChangeListItem): AtomEntry {
  return {
    id: `${base}/r/${r.id}`,
    title: `${r.platform.name} ${r.document.title}: ${r.severity} ${r.kind} change (${r.id})`,
    link: `${base}/r/${r.id}`,
    published: r.capturedAt,
    updated: r.createdAt,
    summary: r.summary,
    categories: [r.severity, r.kind, ...r.clauseTypes],
  };
}

/** The registry's filters as OpenAPI query parameters, for every route that takes them. */
export function ApiChangeFilterQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'platform', required: false }),
    ApiQuery({ name: 'type', required: false, description: 'Document type' }),
    ApiQuery({ name: 'severity', required: false, description: 'Minimum severity' }),
    ApiQuery({ name: 'clauseType', required: false }),
    ApiQuery({ name: 'regulation', required: false }),
    ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD' }),
    ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD' }),
  );
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
  constructor(private readonly lists: ChangeListsRepository) {}

  async list(filter: ChangeFilter, limit: number, offset = 0): Promise<ChangeListItem[]> {
    const criteria: ChangeListCriteria = {
      platformSlug: filter.platform,
      documentType: filter.documentType,
      severities: filter.minSeverity && filter.minSeverity !== 'none' ? SEVERITIES.slice(SEVERITIES.indexOf(filter.minSeverity)) : undefined,
      clauseType: filter.clauseType,
      anyClauseTypes: filter.regulation ? clauseTypesOfRegulation(filter.regulation) : undefined,
      capturedFrom: filter.from,
      capturedTo: filter.to,
    };
    if (filter.followedBy) {
      const follows = await this.lists.activeFollowsOf(filter.followedBy);
      const platformIds = follows.flatMap((f) => (f.platform_id ? [f.platform_id] : []));
      const clauseTypes = [...new Set(follows.flatMap((f) => [...(f.clause_type ? [f.clause_type] : []), ...(f.regulation ? clauseTypesOfRegulation(f.regulation) : [])]))];
      if (platformIds.length === 0 && clauseTypes.length === 0) return [];
      criteria.followed = { platformIds, clauseTypes };
    }
    const rows = await this.lists.list(criteria, limit, offset);
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

  documentTypes(): Promise<string[]> {
    return this.lists.documentTypes();
  }
}
