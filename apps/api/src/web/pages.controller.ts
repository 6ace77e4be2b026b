import { clauseTypeById, clauseTypes } from '@clausewatch/analyzer';
import { AccountsRepository, PlatformsRepository, ProvisionRecordsRepository } from '@clausewatch/db';
import { Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REGULATION_BY_SLUG, REGULATIONS, regulationSlug } from '../accounts/follows.service';
import { ContextService } from '../context/context.service';
import { RecordsService } from '../records/records.service';
import { ChangesQuery, clauseTypesOfRegulation, filterQuery, parseChangeFilter } from './changes.query';
import { PlatformPageService } from './platform-page.service';
import { RecordPageService } from './record-page.service';
import { isSeverity, SEVERITIES } from './severity';
import { ViewRenderer } from './view.renderer';
import { WebContext } from './web-context.service';
import { WebExceptionFilter } from './web-exception.filter';

const PAGE_SIZE = 50;
/** Provisions listed on a clause-type or regulation page. */
const TOPIC_PROVISIONS = 60;

type Query = Record<string, string | undefined>;

/** The public pages: home and feed, the catalog, the registry, topic pages and every record's page. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class PagesController {
  constructor(
    private readonly views: ViewRenderer,
    private readonly web: WebContext,
    private readonly changes: ChangesQuery,
    private readonly platformPages: PlatformPageService,
    private readonly recordPages: RecordPageService,
    private readonly records: RecordsService,
    private readonly context: ContextService,
    private readonly platforms: PlatformsRepository,
    private readonly accounts: AccountsRepository,
    private readonly provisions: ProvisionRecordsRepository,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const query = request.query as Query;
    const { viewer, chrome } = await this.web.of(request, reply, 'Know when the terms change', 'home');
    chrome.description = 'Clausewatch watches the terms of service and privacy policies of online platforms and explains every change, clause by clause.';
    const minSeverity = isSeverity(query.severity) ? query.severity : viewer ? 'low' : 'high';
    const [latest, feed, follows, platformCount] = await Promise.all([
      this.changes.list({ minSeverity: 'high' }, 12),
      viewer ? this.changes.list({ followedBy: viewer.subscriber.id, minSeverity }, 30) : Promise.resolve(null),
      viewer ? this.accounts.listFollows(viewer.subscriber.id) : Promise.resolve([]),
      this.platforms.count(),
    ]);
    return this.views.render('home', chrome, {
      latest,
      feed,
      follows: follows.length,
      severities: SEVERITIES.filter((s) => s !== 'none').map((s) => ({ value: s, selected: s === minSeverity })),
      platformCount,
    });
  }

  @Get('catalog')
  async catalog(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('q') q?: string): Promise<string> {
    const { viewer, chrome } = await this.web.of(request, reply, 'Platforms', 'platforms');
    const search = (q ?? '').trim().toLowerCase().slice(0, 100);
    const all = await this.platforms.list();
    const followed = new Set(viewer ? (await this.accounts.listFollows(viewer.subscriber.id)).map((f) => f.platformSlug) : []);
    const platforms = all.filter((p) => !search || p.name.toLowerCase().includes(search) || p.slug.includes(search)).map((p) => ({ ...p, followed: followed.has(p.slug) }));
    return this.views.render('platforms', chrome, { platforms, q: q ?? '', total: all.length });
  }

  @Get('catalog/:slug')
  async platform(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    if (wantsJson(request)) {
      const platform = await this.platforms.findBySlug(slug);
      if (!platform) throw new NotFoundException(`no platform "${slug.slice(0, 60)}"`);
      reply.header('content-type', 'application/json; charset=utf-8');
      return this.records.findJson(platform.recordId);
    }
    const page = await this.platformPages.page(slug);
    return this.renderPlatform(page, request, reply);
  }

  @Get('changes')
  async registry(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const query = request.query as Query;
    const { chrome } = await this.web.of(request, reply, 'Change registry', 'changes');
    const filter = parseChangeFilter(query, REGULATIONS);
    const page = Math.min(Math.max(1, Number(query.page) || 1), 10000);
    const [items, platforms, types] = await Promise.all([this.changes.list(filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE), this.platforms.list(), this.changes.documentTypes()]);
    const params = filterQuery(filter);
    const link = (p: number) => `/changes?${new URLSearchParams([...params.entries(), ['page', String(p)]]).toString()}`;
    return this.views.render('changes', chrome, {
      items: items.slice(0, PAGE_SIZE),
      filter,
      platforms: platforms.map((p) => ({ slug: p.slug, name: p.name, selected: p.slug === filter.platform })),
      types: types.map((t) => ({ value: t, selected: t === filter.documentType })),
      severities: SEVERITIES.map((s) => ({ value: s, selected: s === filter.minSeverity })),
      clauseTypes: clauseTypes.map((t) => ({ id: t.id, label: t.label, selected: t.id === filter.clauseType })),
      regulations: REGULATIONS.map((r) => ({ value: r, selected: r === filter.regulation })),
      atom: `/api/v1/feeds/changes?${params.toString()}`,
      prev: page > 1 ? link(page - 1) : null,
      next: items.length > PAGE_SIZE ? link(page + 1) : null,
      page,
    });
  }

  @Get('clause-types/:id')
  async clauseType(@Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const info = clauseTypeById.get(id);
    if (!info) throw new NotFoundException(`There is no clause type "${id.slice(0, 60)}" in the taxonomy.`);
    const { viewer, chrome } = await this.web.of(request, reply, `${info.label}: across platforms`);
    const [counts, provisions, recent, following] = await Promise.all([
      this.context.clauseType(id),
      this.provisions.listOfClauseTypes([id], TOPIC_PROVISIONS),
      this.changes.list({ clauseType: id }, 15),
      viewer ? this.isFollowing(viewer.subscriber.id, (f) => f.clauseType === id) : false,
    ]);
    return this.views.render('topic', chrome, {
      kind: 'clause-type',
      followValue: id,
      returnPath: `/clause-types/${id}`,
      following,
      signedIn: !!viewer,
      heading: info.label,
      description: info.description,
      regulations: info.regulations.map((r) => ({ name: r, slug: regulationSlug(r) })),
      actions: info.actions,
      counts,
      provisions,
      recent,
    });
  }

  @Get('regulations/:id')
  async regulation(@Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const name = REGULATION_BY_SLUG.get(id);
    if (!name) throw new NotFoundException(`There is no regulation "${id.slice(0, 60)}" in the taxonomy.`);
    const { viewer, chrome } = await this.web.of(request, reply, `${name}: provisions across platforms`);
    const types = clauseTypesOfRegulation(name);
    const [provisions, recent, following] = await Promise.all([
      this.provisions.listOfClauseTypes(types, TOPIC_PROVISIONS),
      this.changes.list({ regulation: name }, 15),
      viewer ? this.isFollowing(viewer.subscriber.id, (f) => f.regulation === name) : false,
    ]);
    return this.views.render('topic', chrome, {
      kind: 'regulation',
      followValue: name,
      returnPath: `/regulations/${id}`,
      following,
      signedIn: !!viewer,
      heading: name,
      description: `Clause types that engage ${name}.`,
      clauseTypes: types.map((t) => ({ id: t, label: clauseTypeById.get(t)?.label ?? t })),
      provisions,
      recent,
    });
  }

  @Get('r/:id')
  async record(@Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    const query = request.query as Query;
    if (wantsJson(request)) {
      const body = await this.records.findJson(id);
      reply.header('content-type', 'application/json; charset=utf-8');
      return body;
    }
    const page = await this.recordPages.page(id, query);
    if (page.template === 'platform') return this.renderPlatform(page, request, reply);
    const { chrome } = await this.web.of(request, reply, page.title);
    return this.views.render(page.template, chrome, page.model);
  }

  private async renderPlatform(page: { title: string; model: Record<string, unknown> }, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const { viewer, chrome } = await this.web.of(request, reply, page.title, 'platforms');
    const slug = (page.model.platform as { slug: string }).slug;
    const following = viewer ? await this.isFollowing(viewer.subscriber.id, (f) => f.platformSlug === slug) : false;
    return this.views.render('platform', chrome, { ...page.model, following, signedIn: !!viewer });
  }

  private async isFollowing(subscriberId: string, match: (f: Awaited<ReturnType<AccountsRepository['listFollows']>>[number]) => boolean): Promise<boolean> {
    return (await this.accounts.listFollows(subscriberId)).some(match);
  }
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}
