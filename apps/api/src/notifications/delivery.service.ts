import { CarriedDigestEntries, ClaimedEmail, EmailsRepository } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Composed, EmailComposer } from './email.composer';
import { EMAIL_SENDER, Email, EmailSendError, EmailSender } from './email.sender';

export interface DeliveryOptions {
  /** First retry delay; doubled per attempt up to `maxRetryMs` (at least the provider's Retry-After). */
  retryBaseMs: number;
  maxRetryMs: number;
  /** Past this long since the first attempt, a still-failing email is marked failed. */
  giveUpAfterMs: number;
  /** How long a claim holds: a sender killed mid-send leaves rows that are claimed again after it. */
  leaseSeconds: number;
  /** Claim-and-send loops running at once in one process. */
  concurrency: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryBaseMs: 30_000,
  maxRetryMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  // Longer than a provider call can take (10 s timeout) plus rendering a batch of 100.
  leaseSeconds: 60,
  concurrency: 4,
};

/** A rendered email on its way to the provider, with the digest entries it carries. */
interface Sending {
  row: ClaimedEmail;
  email: Email;
  entries?: CarriedDigestEntries;
}

/** The delay before attempt `attempts + 1`: exponential with ±20 % jitter, never before Retry-After. */
export function retryDelayMs(attempts: number, retryAfter: number | null, options: Pick<DeliveryOptions, 'retryBaseMs' | 'maxRetryMs'>): number {
  const exponential = Math.min(options.maxRetryMs, options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (0.8 + Math.random() * 0.4);
  return Math.max(jittered, retryAfter ?? 0);
}

/**
 * Delivers owed emails exactly once, outside any transaction: claim rows (committed), render, call
 * the provider with the row's idempotency key (or the batch's), record the result. Safe to run in
 * several processes at once and to kill at any moment.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  options: DeliveryOptions = { ...DEFAULT_DELIVERY_OPTIONS };

  constructor(
    private readonly emails: EmailsRepository,
    private readonly composer: EmailComposer,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender,
  ) {}

  /** Sends until nothing is due; returns the number of emails sent. */
  async drain(): Promise<number> {
    let sent = 0;
    await Promise.all(
      Array.from({ length: this.options.concurrency }, async () => {
        for (;;) {
          const result = await this.deliverOnce();
          if (result === null) return;
          sent += result;
        }
      }),
    );
    return sent;
  }

  /** One claim: returns how many emails it sent, or null when nothing was due. */
  async deliverOnce(): Promise<number | null> {
    const claimed = await this.emails.claim(this.sender.maxBatch, this.options.leaseSeconds);
    if (!claimed.length) return null;
    let composed;
    try {
      composed = await this.composer.compose(claimed);
    } catch (error) {
      await this.retry(claimed, error instanceof Error ? error.message : String(error), null, true);
      return 0;
    }
    await this.skip(claimed, composed);
    const sending = claimed.flatMap((row, i) => {
      const c = composed[i];
      return 'email' in c ? [{ row, email: c.email, entries: c.entries }] : [];
    });
    if (!sending.length) return 0;
    return this.send(sending);
  }

  /** Rows with nothing to send end as skipped (with the digest entries they were to carry), one statement per reason. */
  private async skip(claimed: ClaimedEmail[], composed: Composed[]): Promise<void> {
    const byReason = new Map<string, { ids: string[]; entries: Array<CarriedDigestEntries | undefined> }>();
    composed.forEach((c, i) => {
      if (!('skip' in c)) return;
      const group = byReason.get(c.skip) ?? { ids: [], entries: [] };
      group.ids.push(claimed[i].id);
      group.entries.push(c.entries);
      byReason.set(c.skip, group);
    });
    for (const [reason, group] of byReason) await this.emails.markSkipped(group.ids, reason, group.entries);
  }

  private async send(sending: Sending[]): Promise<number> {
    const rows = sending.map((s) => s.row);
    const emails = sending.map((s) => s.email);
    try {
      const ids = rows.length === 1 ? [await this.sender.send(emails[0])] : await this.sender.sendBatch(emails, rows[0].batchKey ?? `cw-batch-${rows[0].id}`);
      await this.emails.markSent(sending.map((s, i) => ({ id: s.row.id, providerMessageId: ids[i]?.id ?? null, entries: s.entries })));
      return rows.length;
    } catch (error) {
      const failure = error instanceof EmailSendError ? error : new EmailSendError(error instanceof Error ? error.message : String(error), true);
      if (failure.retryable) {
        // A 429 was refused before any work; a 5xx or a timeout may have been taken: keep the batch and its key.
        await this.retry(rows, failure.message, failure.retryAfterMs, failure.status !== 429, sending.map((s) => s.entries));
        return 0;
      }
      if (rows.length > 1) {
        // The whole batch was refused (strict validation): nothing went out, so each email goes alone with its own key.
        let sent = 0;
        for (const one of sending) sent += await this.send([one]);
        return sent;
      }
      this.logger.warn({ email: rows[0].id, error: failure.message }, 'email refused by the provider');
      await this.emails.markFailed([rows[0].id], failure.message, [sending[0].entries]);
      return 0;
    }
  }

  /** `entries`: the digest entries of rendered rows, failed with them on giving up (none if composing failed: they stay owed). */
  private async retry(rows: ClaimedEmail[], message: string, retryAfter: number | null, keepBatch: boolean, entries: Array<CarriedDigestEntries | undefined> = []): Promise<void> {
    const attempts = Math.max(...rows.map((r) => r.attempts));
    const delay = retryDelayMs(attempts, retryAfter, this.options);
    const firstAttempt = Math.min(...rows.map((r) => r.firstAttemptAt.getTime()));
    if (Date.now() + delay - firstAttempt > this.options.giveUpAfterMs) {
      await this.emails.markFailed(
        rows.map((r) => r.id),
        `provider unavailable for ${Math.round(this.options.giveUpAfterMs / 3_600_000)} h: ${message}`,
        entries,
      );
      return;
    }
    this.logger.warn({ emails: rows.length, attempts, retryInMs: Math.round(delay), error: message }, 'email send failed; retrying later');
    await this.emails.markRetry(
      rows.map((r) => r.id),
      message,
      new Date(Date.now() + delay),
      keepBatch,
    );
  }
}
