import { csvLine } from '@clausewatch/records';
import { Controller, Get, Headers, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsApiFilter } from '../accounts/accounts-api.filter';
import { AccountsError, AccountsErrorCode } from '../accounts/accounts.error';
import { ApiTokenService } from '../accounts/api-token.service';
import { REGULATIONS } from '../accounts/follows.service';
import { ApiChangeFilterQuery, ChangeListItem, ChangesQuery, filterQuery, parseChangeFilter } from '../web/changes.query';

/** Rows per page of an export (the `Link: rel="next"` header names the next page). */
export const EXPORT_PAGE_ROWS = 5000;
const COLUMNS = ['id', 'platform', 'document', 'document_type', 'kind', 'severity', 'clause_types', 'summary', 'captured_at', 'created_at'] as const;

function columnsOf(item: ChangeListItem): Record<(typeof COLUMNS)[number], unknown> {
  return {
    id: item.id,
    platform: item.platform.slug,
    document: item.document.id,
    document_type: item.document.type,
    kind: item.kind,
    severity: item.severity,
    clause_types: item.clauseTypes,
    summary: item.summary,
    captured_at: new Date(item.capturedAt).toISOString(),
    created_at: new Date(item.createdAt).toISOString(),
  };
}

/** The registry as a file (professional plan): the current change records matching the registry's filters. */
@ApiTags('exports')
@UseFilters(AccountsApiFilter)
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly changes: ChangesQuery,
  ) {}

  @Get('changes')
  @ApiBearerAuth()
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiQuery({ name: 'format', required: false, description: 'jsonl (default) or csv' })
  @ApiQuery({ name: 'page', required: false, description: `Page of ${EXPORT_PAGE_ROWS} rows, newest first (default 1)` })
  @ApiChangeFilterQuery()
  @ApiOkResponse({ description: 'One change record per line (JSON Lines) or per row (CSV with a header)' })
  @ApiUnauthorizedResponse({ description: 'No valid API token (professional plan)' })
  async changesExport(@Headers('authorization') authorization: string | undefined, @Query('format') format: string | undefined, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await this.tokens.professional(authorization);
    const kind = format ?? 'jsonl';
    if (kind !== 'jsonl' && kind !== 'csv') throw new AccountsError(AccountsErrorCode.BadInput, `format must be jsonl or csv, got "${kind.slice(0, 20)}"`);
    const query = request.query as Record<string, string | undefined>;
    const filter = parseChangeFilter(query, REGULATIONS);
    const page = Math.min(Math.max(1, Number(query.page) || 1), 100000);
    const items = await this.changes.list(filter, EXPORT_PAGE_ROWS + 1, (page - 1) * EXPORT_PAGE_ROWS);
    if (items.length > EXPORT_PAGE_ROWS) {
      const next = new URLSearchParams([...filterQuery(filter).entries(), ['format', kind], ['page', String(page + 1)]]);
      reply.header('link', `</api/v1/exports/changes?${next.toString()}>; rel="next"`);
    }
    const rows = items.slice(0, EXPORT_PAGE_ROWS).map(columnsOf);
    reply.header('content-disposition', `attachment; filename="clausewatch-changes-${page}.${kind}"`);
    if (kind === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8; header=present');
      return csvLine([...COLUMNS]) + rows.map((r) => csvLine(COLUMNS.map((c) => r[c]))).join('');
    }
    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  }
}
