import { clauseTypeById, clauseTypes } from '@clausewatch/analyzer';
import { wordSimilarity } from '@clausewatch/capture';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireRecordIdParam } from '../records/record-id.parser';
import { CONTEXT_CANDIDATES, CONTEXT_CLOSEST } from './context.constants';

export interface ClauseTypeCount {
  id: string;
  label: string;
  provisions: number;
  platforms: number;
}

interface CountRow {
  type: string;
  provisions: number;
  platforms: number;
}

interface CandidateRow {
  record_id: string;
  text: string;
  document_record_id: string;
  document_title: string;
  platform_slug: string;
  platform_name: string;
}

const COUNTS = `SELECT t.type, count(*)::int AS provisions, count(DISTINCT d.platform_id)::int AS platforms
  FROM provisions p JOIN documents d ON d.id = p.document_id CROSS JOIN LATERAL jsonb_array_elements_text(p.clause_types) AS t(type)
  WHERE p.removed_at IS NULL`;

/** Cross-platform context: how common a clause type is, and how other platforms word it. */
@Injectable()
export class ContextService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every clause type of the taxonomy with how many current provisions and platforms carry it. */
  async clauseTypeCounts(): Promise<ClauseTypeCount[]> {
    const rows: CountRow[] = await this.dataSource.query(`${COUNTS} GROUP BY t.type`);
    const byType = new Map(rows.map((r) => [r.type, r]));
    return clauseTypes.map((t) => ({ id: t.id, label: t.label, provisions: byType.get(t.id)?.provisions ?? 0, platforms: byType.get(t.id)?.platforms ?? 0 }));
  }

  async clauseType(type: string): Promise<ClauseTypeCount & { description: string; regulations: string[]; byPlatform: Array<{ slug: string; name: string; provisions: number }> }> {
    const info = clauseTypeById.get(type);
    if (!info) throw new NotFoundException(`no clause type "${type.slice(0, 60)}" in the taxonomy`);
    const [counts]: CountRow[] = await this.dataSource.query(`${COUNTS} AND t.type = $1 GROUP BY t.type`, [type]);
    const byPlatform: Array<{ slug: string; name: string; provisions: number }> = await this.dataSource.query(
      `SELECT pl.slug, pl.name, count(*)::int AS provisions FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
        WHERE p.removed_at IS NULL AND p.clause_types @> jsonb_build_array($1::text) GROUP BY pl.slug, pl.name ORDER BY provisions DESC, pl.slug`,
      [type],
    );
    return { id: info.id, label: info.label, description: info.description, regulations: info.regulations, provisions: counts?.provisions ?? 0, platforms: counts?.platforms ?? 0, byPlatform };
  }

  /** For each clause type of a provision: how common it is, and the closest provisions of that type on other platforms. */
  async forProvision(id: string) {
    requireRecordIdParam(id, 'P');
    const [provision]: Array<{ text: string; clause_types: string[]; platform_id: string }> = await this.dataSource.query(
      'SELECT p.text, p.clause_types, d.platform_id FROM provisions p JOIN documents d ON d.id = p.document_id WHERE p.record_id = $1',
      [id],
    );
    if (!provision) throw new NotFoundException(`no record ${id}`);
    const types = [];
    for (const type of provision.clause_types) {
      const counts = await this.clauseType(type).catch(() => null);
      if (!counts) continue;
      const candidates: CandidateRow[] = await this.dataSource.query(
        `SELECT p.record_id, p.text, d.record_id AS document_record_id, d.title AS document_title, pl.slug AS platform_slug, pl.name AS platform_name
           FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
          WHERE p.removed_at IS NULL AND d.platform_id <> $1 AND p.clause_types @> jsonb_build_array($2::text) LIMIT $3`,
        [provision.platform_id, type, CONTEXT_CANDIDATES],
      );
      // The closest wording per platform, so one verbose platform cannot fill the whole list.
      const best = new Map<string, CandidateRow & { similarity: number }>();
      for (const c of candidates) {
        const similarity = wordSimilarity(provision.text, c.text);
        const current = best.get(c.platform_slug);
        if (!current || similarity > current.similarity) best.set(c.platform_slug, { ...c, similarity });
      }
      const closest = [...best.values()]
        .sort((a, b) => b.similarity - a.similarity || a.platform_slug.localeCompare(b.platform_slug))
        .slice(0, CONTEXT_CLOSEST)
        .map((c) => ({
          id: c.record_id,
          platform: { slug: c.platform_slug, name: c.platform_name },
          document: { id: c.document_record_id, title: c.document_title },
          similarity: Math.round(c.similarity * 1000) / 1000,
          text: c.text,
        }));
      types.push({ id: counts.id, label: counts.label, provisions: counts.provisions, platforms: counts.platforms, otherPlatforms: closest });
    }
    return { id, clauseTypes: types };
  }
}
