// The exact bytes a version contributes to the ledger. They must be rebuildable by anyone from a
// cited record, so the layout is canonical JSON (RFC 8785: keys sorted, no whitespace; all values
// here are strings, for which JCS and JSON.stringify agree) and inputs are checked, not normalised.
import { VERSION_LEAF_SCHEMA } from '../records.constants';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { requireRecordId } from '../record-id/record-id';

export interface VersionLeafInput {
  /** The version's record ID, `CW-V-0001234`. */
  recordId: string;
  /** The document's record ID, `CW-D-00094`. */
  documentId: string;
  /** A Date, or the ISO 8601 string Date#toISOString gives (`2024-03-01T12:00:00.000Z`). */
  capturedAt: string | Date;
  /** Lowercase hex SHA-256 of the raw captured bytes. */
  rawSha256: string;
  /** Lowercase hex SHA-256 of the extracted, normalised text. */
  textSha256: string;
  sourceUrl: string;
}

function invalid(message: string): RecordsError {
  return new RecordsError(RecordsErrorCode.InvalidArgument, `version leaf: ${message}`);
}

function canonicalTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`capturedAt ${JSON.stringify(value)} is not a date`);
  const iso = date.toISOString();
  if (typeof value === 'string' && value !== iso) throw invalid(`capturedAt must be written as ${iso}, got ${value}`);
  return iso;
}

function sha256Hex(name: string, value: string): string {
  if (!/^[0-9a-f]{64}$/.test(value)) throw invalid(`${name} must be 64 lowercase hex digits`);
  return value;
}

/** The leaf bytes (UTF-8 of canonical JSON) for one version. */
export function versionLeaf(input: VersionLeafInput): Buffer {
  requireRecordId(input.recordId, 'V');
  requireRecordId(input.documentId, 'D');
  if (typeof input.sourceUrl !== 'string' || input.sourceUrl.length === 0) throw invalid('sourceUrl is empty');
  const fields: Record<string, string> = {
    capturedAt: canonicalTime(input.capturedAt),
    documentId: input.documentId,
    rawSha256: sha256Hex('rawSha256', input.rawSha256),
    recordId: input.recordId,
    schema: VERSION_LEAF_SCHEMA,
    sourceUrl: input.sourceUrl,
    textSha256: sha256Hex('textSha256', input.textSha256),
  };
  const sorted = Object.fromEntries(Object.keys(fields).sort().map((key) => [key, fields[key]]));
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}
