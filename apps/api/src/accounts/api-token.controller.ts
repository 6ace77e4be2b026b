import { AccountsRepository } from '@clausewatch/db';
import { Controller, Get, Headers, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ChangesQuery } from '../web/changes.query';
import { isSeverity } from '../web/severity';
import { AccountsApiFilter } from './accounts-api.filter';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { sha256 } from './sessions.service';

/** The professional plan's API token: the subscriber's own feed as JSON. */
@ApiTags('account')
@UseFilters(AccountsApiFilter)
@Controller('account')
export class ApiTokenController {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly changes: ChangesQuery,
  ) {}

  @Get('feed')
  @ApiBearerAuth()
  @ApiQuery({ name: 'severity', required: false, description: 'Minimum severity' })
  @ApiOkResponse({ description: 'The newest changes on what the token holder follows' })
  @ApiUnauthorizedResponse({ description: 'No valid API token (professional plan)' })
  async feed(@Headers('authorization') authorization: string | undefined, @Query('severity') severity: string | undefined) {
    const token = /^Bearer\s+(cwk_[A-Za-z0-9_-]{20,100})$/i.exec(authorization ?? '')?.[1];
    const subscriber = token ? await this.accounts.findSubscriberByApiToken(sha256(token)) : null;
    if (!subscriber || subscriber.plan !== 'professional') throw new AccountsError(AccountsErrorCode.NotSignedIn, 'this route needs Authorization: Bearer <API token of a professional plan>');
    const changes = await this.changes.list({ followedBy: subscriber.id, minSeverity: isSeverity(severity) ? severity : undefined }, 100);
    return { subscriber: subscriber.email, changes };
  }
}
