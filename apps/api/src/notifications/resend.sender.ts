import { Resend } from 'resend';
import { Email, EmailSendError, EmailSender, PROVIDER_TIMEOUT_MS, retryAfterMs } from './email.sender';

interface ResendAnswer<T> {
  data: T | null;
  error: { message: string; statusCode?: number | null; name?: string } | null;
  headers?: Record<string, string> | null;
}

/** Sends through Resend; RESEND_BASE_URL points the SDK at another server (a local fake in tests). */
export class ResendSender implements EmailSender {
  readonly maxBatch = 100;
  private readonly client: Resend;

  constructor(
    apiKey: string,
    baseUrl: string | null,
    private readonly timeoutMs = PROVIDER_TIMEOUT_MS,
  ) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(email: Email): Promise<{ id: string }> {
    // The SDK hands its request options to fetch, so the signal bounds the whole call.
    const options = { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(this.timeoutMs) };
    const answer = (await this.client.emails.send(this.payload(email), options)) as ResendAnswer<{ id: string }>;
    return this.unwrap(answer);
  }

  async sendBatch(emails: Email[], batchKey: string): Promise<Array<{ id: string }>> {
    const options = { idempotencyKey: batchKey, signal: AbortSignal.timeout(this.timeoutMs) };
    const answer = (await this.client.batch.send(emails.map((e) => this.payload(e)), options)) as ResendAnswer<{ data: Array<{ id: string }> }>;
    const { data } = this.unwrap(answer);
    if (!Array.isArray(data) || data.length !== emails.length) throw new EmailSendError(`Resend answered ${data?.length ?? 0} ids for ${emails.length} emails`, true);
    return data;
  }

  private payload(email: Email) {
    return { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text, headers: email.headers };
  }

  private unwrap<T>(answer: ResendAnswer<T>): T {
    if (answer.data && !answer.error) return answer.data;
    const status = answer.error?.statusCode ?? null;
    const message = `Resend${status ? ` ${status}` : ''}: ${answer.error?.message ?? 'no answer'}`;
    // No status: a timeout or no connection; the provider may or may not have the email (the key covers it).
    // 409 concurrent_idempotent_requests: the same key is still being processed.
    const retryable = status === null || status === 429 || status >= 500 || answer.error?.name === 'concurrent_idempotent_requests';
    throw new EmailSendError(message, retryable, status, retryAfterMs(answer.headers?.['retry-after']));
  }
}
