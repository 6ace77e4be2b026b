export interface Email {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The provider delivers one email per key, however often a retry sends it. */
  idempotencyKey: string;
}

/**
 * Sends emails; awaits the provider and throws an `EmailSendError` on any error so the caller's
 * retry can work. One email goes with its own idempotency key; several go in one batch call with
 * the batch's key (the rows keep that key until they end, so a retry is the very same call).
 */
export interface EmailSender {
  /** Emails per call the provider accepts (Resend's batch endpoint: 100). */
  readonly maxBatch: number;
  send(email: Email): Promise<{ id: string }>;
  sendBatch(emails: Email[], batchKey: string): Promise<Array<{ id: string }>>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');

/** Every provider call gives up after this long (then it counts as a transient failure). */
export const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * Why a send failed. `retryable`: the provider may come back (429, 5xx, a timeout, no connection);
 * otherwise the email is refused for good (another 4xx) and the reason is kept for an admin.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    /** The provider's Retry-After, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from `now`. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
