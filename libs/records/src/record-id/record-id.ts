import { RECORD_ID_PREFIX_PATTERN, RECORD_KIND_WIDTHS } from '../records.constants';
import { RecordsError, RecordsErrorCode } from '../records.error';

export type RecordKind = keyof typeof RECORD_KIND_WIDTHS;

export interface RecordId {
  prefix: string;
  kind: RecordKind;
  number: number;
}

const RECORD_ID_PATTERN = /^([A-Z0-9]{1,16})-([EDVPC])-(\d+)$/;

export function isRecordKind(value: string): value is RecordKind {
  return Object.prototype.hasOwnProperty.call(RECORD_KIND_WIDTHS, value);
}

/** `CW`, `V`, 1234 → `CW-V-0001234`. */
export function formatRecordId(prefix: string, kind: RecordKind, n: number): string {
  if (!RECORD_ID_PREFIX_PATTERN.test(prefix)) {
    throw new RecordsError(RecordsErrorCode.InvalidRecordId, `record ID prefix must be 1–16 uppercase letters or digits, got ${JSON.stringify(prefix)}`);
  }
  if (!isRecordKind(kind)) throw new RecordsError(RecordsErrorCode.InvalidRecordId, `unknown record kind ${JSON.stringify(kind)}`);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RecordsError(RecordsErrorCode.InvalidRecordId, `record number must be a non-negative integer, got ${n}`);
  }
  return `${prefix}-${kind}-${String(n).padStart(RECORD_KIND_WIDTHS[kind], '0')}`;
}

/**
 * Parses a record ID in its one canonical spelling, or returns null. `CW-V-1234` (too short),
 * `CW-E-000012` (an extra leading zero) and `cw-v-0001234` are rejected rather than normalised:
 * a cited ID must match the stored one character for character.
 */
export function parseRecordId(id: string): RecordId | null {
  const match = RECORD_ID_PATTERN.exec(id);
  if (!match) return null;
  const [, prefix, kindLetter, digits] = match;
  if (!isRecordKind(kindLetter)) return null;
  const width = RECORD_KIND_WIDTHS[kindLetter];
  if (digits.length < width || (digits.length > width && digits.startsWith('0'))) return null;
  const number = Number(digits);
  if (!Number.isSafeInteger(number)) return null;
  return { prefix, kind: kindLetter, number };
}

/** parseRecordId that throws RecordsError(InvalidRecordId), optionally also checking the kind. */
export function requireRecordId(id: string, kind?: RecordKind): RecordId {
  const parsed = parseRecordId(id);
  if (!parsed) throw new RecordsError(RecordsErrorCode.InvalidRecordId, `malformed record ID ${JSON.stringify(id)}`);
  if (kind && parsed.kind !== kind) {
    throw new RecordsError(RecordsErrorCode.InvalidRecordId, `record ID ${id} is of kind ${parsed.kind}, expected ${kind}`);
  }
  return parsed;
}
