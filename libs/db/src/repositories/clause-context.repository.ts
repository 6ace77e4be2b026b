import { DataSource } from 'typeorm';

/** How many current provisions and platforms carry a clause type. */
export interface ClauseTypeCountRow {
  type: string;
  provisions: number;
  platforms: number;
}

/** A provision of another platform that carries a clause type, for comparison. */
export interface ClauseCandidateRow {
  record_id: string;
  text: string;
  document_record_id: string;
  document_title: string;
  platform_slug: string;
  platform_name: string;
}

const COUNTS = `SELECT t.type, count(*)::int AS provisions, count(DISTINCT d.platform_id)::int AS platforms
  FROM provisions p JOIN documents d ON d.id = p.document_id CROSS JOIN LATERAL jsonb_array_elements_text(p.clause_types) AS t(type)
  WHERE p.removed_at IS NULL AND p.superseded_by_id IS NULL`;

/** The reads of cross-platform context: clause types across current provisions. */
export class ClauseContextRepository {
  constructor(private readonly dataSource: DataSource) {}

  countsByClauseType(): Promise<ClauseTypeCountRow[]> {
    return this.dataSource.query(`${COUNTS} GROUP BY t.type`);
  }

  async countsOfClauseType(type: string): Promise<ClauseTypeCountRow | null> {
    const [counts]: ClauseTypeCountRow[] = await this.dataSource.query(`${COUNTS} AND t.type = $1 GROUP BY t.type`, [type]);
    return counts ?? null;
  }

  platformsWithClauseType(type: string): Promise<Array<{ slug: string; name: string; provisions: number }>> {
    return this.dataSource.query(
      `SELECT pl.slug, pl.name, count(*)::int AS provisions FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
        WHERE p.removed_at IS NULL AND p.superseded_by_id IS NULL AND p.clause_types @> jsonb_build_array($1::text) GROUP BY pl.slug, pl.name ORDER BY provisions DESC, pl.slug`,
      [type],
    );
  }

  async findProvisionClauses(id: string): Promise<{ text: string; clause_types: string[]; platform_id: string } | null> {
    const [provision]: Array<{ text: string; clause_types: string[]; platform_id: string }> = await this.dataSource.query(
      'SELECT p.text, p.clause_types, d.platform_id FROM provisions p JOIN documents d ON d.id = p.document_id WHERE p.record_id = $1',
      [id],
    );
    return provision ?? null;
  }

  provisionsOfOtherPlatforms(platformId: string, type: string, limit: number): Promise<ClauseCandidateRow[]> {
    return this.dataSource.query(
      `SELECT p.record_id, p.text, d.record_id AS document_record_id, d.title AS document_title, pl.slug AS platform_slug, pl.name AS platform_name
           FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
          WHERE p.removed_at IS NULL AND p.superseded_by_id IS NULL AND d.platform_id <> $1 AND p.clause_types @> jsonb_build_array($2::text) LIMIT $3`,
      [platformId, type, limit],
    );
  }
}
