/**
 * What kind of failure an error is, whatever module threw it: the one exception filter maps each
 * kind to an HTTP status, so a service says what went wrong and never how HTTP should answer.
 */
export type ErrorKind =
  | 'invalid' // the request is malformed or names something impossible (400)
  | 'unauthorized' // no or a wrong credential (401)
  | 'forbidden' // known, but not allowed (403)
  | 'not-found' // nothing by that name (404)
  | 'conflict' // clashes with what exists (409)
  | 'too-large' // over a configured size (413)
  | 'unprocessable' // understood, but cannot be done as asked (422)
  | 'unavailable' // a dependency is down or not ready yet (503)
  | 'internal'; // a bug or an unexpected state (500)

/**
 * The one base class of the workspace's errors: each module throws its own subclass with a code enum
 * (`LedgerErrorCode.NotYetSigned`), a kind, and a message a user can act on.
 */
export class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    /** Fields a client may use (extension members of a problem details body). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
