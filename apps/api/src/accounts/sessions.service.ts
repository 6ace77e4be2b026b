import { AccountsRepository, Subscriber } from '@clausewatch/db';
import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Inject, Injectable } from '@nestjs/common';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE, SESSION_TTL_MS } from './plans.constants';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface Viewer {
  subscriber: Subscriber;
  isAdmin: boolean;
}

/** Server-side sessions in PostgreSQL: the cookie names a row by a random token whose hash is the key. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
  ) {}

  async start(subscriberId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = newToken();
    await this.accounts.insertSession(sha256(token), subscriberId, new Date(Date.now() + SESSION_TTL_MS));
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  /** The signed-in subscriber, or null (no cookie, an unknown or expired session). */
  async viewer(request: FastifyRequest): Promise<Viewer | null> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const subscriber = await this.accounts.findSessionSubscriber(sha256(token), new Date());
    return subscriber ? { subscriber, isAdmin: this.config.adminEmails.includes(subscriber.email) } : null;
  }

  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) await this.accounts.deleteSession(sha256(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
