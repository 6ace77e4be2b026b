import { DataSource } from 'typeorm';

/** The tables of an archive export, each exported as one file named after it. */
export type ArchiveTableName = 'versions' | 'provisions' | 'changes';

// Record IDs stand in for every internal id, so an export can be cited and joined on its own.
const ARCHIVE_TABLES: Record<ArchiveTableName, { table: string; columns: string[]; query: string }> = {
  versions: {
    table: 'versions',
    columns: ['id', 'document', 'platform', 'captured_at', 'source_url', 'final_url', 'http_status', 'fetcher', 'origin', 'raw_sha256', 'text_sha256', 'ledger_index', 'revert_of', 'title', 'markdown'],
    // Keyset-paginated by the internal id, which is not exported ($1 = last id, $2 = limit).
    query: `SELECT v.id AS _key, v.record_id AS id, d.record_id AS document, pl.slug AS platform, v.captured_at, v.source_url, v.final_url, v.http_status,
                   v.fetcher, v.origin, v.raw_sha256, v.text_sha256, v.ledger_index, r.record_id AS revert_of, v.title, v.markdown
              FROM versions v JOIN documents d ON d.id = v.document_id JOIN platforms pl ON pl.id = d.platform_id
              LEFT JOIN versions r ON r.id = v.revert_of_version_id
             WHERE v.id > $1 ORDER BY v.id LIMIT $2`,
  },
  provisions: {
    table: 'provisions',
    columns: ['id', 'document', 'platform', 'heading_path', 'clause_types', 'first_seen_version', 'first_seen_at', 'last_seen_version', 'last_seen_at', 'change_count', 'removed_in_version', 'removed_at', 'text', 'superseded_by'],
    // Keyset-paginated by the internal id, which is not exported ($1 = last id, $2 = limit).
    query: `SELECT p.id AS _key, p.record_id AS id, d.record_id AS document, pl.slug AS platform, p.heading_path, p.clause_types,
                   f.record_id AS first_seen_version, p.first_seen_at, l.record_id AS last_seen_version, p.last_seen_at, p.change_count,
                   r.record_id AS removed_in_version, p.removed_at, p.text, s.record_id AS superseded_by
              FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
              JOIN versions f ON f.id = p.first_seen_version_id JOIN versions l ON l.id = p.last_seen_version_id
              LEFT JOIN versions r ON r.id = p.removed_in_version_id LEFT JOIN provisions s ON s.id = p.superseded_by_id
             WHERE p.id > $1 ORDER BY p.id LIMIT $2`,
  },
  changes: {
    table: 'change_records',
    columns: ['id', 'document', 'platform', 'from_version', 'to_version', 'kind', 'severity', 'alert_eligible', 'revert_of', 'clause_types', 'summary', 'reasons', 'clauses', 'analyzer_version', 'created_at', 'superseded_by'],
    // Keyset-paginated by the internal id, which is not exported ($1 = last id, $2 = limit).
    query: `SELECT c.id AS _key, c.record_id AS id, d.record_id AS document, pl.slug AS platform, f.record_id AS from_version, t.record_id AS to_version,
                   c.kind, c.severity, c.alert_eligible, r.record_id AS revert_of, c.clause_types, c.summary, c.reasons, c.clauses,
                   c.analyzer_version, c.created_at, c.superseded_by
              FROM change_records c JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id
              JOIN versions f ON f.id = c.from_version_id JOIN versions t ON t.id = c.to_version_id
              LEFT JOIN versions r ON r.id = c.revert_of_version_id
             WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
  },
};

/** Reads the archive (versions, provisions, change records) for `export`, a batch at a time in id order. */
export class ArchiveExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The export's tables in file order, with the columns each file holds. */
  tables(): Array<{ name: ArchiveTableName; columns: string[] }> {
    return (Object.keys(ARCHIVE_TABLES) as ArchiveTableName[]).map((name) => ({ name, columns: ARCHIVE_TABLES[name].columns }));
  }

  async countRows(name: ArchiveTableName): Promise<number> {
    const [row]: Array<{ n: string }> = await this.dataSource.query(`SELECT count(*) AS n FROM ${ARCHIVE_TABLES[name].table}`);
    return Number(row.n);
  }

  /** Up to `limit` rows after the internal id `after`; each row's `_key` is the id to continue after. */
  readBatch(name: ArchiveTableName, after: string, limit: number): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(ARCHIVE_TABLES[name].query, [after, limit]);
  }
}
