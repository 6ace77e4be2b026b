import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Controller, Get, Header, Headers, Inject, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { renderAtom } from '../feeds/atom.renderer';
import { changeAtomEntry, ChangeListItem, ChangesQuery } from '../web/changes.query';
import { isSeverity } from '../web/severity';
import { AccountsApiFilter } from './accounts-api.filter';
import { ApiTokenService } from './api-token.service';

const FEED_ENTRIES = 100;

/** The professional plan's API token: the subscriber's own feed, as JSON and as Atom. */
@ApiTags('account')
@UseFilters(AccountsApiFilter)
@Controller('account')
export class ApiTokenController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ApiTokenService,
    private readonly changes: ChangesQuery,
  ) {}

  @Get('feed')
  @ApiBearerAuth()
  @ApiQuery({ name: 'severity', required: false, description: 'Minimum severity' })
  @ApiOkResponse({ description: 'The newest changes on what the token holder follows' })
  @ApiUnauthorizedResponse({ description: 'No valid API token (professional plan)' })
  async feed(@Headers('authorization') authorization: string | undefined, @Query('severity') severity: string | undefined) {
    const subscriber = await this.tokens.professional(authorization);
    return { subscriber: subscriber.email, changes: await this.followed(subscriber.id, severity) };
  }

  @Get('feed.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiBearerAuth()
  @ApiProduces('application/atom+xml')
  @ApiQuery({ name: 'token', required: false, description: 'The API token, for feed readers that cannot send an Authorization header' })
  @ApiQuery({ name: 'severity', required: false, description: 'Minimum severity' })
  @ApiOkResponse({ description: 'Atom feed of the newest changes on what the token holder follows' })
  @ApiUnauthorizedResponse({ description: 'No valid API token (professional plan)' })
  async atom(@Headers('authorization') authorization: string | undefined, @Query('token') token: string | undefined, @Query('severity') severity: string | undefined): Promise<string> {
    const subscriber = await this.tokens.professional(authorization, token);
    const items = await this.followed(subscriber.id, severity);
    const base = this.config.publicUrl;
    return renderAtom({
      id: `${base}/account#feed`,
      title: 'Clausewatch: changes on what you follow',
      // The self link leaves the token out: it is a secret, not part of the feed's name.
      selfLink: `${base}/api/v1/account/feed.atom`,
      alternateLink: `${base}/`,
      updated: items[0]?.createdAt ?? new Date(0),
      entries: items.map((r) => changeAtomEntry(base, r)),
    });
  }

  private followed(subscriberId: string, severity: string | undefined): Promise<ChangeListItem[]> {
    return this.changes.list({ followedBy: subscriberId, minSeverity: isSeverity(severity) ? severity : undefined }, FEED_ENTRIES);
  }
}
