export enum RecordsErrorCode {
  InvalidRecordId = 'INVALID_RECORD_ID',
  InvalidArgument = 'INVALID_ARGUMENT',
  OutOfRange = 'OUT_OF_RANGE',
  LedgerConflict = 'LEDGER_CONFLICT',
  MissingNode = 'MISSING_NODE',
  InvalidKey = 'INVALID_KEY',
  InvalidTreeHead = 'INVALID_TREE_HEAD',
}

/** The one error class of libs/records; callers branch on `code`, never on the message. */
export class RecordsError extends Error {
  constructor(
    readonly code: RecordsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecordsError';
  }
}
