import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChangeRecord, Document, NotificationsRepository, Platform, Subscriber } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EMAIL_SENDER, Email, EmailSender } from './email.sender';

const MAX_ATTEMPTS = 5;
const BATCH = 20;

interface ClauseView {
  op: string;
  clauseTypes: string[];
  severity: string;
  before: string | null;
  after: string | null;
}

/** Sends the same-day alerts owed in the notifications table (written with their change records). */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);
  private readonly template: HandlebarsTemplateDelegate;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender,
    private readonly notifications: NotificationsRepository,
  ) {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('join', (items: string[]) => items.join(', '));
    this.template = handlebars.compile(readFileSync(join(__dirname, 'templates/alert.hbs'), 'utf8'));
  }

  /** Starts a send in the background (after a change was recorded); errors are logged, rows stay pending. */
  sendPendingSoon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sendPending()
      .catch((error) => {
        this.logger.error(`sending alerts failed: ${error instanceof Error ? error.message : error}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.sendPendingSoon();
        }
      });
  }

  /** Whether a background send is under way (tests and shutdown wait for it). */
  idle(): Promise<unknown> {
    return this.running ?? Promise.resolve();
  }

  /** Sends every pending alert; returns how many were sent. Safe to run in several processes at once. */
  async sendPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const claimed = await this.notifications.claimPending('alert', BATCH, manager);
        let count = 0;
        for (const notification of claimed) {
          try {
            const email = await this.compose(notification.subscriberId, notification.changeRecordId, notification.idempotencyKey, manager);
            const { id } = await this.sender.send(email);
            await this.notifications.markSent(notification.id, id, manager);
            count++;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await this.notifications.markFailed(notification.id, message, notification.attempts + 1 >= MAX_ATTEMPTS, manager);
            this.logger.warn(`alert ${notification.idempotencyKey} not sent (attempt ${notification.attempts + 1}): ${message}`);
          }
        }
        return { claimed: claimed.length, count };
      });
      sent += batch.count;
      if (batch.claimed < BATCH || batch.count === 0) return sent;
    }
  }

  private async compose(subscriberId: string, changeRecordId: string, idempotencyKey: string, manager: DataSource['manager']): Promise<Email> {
    const subscriber = await manager.findOneByOrFail(Subscriber, { id: subscriberId });
    const change = await manager.findOneByOrFail(ChangeRecord, { id: changeRecordId });
    const document = await manager.findOneByOrFail(Document, { id: change.documentId });
    const platform = await manager.findOneByOrFail(Platform, { id: document.platformId });
    const permalink = `${this.config.publicUrl}/r/${change.recordId}`;
    const unsubscribeUrl = `${this.config.publicUrl}/api/v1/unsubscribe/${subscriber.unsubscribeToken}`;
    const clauses = (change.clauses as ClauseView[]).slice(0, 10).map((c) => ({
      ...c,
      before: c.before && c.before.length > 600 ? `${c.before.slice(0, 600)}…` : c.before,
      after: c.after && c.after.length > 600 ? `${c.after.slice(0, 600)}…` : c.after,
    }));
    const headline = `${platform.name} changed its ${document.title}`;
    const view = { platform: platform.name, document: document.title, headline, severity: change.severity, kind: change.kind, summary: change.summary, reasons: change.reasons, clauses, permalink, recordId: change.recordId, unsubscribeUrl };
    const text = [
      headline,
      `Severity: ${change.severity} (${change.kind}) — record ${change.recordId}`,
      '',
      change.summary,
      ...change.reasons.map((r) => `- ${r}`),
      '',
      `Full record: ${permalink}`,
      `Unsubscribe: ${unsubscribeUrl}`,
    ].join('\n');
    return {
      to: subscriber.email,
      from: this.config.emailFrom,
      subject: `[${change.severity}] ${headline}`,
      html: this.template(view),
      text,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      idempotencyKey,
    };
  }
}
