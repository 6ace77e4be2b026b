import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StrictIntPipe } from '../http-limits/strict-input';
import { AdminGuard } from '../auth/admin.guard';
import { CreateDocumentDto, UpdateDocumentDto } from './documents.dto';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register a document to watch (admin)' })
  @ApiConflictResponse({ description: 'The platform already has a document of this type: the answer names it and its URL (correct it with PATCH)' })
  create(@Body() dto: CreateDocumentDto) {
    return this.documents.create(dto);
  }

  @Patch(':id')
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Correct a document's URL, rules, fetcher, interval, title, active or selection; each change is kept in its history (admin)" })
  update(@Param('id') id: string, @Body() dto: UpdateDocumentDto) {
    return this.documents.update(id, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A document with its health and recent checks' })
  get(@Param('id') id: string) {
    return this.documents.get(id);
  }

  @Post(':id/check')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Fetch now; answers the outcome and any new version or change record (admin)' })
  check(@Param('id') id: string) {
    return this.documents.check(id);
  }

  @Post(':id/captures')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiConsumes('text/html', 'application/pdf', 'application/octet-stream')
  @ApiBody({ description: 'The page bytes as captured elsewhere, with their Content-Type' })
  @ApiQuery({ name: 'url', required: false })
  @ApiQuery({ name: 'capturedAt', required: false, description: 'ISO 8601' })
  @ApiOperation({ summary: 'Process a capture made elsewhere exactly like a fetched page (admin)' })
  capture(
    @Param('id') id: string,
    @Req() request: { body?: unknown },
    @Headers('content-type') contentType: string | undefined,
    @Query('url') url?: string,
    @Query('capturedAt') capturedAt?: string,
  ) {
    const body = Buffer.isBuffer(request.body) ? request.body : typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.alloc(0);
    return this.documents.capture(id, body, contentType ?? null, url, capturedAt);
  }

  @Post(':id/reextract')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Re-derive the latest version from its stored snapshot with the current extractor; never alerts (admin)' })
  reextract(@Param('id') id: string) {
    return this.documents.reextract(id);
  }

  @Get(':id/versions')
  versions(
    @Param('id') id: string,
    @Query('limit', new StrictIntPipe(1, 500, 100)) limit: number,
    @Query('offset', new StrictIntPipe(0, 1_000_000_000, 0)) offset: number,
  ) {
    return this.documents.versionsOf(id, limit, offset);
  }

  @Get(':id/changes')
  changes(
    @Param('id') id: string,
    @Query('limit', new StrictIntPipe(1, 500, 100)) limit: number,
    @Query('offset', new StrictIntPipe(0, 1_000_000_000, 0)) offset: number,
  ) {
    return this.documents.changesOf(id, limit, offset);
  }
}
