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

/** Sends one email; awaits the provider and throws on any error so the caller's retry can work. */
export interface EmailSender {
  send(email: Email): Promise<{ id: string }>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
