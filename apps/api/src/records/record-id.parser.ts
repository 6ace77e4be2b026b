import { parseRecordId, RECORD_KIND_WIDTHS, RecordId, RecordKind } from '@clausewatch/records';
import { RecordRequestError, RecordsErrorCode } from './records.error';

/**
 * Parses a record ID in its one canonical spelling (`CW-V-0001234`, not `CW-V-1234`): a cited ID
 * must match the stored one character for character, so a near miss is a 400 that says why.
 */
export function requireRecordIdParam(id: string, expected?: RecordKind): RecordId {
  const parsed = parseRecordId(id);
  if (!parsed) {
    const widths = Object.entries(RECORD_KIND_WIDTHS).map(([kind, width]) => `${kind}: ${width}`).join(', ');
    throw new RecordRequestError(
      RecordsErrorCode.MalformedRecordId,
      `"${id.slice(0, 80)}" is not a record ID: expected <PREFIX>-<KIND>-<NUMBER> such as CW-D-00094, kinds E, D, V, P, C, the number zero-padded to at least (${widths}) digits`,
    );
  }
  if (expected && parsed.kind !== expected) throw new RecordRequestError(RecordsErrorCode.WrongRecordKind, `"${id}" is a ${parsed.kind} record; this route takes a ${expected} record ID`);
  return parsed;
}
