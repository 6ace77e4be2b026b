import type { LedgerVersionRecord } from '@clausewatch/records';
import type { Version } from '../entities';

/** The version fields a leaf is built from, as an outsider sees them in the version record. */
export function ledgerRecordOf(version: Pick<Version, 'recordId' | 'capturedAt' | 'rawSha256' | 'textSha256' | 'sourceUrl'>, documentRecordId: string): LedgerVersionRecord {
  return {
    id: version.recordId,
    documentId: documentRecordId,
    capturedAt: version.capturedAt.toISOString(),
    rawSha256: version.rawSha256,
    textSha256: version.textSha256,
    sourceUrl: version.sourceUrl,
  };
}
