import { CodedError, ErrorKind } from '@clausewatch/errors';

export enum RecordsErrorCode {
  MalformedRecordId = 'MALFORMED_RECORD_ID',
  WrongRecordKind = 'WRONG_RECORD_KIND',
  NoSuchRecord = 'NO_SUCH_RECORD',
  VersionNotInLedger = 'VERSION_NOT_IN_LEDGER',
  UnknownCitationFormat = 'UNKNOWN_CITATION_FORMAT',
  InvalidAccessedDate = 'INVALID_ACCESSED_DATE',
}

const KIND: Record<RecordsErrorCode, ErrorKind> = {
  [RecordsErrorCode.MalformedRecordId]: 'invalid',
  [RecordsErrorCode.WrongRecordKind]: 'invalid',
  [RecordsErrorCode.NoSuchRecord]: 'not-found',
  [RecordsErrorCode.VersionNotInLedger]: 'conflict',
  [RecordsErrorCode.UnknownCitationFormat]: 'invalid',
  [RecordsErrorCode.InvalidAccessedDate]: 'invalid',
};

/** What a request for records can get wrong; the exception filter answers it as problem details. */
export class RecordRequestError extends CodedError<RecordsErrorCode> {
  constructor(code: RecordsErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
