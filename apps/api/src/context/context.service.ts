import { clauseTypeById, clauseTypes, wordSimilarity } from '@clausewatch/analyzer';
import { ClauseCandidateRow as CandidateRow, ClauseContextRepository } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { requireRecordIdParam } from '../records/record-id.parser';
import { RecordRequestError, RecordsErrorCode } from '../records/records.error';
import { CONTEXT_CANDIDATES, CONTEXT_CLOSEST } from './context.constants';

export interface ClauseTypeCount {
  id: string;
  label: string;
  provisions: number;
  platforms: number;
}

/** Cross-platform context: how common a clause type is, and how other platforms word it. */
@Injectable()
export class ContextService {
  constructor(private readonly context: ClauseContextRepository) {}

  /** Every clause type of the taxonomy with how many current provisions and platforms carry it. */
  async clauseTypeCounts(): Promise<ClauseTypeCount[]> {
    const rows = await this.context.countsByClauseType();
    const byType = new Map(rows.map((r) => [r.type, r]));
    return clauseTypes.map((t) => ({ id: t.id, label: t.label, provisions: byType.get(t.id)?.provisions ?? 0, platforms: byType.get(t.id)?.platforms ?? 0 }));
  }

  async clauseType(type: string): Promise<ClauseTypeCount & { description: string; regulations: string[]; byPlatform: Array<{ slug: string; name: string; provisions: number }> }> {
    const info = clauseTypeById.get(type);
    if (!info) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no clause type "${type.slice(0, 60)}" in the taxonomy`);
    const counts = await this.context.countsOfClauseType(type);
    const byPlatform = await this.context.platformsWithClauseType(type);
    return { id: info.id, label: info.label, description: info.description, regulations: info.regulations, provisions: counts?.provisions ?? 0, platforms: counts?.platforms ?? 0, byPlatform };
  }

  /** For each clause type of a provision: how common it is, and the closest provisions of that type on other platforms. */
  async forProvision(id: string) {
    requireRecordIdParam(id, 'P');
    const provision = await this.context.findProvisionClauses(id);
    if (!provision) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    const types = [];
    for (const type of provision.clause_types) {
      const counts = await this.clauseType(type).catch(() => null);
      if (!counts) continue;
      const candidates = await this.context.provisionsOfOtherPlatforms(provision.platform_id, type, CONTEXT_CANDIDATES);
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
