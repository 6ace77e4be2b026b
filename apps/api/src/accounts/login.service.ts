import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { AccountsRepository, Subscriber } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EMAIL_SENDER, EmailSender } from '../notifications/email.sender';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { LOGIN_LIMIT_PER_EMAIL, LOGIN_LIMIT_PER_IP, LOGIN_TOKEN_TTL_MS } from './plans.constants';
import { newToken, sha256 } from './sessions.service';

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}\.[^\s@<>]{2,}$/;

/** Passwordless sign-in: a single-use link by email, stored hashed, valid 15 minutes. */
@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender,
    private readonly accounts: AccountsRepository,
  ) {}

  normaliseEmail(raw: unknown): string {
    const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (!EMAIL.test(email)) throw new AccountsError(AccountsErrorCode.BadInput, 'enter an email address such as you@example.com');
    return email;
  }

  /**
   * Emails a sign-in link unless the address or the IP asked too often lately. The caller gives the
   * same answer either way, and whether or not the address belongs to a subscriber (sign-up and
   * sign-in are the same link), so the form tells nobody who is a subscriber.
   */
  async requestLink(email: string, ip: string, now = new Date()): Promise<{ sent: boolean }> {
    const since = new Date(now.getTime() - LOGIN_TOKEN_TTL_MS);
    const recent = await this.accounts.recentLoginRequests(email, ip, since);
    if (recent.byEmail >= LOGIN_LIMIT_PER_EMAIL || recent.byIp >= LOGIN_LIMIT_PER_IP) {
      this.logger.warn({ ip, byEmail: recent.byEmail, byIp: recent.byIp }, 'sign-in link rate-limited');
      return { sent: false };
    }
    const token = newToken();
    await this.accounts.insertLoginToken(sha256(token), email, ip, new Date(now.getTime() + LOGIN_TOKEN_TTL_MS));
    const link = `${this.config.publicUrl}/login/verify?token=${token}`;
    const text = `Sign in to Clausewatch:\n\n${link}\n\nThe link works once, for 15 minutes. If you did not ask for it, ignore this email.\n`;
    const html = `<p>Sign in to Clausewatch:</p><p><a href="${link}">${link}</a></p><p>The link works once, for 15 minutes. If you did not ask for it, ignore this email.</p>`;
    await this.sender.send({
      to: email,
      from: this.config.emailFrom,
      subject: 'Your Clausewatch sign-in link',
      text,
      html,
      headers: {},
      idempotencyKey: `login-${randomBytes(8).toString('hex')}`,
    });
    // Old rows only serve the rate limit; drop those well past their window.
    await this.accounts.pruneLoginTokens(new Date(now.getTime() - 24 * 3600 * 1000));
    return { sent: true };
  }

  /** Uses the token once; creates the subscriber (free plan) on a first sign-in. Null: used, expired or unknown. */
  async consume(token: string, now = new Date()): Promise<Subscriber | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    return this.accounts.transaction(async (manager) => {
      const email = await this.accounts.consumeLoginToken(sha256(token), now, manager);
      if (!email) return null;
      return this.accounts.ensureSubscriber(manager, email, randomBytes(18).toString('hex'));
    });
  }
}
