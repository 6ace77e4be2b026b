import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { REGULATIONS } from '../accounts/follows.service';
import { renderAtom } from '../feeds/atom.renderer';
import { ChangesQuery, filterQuery, parseChangeFilter } from './changes.query';

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
  @ApiQuery({ name: 'platform', required: false })
  @ApiQuery({ name: 'type', required: false, description: 'Document type' })
  @ApiQuery({ name: 'severity', required: false, description: 'Minimum severity' })
  @ApiQuery({ name: 'clauseType', required: false })
  @ApiQuery({ name: 'regulation', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD' })
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
      entries: rows.map((r) => ({
        id: `${base}/r/${r.id}`,
        title: `${r.platform.name} ${r.document.title}: ${r.severity} ${r.kind} change (${r.id})`,
        link: `${base}/r/${r.id}`,
        published: r.capturedAt,
        updated: r.createdAt,
        summary: r.summary,
        categories: [r.severity, r.kind, ...r.clauseTypes],
      })),
    });
  }
}
