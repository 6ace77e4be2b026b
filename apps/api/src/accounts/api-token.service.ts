import { AccountsRepository, Subscriber } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { sha256 } from './sessions.service';

const TOKEN = /^cwk_[A-Za-z0-9_-]{20,100}$/;

/**
 * The professional plan's API token, the key to the subscriber's own feeds and to the exports. Sent as
 * `Authorization: Bearer <token>`, or as `?token=` for feed readers that cannot send a header. A token
 * that was replaced or revoked, or whose holder is no longer on the professional plan, is refused.
 */
@Injectable()
export class ApiTokenService {
  constructor(private readonly accounts: AccountsRepository) {}

  async professional(authorization: string | undefined, queryToken?: string): Promise<Subscriber> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? queryToken;
    const subscriber = token && TOKEN.test(token) ? await this.accounts.findSubscriberByApiToken(sha256(token)) : null;
    if (!subscriber || subscriber.plan !== 'professional') {
      throw new AccountsError(AccountsErrorCode.NotSignedIn, 'this route needs the API token of a professional plan: Authorization: Bearer <token> (or ?token=<token> for a feed reader)');
    }
    return subscriber;
  }
}
