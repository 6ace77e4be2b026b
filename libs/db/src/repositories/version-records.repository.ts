import { DataSource } from 'typeorm';
import { ChangeRecord, Version } from '../entities';

/** Internal version id → record ID, for the versions a record names. */
type VersionIds = Map<string, string>;

interface Row {
  id: string;
  record_id: string;
  document_id: string;
  title: string | null;
  captured_at: Date;
  source_url: string;
  final_url: string | null;
  http_status: number | null;
  fetcher: string;
  origin: Version['origin'];
  raw_sha256: string;
  text_sha256: string;
  extractor_version: string;
  confirmed_at: Date | null;
  revert_of_version_id: string | null;
  ledger_index: string | null;
  markdown: string;
  document_record_id: string;
  revert_record_id: string | null;
  c_id: string | null;
  c_record_id: string;
  c_from: string;
  c_kind: string;
  c_severity: string;
  c_alert_eligible: boolean;
  c_revert: string | null;
  c_summary: string;
  c_reasons: string[];
  c_clause_types: string[];
  c_clauses: ChangeRecord['clauses'];
  c_analyzer_version: string;
  c_created_at: Date;
  c_from_record: string;
  c_revert_record: string | null;
}

// The hottest read of the API in one round trip: the version, its document's ID, the version it
// reverts to, and the change record that produced it with the versions that one names.
const SQL = `SELECT v.id, v.record_id, v.document_id, v.title, v.captured_at, v.source_url, v.final_url, v.http_status, v.fetcher, v.origin, v.raw_sha256,
       v.text_sha256, v.extractor_version, v.confirmed_at, v.revert_of_version_id, v.ledger_index, v.markdown,
       d.record_id AS document_record_id, rv.record_id AS revert_record_id,
       c.id AS c_id, c.record_id AS c_record_id, c.from_version_id AS c_from, c.kind AS c_kind, c.severity AS c_severity,
       c.alert_eligible AS c_alert_eligible, c.revert_of_version_id AS c_revert, c.summary AS c_summary, c.reasons AS c_reasons,
       c.clause_types AS c_clause_types, c.clauses AS c_clauses, c.analyzer_version AS c_analyzer_version, c.created_at AS c_created_at,
       cf.record_id AS c_from_record, cr.record_id AS c_revert_record
  FROM versions v JOIN documents d ON d.id = v.document_id
  LEFT JOIN versions rv ON rv.id = v.revert_of_version_id
  LEFT JOIN change_records c ON c.to_version_id = v.id AND c.superseded_by IS NULL
  LEFT JOIN versions cf ON cf.id = c.from_version_id
  LEFT JOIN versions cr ON cr.id = c.revert_of_version_id
 WHERE v.record_id = $1`;

export interface VersionRecordParts {
  version: Version;
  documentRecordId: string;
  change: ChangeRecord | null;
  ids: VersionIds;
}

async function loadVersionRecord(dataSource: DataSource, recordId: string): Promise<VersionRecordParts | null> {
  const [row]: Row[] = await dataSource.query(SQL, [recordId]);
  if (!row) return null;
  const version = Object.assign(new Version(), {
    id: row.id,
    recordId: row.record_id,
    documentId: row.document_id,
    title: row.title,
    capturedAt: row.captured_at,
    sourceUrl: row.source_url,
    finalUrl: row.final_url,
    httpStatus: row.http_status,
    fetcher: row.fetcher,
    origin: row.origin,
    rawSha256: row.raw_sha256,
    textSha256: row.text_sha256,
    extractorVersion: row.extractor_version,
    confirmedAt: row.confirmed_at,
    revertOfVersionId: row.revert_of_version_id,
    ledgerIndex: row.ledger_index,
    markdown: row.markdown,
  });
  const ids: VersionIds = new Map([[row.id, row.record_id]]);
  if (row.revert_of_version_id && row.revert_record_id) ids.set(row.revert_of_version_id, row.revert_record_id);
  let change: ChangeRecord | null = null;
  if (row.c_id !== null) {
    ids.set(row.c_from, row.c_from_record);
    if (row.c_revert && row.c_revert_record) ids.set(row.c_revert, row.c_revert_record);
    change = Object.assign(new ChangeRecord(), {
      id: row.c_id,
      recordId: row.c_record_id,
      documentId: row.document_id,
      fromVersionId: row.c_from,
      toVersionId: row.id,
      kind: row.c_kind,
      severity: row.c_severity,
      alertEligible: row.c_alert_eligible,
      revertOfVersionId: row.c_revert,
      summary: row.c_summary,
      reasons: row.c_reasons,
      clauseTypes: row.c_clause_types,
      clauses: row.c_clauses,
      analyzerVersion: row.c_analyzer_version,
      supersededBy: null,
      createdAt: row.c_created_at,
    });
  }
  return { version, documentRecordId: row.document_record_id, change, ids };
}

/** A version record with its document, its change and the record IDs of the versions they name, in one read. */
export class VersionRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findVersionRecord(recordId: string): Promise<VersionRecordParts | null> {
    return loadVersionRecord(this.dataSource, recordId);
  }
}
