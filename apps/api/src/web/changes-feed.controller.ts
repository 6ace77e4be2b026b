import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { REGULATIONS } from '../accounts/follows.service';
import { renderAtom } from '../feeds/atom.renderer';
import { ApiChangeFilterQuery, changeAtomEntry, ChangesQuery, filterQuery, parseChangeFilter } from './changes.query';

const ENTRIES = 50;

/** The registry's Atom feed: the newest changes matching the same filters as `/changes`. */
@ApiTags('feeds')
@Controller('feeds')
export class ChangesFeedController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangesQuery,
  ) {}

  @Get('changes')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiProduces('application/atom+xml')
  @ApiChangeFilterQuery()
  @ApiOkResponse({ description: 'Atom feed of the newest change records matching the filters' })
  async feed(@Req() request: FastifyRequest): Promise<string> {
    const filter = parseChangeFilter(request.query as Record<string, string | undefined>, REGULATIONS);
    const rows = await this.changes.list(filter, ENTRIES);
    const base = this.config.publicUrl;
    const query = filterQuery(filter).toString();
    return renderAtom({
      id: `${base}/changes${query ? `?${query}` : ''}`,
      title: 'Clausewatch: policy changes',
      selfLink: `${base}/api/v1/feeds/changes${query ? `?${query}` : ''}`,
      alternateLink: `${base}/changes${query ? `?${query}` : ''}`,
      updated: rows[0]?.createdAt ?? new Date(0),
      entries: rows.map((r) => changeAtomEntry(base, r)),
    });
  }
}
