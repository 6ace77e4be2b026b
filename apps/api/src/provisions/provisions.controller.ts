import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ProvisionRecordsRepository } from '@clausewatch/db';
import { BadRequestException, Controller, DefaultValuePipe, Get, Inject, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { requireRecordIdParam } from '../records/record-id.parser';

const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;

@ApiTags('records')
@Controller('provisions')
export class ProvisionsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provisions: ProvisionRecordsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search provisions (clauses) by document, clause type and words; newest first, paged' })
  @ApiQuery({ name: 'q', required: false, description: 'Words, "quoted phrases", or, -word (English stemming: "arbitrate" finds "arbitration")', example: 'class action' })
  @ApiQuery({ name: 'document', required: false, description: 'A document record ID', example: 'CW-D-00094' })
  @ApiQuery({ name: 'type', required: false, description: 'A clause type ID of the taxonomy', example: 'arbitration' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_LIMIT}, default 20` })
  @ApiQuery({ name: 'offset', required: false, description: `0-${MAX_OFFSET}; the answer's "next" gives the following page` })
  @ApiOkResponse({ description: '{ provisions: [{ id, document, platform, headingPath, clauseTypes, text, status, lastSeenAt, permalink }], limit, offset, next }' })
  @ApiBadRequestResponse({ description: 'Malformed document ID, clause type, query or paging' })
  async search(
    @Query('q') q: string | undefined,
    @Query('document') document: string | undefined,
    @Query('type') type: string | undefined,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    if (document) requireRecordIdParam(document, 'D');
    if (type !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(type)) throw new BadRequestException('type must be a clause type ID such as arbitration');
    if (q !== undefined && q.length > 500) throw new BadRequestException('q is longer than 500 characters');
    if (limit < 1 || limit > MAX_LIMIT) throw new BadRequestException(`limit must be between 1 and ${MAX_LIMIT}`);
    if (offset < 0 || offset > MAX_OFFSET) throw new BadRequestException(`offset must be between 0 and ${MAX_OFFSET}`);
    const rows = await this.provisions.search({ document, type, q: q?.trim() || undefined, limit, offset });
    return {
      provisions: rows.map((row) => ({
        id: row.record_id,
        document: { id: row.document_record_id, title: row.document_title },
        platform: { slug: row.platform_slug, name: row.platform_name },
        headingPath: row.heading_path,
        clauseTypes: row.clause_types,
        text: row.text,
        status: row.removed_at ? 'removed' : 'current',
        lastSeenAt: row.last_seen_at,
        permalink: `${this.config.publicUrl}/r/${row.record_id}`,
      })),
      limit,
      offset,
      next: rows.length === limit && offset + limit <= MAX_OFFSET ? offset + limit : null,
    };
  }
}
