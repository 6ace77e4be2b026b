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
}

/** One version of the provision's document from its first appearance on; `text` is null where the version does not hold it. */
export interface ProvisionAppearance {
  version: string;
  captured_at: Date;
  text: string | null;
}

/** Reads provisions and their history for the records API (writes happen in the capture lineage). */
export class ProvisionRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByRecordId(recordId: string): Promise<ProvisionRow | null> {
    const [row]: ProvisionRow[] = await this.dataSource.query(
      `SELECT p.id, p.record_id, p.document_id, d.record_id AS document_record_id, d.title AS document_title, d.type AS document_type,
              pl.record_id AS platform_record_id, pl.name AS platform_name, pl.slug AS platform_slug,
              p.heading_path, p.text, p.clause_types, p.change_count, p.first_seen_at, p.last_seen_at, p.removed_at,
              fv.record_id AS first_version, lv.record_id AS last_version, rv.record_id AS removed_version,
              lv.captured_at AS last_version_captured_at, lv.text_sha256 AS last_version_text_sha256,
              lv.raw_sha256 AS last_version_raw_sha256, lv.source_url AS last_version_source_url
         FROM provisions p
         JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
         JOIN versions fv ON fv.id = p.first_seen_version_id JOIN versions lv ON lv.id = p.last_seen_version_id
         LEFT JOIN versions rv ON rv.id = p.removed_in_version_id
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
}
