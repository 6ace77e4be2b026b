import { CodedError, ErrorKind } from '@clausewatch/errors';

export enum LedgerErrorCode {
  NotInLedger = 'NOT_IN_LEDGER',
  Pending = 'LEDGER_PENDING',
  NoSuchTreeHead = 'NO_SUCH_TREE_HEAD',
  NotYetSigned = 'NOT_YET_SIGNED',
  UnknownKey = 'UNKNOWN_LEDGER_KEY',
}

const KIND: Record<LedgerErrorCode, ErrorKind> = {
  [LedgerErrorCode.NotInLedger]: 'conflict',
  // Committed a moment ago; the appender's next batch gives it its leaf.
  [LedgerErrorCode.Pending]: 'unavailable',
  [LedgerErrorCode.NoSuchTreeHead]: 'not-found',
  // Captured a moment ago and its head not signed yet (or the signing failed): the next one covers it.
  [LedgerErrorCode.NotYetSigned]: 'unavailable',
  // A head names a key the database never recorded: the data is not what it should be.
  [LedgerErrorCode.UnknownKey]: 'conflict',
};

/** The one error class of the ledger and integrity checks; callers branch on `code`. */
export class LedgerError extends CodedError<LedgerErrorCode> {
  constructor(code: LedgerErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
