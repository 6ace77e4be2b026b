export enum LedgerErrorCode {
  NotInLedger = 'NOT_IN_LEDGER',
  NoSuchTreeHead = 'NO_SUCH_TREE_HEAD',
  NotYetSigned = 'NOT_YET_SIGNED',
  NotAVersion = 'NOT_A_VERSION',
}

/** The one error class of the capture ledger and integrity checks; callers branch on `code`. */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
