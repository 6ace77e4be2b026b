import { CodedError, ErrorKind } from '@clausewatch/errors';

export enum DocumentsErrorCode {
  InvalidUrl = 'INVALID_URL',
  InvalidRules = 'INVALID_RULES',
  EmptyCapture = 'EMPTY_CAPTURE',
  CaptureTooLarge = 'CAPTURE_TOO_LARGE',
  InvalidCapturedAt = 'INVALID_CAPTURED_AT',
  AlreadyExists = 'DOCUMENT_EXISTS',
  InvalidCorrection = 'INVALID_CORRECTION',
  CheckRunning = 'CHECK_RUNNING',
}

const KIND: Record<DocumentsErrorCode, ErrorKind> = {
  [DocumentsErrorCode.InvalidUrl]: 'invalid',
  [DocumentsErrorCode.InvalidRules]: 'invalid',
  [DocumentsErrorCode.EmptyCapture]: 'invalid',
  [DocumentsErrorCode.CaptureTooLarge]: 'too-large',
  [DocumentsErrorCode.InvalidCapturedAt]: 'invalid',
  [DocumentsErrorCode.AlreadyExists]: 'conflict',
  [DocumentsErrorCode.InvalidCorrection]: 'invalid',
  [DocumentsErrorCode.CheckRunning]: 'conflict',
};

/** What a request about documents can get wrong; the exception filter answers it as problem details. */
export class DocumentsError extends CodedError<DocumentsErrorCode> {
  constructor(code: DocumentsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, KIND[code], message, details);
  }
}
