import { checkTargetUrlSyntax, PAGE_FETCHER, PageFetcher } from '@clausewatch/capture';
import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { DocumentsRepository } from '@clausewatch/db';
import { extract, FETCHER_KINDS, isFetcherKind } from '@clausewatch/extract';
import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsError, AccountsErrorCode } from '../accounts/accounts.error';
import { DocumentsService } from '../documents/documents.service';
import { selectorRules } from '../documents/selector-rules';
import { ViewRenderer } from './view.renderer';
import { WebContext } from './web-context.service';
import { WebExceptionFilter } from './web-exception.filter';

type Form = Record<string, string | undefined>;
const TYPES = ['terms-of-service', 'privacy-policy', 'community-guidelines', 'cookie-policy', 'ai-policy', 'acceptable-use-policy', 'other'];
/** Characters of extracted text shown in the preview. */
const PREVIEW_CHARS = 6000;

/** Admin pages (subscribers listed in ADMIN_EMAILS): documents with health, add with a live extraction preview, edit or deactivate. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('admin/documents')
export class AdminController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly views: ViewRenderer,
    private readonly web: WebContext,
    private readonly documentsService: DocumentsService,
    private readonly documents: DocumentsRepository,
    @Inject(PAGE_FETCHER) private readonly fetcher: PageFetcher,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const chrome = await this.admin(request, reply, 'Documents');
    const documents = await this.documents.listWithHealth();
    return this.views.render('admin-documents', chrome, { documents, failing: documents.filter((d) => d.failures > 0).length });
  }

  @Get('new')
  async newForm(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const chrome = await this.admin(request, reply, 'Add a document');
    return this.views.render('admin-document-new', chrome, this.formModel({}));
  }

  /** Fetches the page now and shows the text the rules extract, before anything is saved. */
  @Post('preview')
  @HttpCode(200)
  async preview(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const chrome = await this.admin(request, reply, 'Add a document');
    const form = (request.body ?? {}) as Form;
    let preview: { markdown: string; title: string | null; truncated: boolean } | null = null;
    let error: string | null = null;
    try {
      const url = checkTargetUrlSyntax(String(form.url ?? ''), { allowPrivateNetworks: this.config.allowPrivateNetworks }).toString();
      const fetched = await this.fetcher.fetch({ url, fetcher: isFetcherKind(form.fetcher) ? form.fetcher : 'auto' });
      if (fetched.outcome !== 'ok' || !fetched.body) {
        error = `The page could not be fetched: ${fetched.cause ?? fetched.outcome}`;
      } else {
        const result = await extract({ body: fetched.body, contentType: fetched.contentType, url: fetched.finalUrl ?? url, rules: { select: selectorRules(lines(form.select), 'select'), remove: selectorRules(lines(form.remove), 'remove') } });
        preview = { markdown: result.markdown.slice(0, PREVIEW_CHARS), title: result.title, truncated: result.markdown.length > PREVIEW_CHARS };
      }
    } catch (e) {
      error = (e as Error).message;
    }
    return this.views.render('admin-document-new', chrome, { ...this.formModel(form), preview, error });
  }

  @Post()
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.admin(request, reply, 'Add a document');
    const form = (request.body ?? {}) as Form;
    const { document } = await this.documentsService.create({
      platform: String(form.platform ?? '').trim(),
      title: String(form.title ?? '').trim(),
      type: TYPES.includes(form.type ?? '') ? form.type! : 'other',
      url: String(form.url ?? '').trim(),
      select: lines(form.select),
      remove: lines(form.remove),
      fetcher: isFetcherKind(form.fetcher) ? form.fetcher : 'auto',
    });
    void reply.redirect(`/admin/documents/${document.id}`, 303);
  }

  @Get(':id')
  async edit(@Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const chrome = await this.admin(request, reply, `Edit ${id}`);
    const document = await this.documents.findByRecordId(id);
    if (!document) throw new NotFoundException(`no document ${id.slice(0, 40)}`);
    return this.views.render('admin-document-edit', chrome, {
      document,
      url: document.sources[0]?.url,
      fetchers: FETCHER_KINDS.map((f) => ({ value: f, selected: f === document.fetcher })),
      health: await this.documents.health(document.id),
    });
  }

  @Post(':id')
  async update(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.admin(request, reply, `Edit ${id}`);
    const document = await this.documents.findByRecordId(id);
    if (!document) throw new NotFoundException(`no document ${id.slice(0, 40)}`);
    const form = (request.body ?? {}) as Form;
    const interval = Number(form.checkIntervalMinutes);
    // The same correction as PATCH /api/v1/documents/:id, so the edit is kept in the document's history.
    await this.documentsService.update(id, {
      title: String(form.title ?? document.title).trim() || document.title,
      active: form.active === 'on',
      checkIntervalMinutes: Number.isInteger(interval) && interval >= 5 && interval <= 525600 ? interval : document.checkIntervalMinutes,
      fetcher: isFetcherKind(form.fetcher) ? form.fetcher : document.fetcher,
    });
    void reply.redirect(`/admin/documents/${id}`, 303);
  }

  private formModel(form: Form) {
    return {
      form,
      types: TYPES.map((t) => ({ value: t, selected: t === form.type })),
      fetchers: FETCHER_KINDS.map((f) => ({ value: f, selected: f === (form.fetcher ?? 'auto') })),
    };
  }

  private async admin(request: FastifyRequest, reply: FastifyReply, title: string) {
    const { viewer, chrome } = await this.web.of(request, reply, title, 'admin');
    if (!viewer) throw new AccountsError(AccountsErrorCode.NotSignedIn, 'Sign in with an administrator address.');
    if (!viewer.isAdmin) throw new AccountsError(AccountsErrorCode.Forbidden, 'This page is for administrators (ADMIN_EMAILS).');
    return chrome;
  }
}

function lines(value: string | undefined): string[] | undefined {
  const list = String(value ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return list.length ? list : undefined;
}
