import { DataSource } from 'typeorm';

export interface ProvisionRow {
  id: string;
  record_id: string;
  document_id: string;
  document_record_id: string;
  document_title: string;
  document_type: string;
  platform_record_id: string;
  platform_name: string;
  platform_slug: string;
  heading_path: string[];
  text: string;
  clause_types: string[];
  change_count: number;
  first_seen_at: Date;
  last_seen_at: Date;
  removed_at: Date | null;
  first_version: string;
  last_version: string;
  removed_version: string | null;
  last_version_captured_at: Date;
  last_version_text_sha256: string;
  last_version_raw_sha256: string;
  last_version_source_url: string;
  /** The record ID of the provision this one turned out to be (see Provision.supersededById), or null. */
  superseded_by: string | null;
  /**
   * A superseded provision: the versions that held it before it was superseded (from its first to its
   * last sighting, held now by its successor, which took its place there); null for any other.
   */
  versions_seen_before_superseded: number | null;
}

/** One version of the provision's document from its first appearance on; `text` is null where the version does not hold it. */
export interface ProvisionAppearance {
  version: string;
  captured_at: Date;
  text: string | null;
}

/** The newest provisions a search looks at first, and up to how many matches it sorts itself (see `search`). */
const SEARCH_WINDOW = 10_000;
const SEARCH_PROBE = 5000;

/** A provision as a version holds it, in reading order. */
export interface VersionProvisionRow {
  position: number;
  record_id: string;
  heading_path: string[];
  clause_types: string[];
}

/** Provision record IDs by position (the splitter's index), per version id. */
export type ProvisionIdsByVersion = Map<string, Map<number, string>>;

export interface ProvisionSearch {
  /** Document record ID. */
  document?: string;
  /** Clause type ID (taxonomy). */
  type?: string;
  /** Words, quoted phrases, `or`, `-word` (PostgreSQL websearch_to_tsquery, English stemming). */
  q?: string;
  limit: number;
  offset: number;
}

export interface ProvisionSearchRow {
  record_id: string;
  document_record_id: string;
  document_title: string;
  platform_slug: string;
  platform_name: string;
  heading_path: string[];
  clause_types: string[];
  text: string;
  last_seen_at: Date;
  removed_at: Date | null;
}

/** Reads provisions and their history for the records API (writes happen in the capture lineage). */
/** A provision as a topic page lists it: the start of its text, where it sits, whose it is. */
export interface ProvisionAcrossPlatforms {
  id: string;
  /** The first 400 characters. */
  text: string;
  headingPath: string[];
  platform: { slug: string; name: string };
  document: { id: string; title: string };
}

export class ProvisionRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByRecordId(recordId: string): Promise<ProvisionRow | null> {
    const [row]: ProvisionRow[] = await this.dataSource.query(
      `SELECT p.id, p.record_id, p.document_id, d.record_id AS document_record_id, d.title AS document_title, d.type AS document_type,
              pl.record_id AS platform_record_id, pl.name AS platform_name, pl.slug AS platform_slug,
              p.heading_path, p.text, p.clause_types, p.change_count, p.first_seen_at, p.last_seen_at, p.removed_at,
              fv.record_id AS first_version, lv.record_id AS last_version, rv.record_id AS removed_version,
              lv.captured_at AS last_version_captured_at, lv.text_sha256 AS last_version_text_sha256,
              lv.raw_sha256 AS last_version_raw_sha256, lv.source_url AS last_version_source_url, sp.record_id AS superseded_by,
              CASE WHEN p.superseded_by_id IS NOT NULL THEN (
                SELECT count(*)::int FROM version_provisions vp JOIN versions v ON v.id = vp.version_id
                 WHERE vp.provision_id = p.superseded_by_id AND v.document_id = p.document_id
                   AND v.captured_at >= p.first_seen_at AND v.captured_at <= p.last_seen_at) END AS versions_seen_before_superseded
         FROM provisions p
         JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
         JOIN versions fv ON fv.id = p.first_seen_version_id JOIN versions lv ON lv.id = p.last_seen_version_id
         LEFT JOIN versions rv ON rv.id = p.removed_in_version_id
         LEFT JOIN provisions sp ON sp.id = p.superseded_by_id
        WHERE p.record_id = $1`,
      [recordId],
    );
    return row ?? null;
  }

  /** Every version of the document since the provision first appeared, oldest first, with the text it had there (null: absent). */
  history(row: Pick<ProvisionRow, 'id' | 'document_id' | 'first_seen_at'>): Promise<ProvisionAppearance[]> {
    return this.dataSource.query(
      `SELECT v.record_id AS version, v.captured_at, vp.text
         FROM versions v LEFT JOIN version_provisions vp ON vp.version_id = v.id AND vp.provision_id = $1
        WHERE v.document_id = $2 AND v.captured_at >= $3 ORDER BY v.captured_at, v.id`,
      [row.id, row.document_id, row.first_seen_at],
    );
  }

  /** The provisions a version holds, in reading order. */
  listForVersion(versionId: string): Promise<VersionProvisionRow[]> {
    return this.dataSource.query(
      `SELECT vp.position, p.record_id, p.heading_path, p.clause_types
         FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id
        WHERE vp.version_id = $1 ORDER BY vp.position`,
      [versionId],
    );
  }

  /**
   * For change records: which provision each clause index is, for the (version, index) pairs asked for
   * (the clauses' own indexes): a change of 38 clauses on a page of 38,000 reads 38 rows, not 76,000.
   */
  async idsByPosition(wanted: Array<{ versionId: string; position: number }>): Promise<ProvisionIdsByVersion> {
    const result: ProvisionIdsByVersion = new Map();
    if (wanted.length === 0) return result;
    const rows: Array<{ version_id: string; position: number; record_id: string }> = await this.dataSource.query(
      `SELECT vp.version_id, vp.position, p.record_id
         FROM unnest($1::bigint[], $2::int[]) AS w(version_id, position)
         JOIN version_provisions vp ON vp.version_id = w.version_id AND vp.position = w.position
         JOIN provisions p ON p.id = vp.provision_id`,
      [wanted.map((w) => w.versionId), wanted.map((w) => w.position)],
    );
    for (const row of rows) {
      let positions = result.get(row.version_id);
      if (!positions) result.set(row.version_id, (positions = new Map()));
      positions.set(row.position, row.record_id);
    }
    return result;
  }

  /**
   * Full-text search over the provisions' latest text (the stored search_vector, English stemming, GIN
   * index), optionally within one document and one clause type (GIN on clause_types); newest first.
   * PostgreSQL cannot tell a frequent word from a rare one well enough to pick a plan (an unknown word
   * is estimated at 0.5 % of the rows, and a wrong guess walks the whole table), so the search decides
   * from the data: (1) the newest SEARCH_WINDOW provisions, filtered, give the page when they hold it
   * (a frequent word; not tried within one document); (2) else the matches are collected through the indexes and sorted (a rare word);
   * (3) only when more than SEARCH_PROBE match, older ones mostly, the newest-first walk of the key.
   */
  async search(query: ProvisionSearch): Promise<ProvisionSearchRow[]> {
    // A superseded provision is the same clause as the one that replaces it: only that one is listed.
    const where: string[] = ['p.superseded_by_id IS NULL'];
    const params: unknown[] = [];
    if (query.document) {
      params.push(query.document);
      where.push(`p.document_id = (SELECT id FROM documents WHERE record_id = $${params.length})`);
    }
    if (query.type) {
      params.push(JSON.stringify([query.type]));
      where.push(`p.clause_types @> $${params.length}::jsonb`);
    }
    if (query.q) {
      params.push(query.q);
      where.push(`p.search_vector @@ websearch_to_tsquery('english', $${params.length})`);
    }
    const filtered = where.length > 1;
    const filter = `WHERE ${where.join(' AND ')}`;
    const page = [...params, query.limit, query.offset];
    const [limit, offset] = [`$${page.length - 1}`, `$${page.length}`];
    const ids = async (sql: string): Promise<string[]> => (await this.dataSource.query(sql, page)).map((r: { id: string }) => r.id);
    let found: string[] | null = null;
    if (!filtered) {
      found = await ids(`SELECT id FROM provisions WHERE superseded_by_id IS NULL ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`);
    } else {
      // One document holds a sliver of the newest rows: its own index finds its provisions at once.
      const window = query.document ? [] : await ids(
        `SELECT p.id FROM (SELECT id, document_id, clause_types, search_vector, superseded_by_id FROM provisions ORDER BY id DESC LIMIT ${SEARCH_WINDOW}) p ${filter} ORDER BY p.id DESC LIMIT ${limit} OFFSET ${offset}`,
      );
      if (window.length === query.limit) found = window;
      else {
        const rows: Array<{ id: string | null; matches: number }> = await this.dataSource.query(
          `WITH m AS MATERIALIZED (SELECT p.id FROM provisions p ${filter} LIMIT ${SEARCH_PROBE + 1}), n AS (SELECT count(*)::int AS matches FROM m)
           SELECT top.id, n.matches FROM n LEFT JOIN LATERAL (SELECT id FROM m WHERE n.matches <= ${SEARCH_PROBE} ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}) top ON true`,
          page,
        );
        if ((rows[0]?.matches ?? 0) <= SEARCH_PROBE) found = rows.flatMap((r) => (r.id === null ? [] : [r.id]));
        else found = await ids(`SELECT p.id FROM provisions p ${filter} ORDER BY p.id DESC LIMIT ${limit} OFFSET ${offset}`);
      }
    }
    if (found.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.record_id, d.record_id AS document_record_id, d.title AS document_title, pl.slug AS platform_slug, pl.name AS platform_name,
              p.heading_path, p.clause_types, p.text, p.last_seen_at, p.removed_at
         FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
        WHERE p.id = ANY($1::bigint[]) ORDER BY p.id DESC`,
      [found],
    );
  }

  /** Per clause type (of `types`): how many current provisions of a platform's documents carry it, and the first one's ID. */
  countsByClauseType(platformSlug: string, types: string[]): Promise<Array<{ type: string; provisions: number; example: string }>> {
    return this.dataSource.query(
      `SELECT t.type, count(*)::int AS provisions, min(p.record_id) AS example
         FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
              CROSS JOIN LATERAL jsonb_array_elements_text(p.clause_types) AS t(type)
        WHERE pl.slug = $1 AND p.removed_at IS NULL AND p.superseded_by_id IS NULL AND t.type = ANY($2) GROUP BY t.type`,
      [platformSlug, types],
    );
  }

  /** Current provisions carrying any of these clause types, across platforms (a topic page's list), by platform name. */
  async listOfClauseTypes(types: string[], limit: number): Promise<ProvisionAcrossPlatforms[]> {
    const rows: Array<{ record_id: string; text: string; heading_path: string[]; platform_slug: string; platform_name: string; document_record_id: string; document_title: string }> = await this.dataSource.query(
      `SELECT p.record_id, left(p.text, 400) AS text, p.heading_path, pl.slug AS platform_slug, pl.name AS platform_name, d.record_id AS document_record_id, d.title AS document_title
         FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
        WHERE p.removed_at IS NULL AND p.superseded_by_id IS NULL AND p.clause_types ?| $1::text[] ORDER BY pl.name, p.id LIMIT $2`,
      [types, limit],
    );
    return rows.map((r) => ({ id: r.record_id, text: r.text, headingPath: r.heading_path, platform: { slug: r.platform_slug, name: r.platform_name }, document: { id: r.document_record_id, title: r.document_title } }));
  }
}
