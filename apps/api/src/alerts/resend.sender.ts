import { Resend } from 'resend';
import type { Email, EmailSender } from './email.sender';

export class EmailProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailProviderError';
  }
}

/** Sends through Resend; RESEND_BASE_URL points the SDK at another server (a local fake in tests). */
export class ResendSender implements EmailSender {
  private readonly client: Resend;

  constructor(apiKey: string, baseUrl: string | null) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(email: Email): Promise<{ id: string }> {
    const { data, error } = await this.client.emails.send(
      { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text, headers: email.headers },
      { idempotencyKey: email.idempotencyKey },
    );
    if (error || !data) throw new EmailProviderError(`Resend refused the email: ${error?.message ?? 'no answer'}`);
    return { id: data.id };
  }
}
