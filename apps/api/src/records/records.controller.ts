import { RecordsError, RecordsErrorCode } from '@clausewatch/records';
import { ConflictException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiServiceUnavailableResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CITATION_CONTENT_TYPES, CitationService } from './citation.service';
import { RecordBytes, RecordBytesService } from './record-bytes.service';
import { RecordsService } from './records.service';
import { RouteConfig } from '@nestjs/platform-fastify';
import { VERIFY_ROUTE_LIMIT } from '../http-limits/http-limits';

const ID_PARAM = { name: 'id', example: 'CW-V-0001234', description: 'Any permanent record ID (kinds E, D, V, P, C)' };

@ApiTags('records')
@Controller('records')
export class RecordsController {
  constructor(
    private readonly records: RecordsService,
    private readonly citations: CitationService,
    private readonly bytes: RecordBytesService,
  ) {}

  @Get(':id/snapshot')
  @ApiParam({ ...ID_PARAM, description: 'A version record ID' })
  @ApiProduces('text/html', 'application/pdf', 'multipart/mixed', 'application/octet-stream')
  @ApiOkResponse({ description: "The raw bytes as captured, with their original Content-Type; their SHA-256 is the record's rawSha256 (a combined document: each page with ?part=N, and rawSha256 = SHA-256 of the pages' SHA-256s joined by line feeds)" })
  @ApiBadRequestResponse({ description: 'Malformed or non-version record ID' })
  @ApiNotFoundResponse({ description: 'No such version' })
  @ApiQuery({ name: 'part', required: false, description: "A combined document's page, 1-based (required when it has several)" })
  async snapshot(@Param('id') id: string, @Query('part') part: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, await this.bytes.snapshot(id, part));
  }

  @Get(':id/text')
  @ApiParam({ ...ID_PARAM, description: 'A version record ID' })
  @ApiProduces('text/markdown')
  @ApiOkResponse({ description: "The stored text exactly (Markdown, UTF-8, no added newline); its SHA-256 is the record's textSha256" })
  @ApiBadRequestResponse({ description: 'Malformed or non-version record ID' })
  @ApiNotFoundResponse({ description: 'No such version' })
  async text(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, await this.bytes.text(id));
  }

  @Get(':id')
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ description: 'The record as JSON; a version carries its ledger index and the address of its inclusion proof' })
  @ApiBadRequestResponse({ description: 'Malformed record ID' })
  @ApiNotFoundResponse({ description: 'No such record' })
  async find(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.records.findJson(id);
    reply.header('content-type', 'application/json; charset=utf-8');
    return body;
  }

  @Get(':id/citation')
  @ApiParam(ID_PARAM)
  @ApiQuery({ name: 'format', required: false, enum: ['text', 'bibtex', 'ris', 'csl-json'], description: 'Default text' })
  @ApiQuery({ name: 'accessed', required: false, example: '2026-05-01', description: 'Accessed date (YYYY-MM-DD); default today (UTC)' })
  @ApiProduces(...Object.values(CITATION_CONTENT_TYPES))
  @ApiOkResponse({ description: 'The citation: plain text (entity, document, record ID, captured, SHA-256, URL, accessed), BibTeX, RIS or CSL-JSON' })
  @ApiBadRequestResponse({ description: 'Malformed record ID, unknown format or bad accessed date' })
  @ApiNotFoundResponse({ description: 'No such record' })
  async citation(
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Query('accessed') accessed: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const parsed = this.citations.parseFormat(format);
    const text = await this.citations.cite(id, parsed, this.citations.parseAccessed(accessed));
    reply.header('content-type', CITATION_CONTENT_TYPES[parsed]);
    return text;
  }

  @Get(':id/verify')
  @RouteConfig(VERIFY_ROUTE_LIMIT)
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ description: '`ok` and `status`: "snapshot stored, hash verified", or exactly what does not match, per version the record rests on' })
  @ApiBadRequestResponse({ description: 'Malformed record ID' })
  @ApiNotFoundResponse({ description: 'No such record' })
  verify(@Param('id') id: string) {
    return this.records.verify(id);
  }

  @Get(':id/proof')
  @ApiParam({ ...ID_PARAM, description: 'A version record ID' })
  @ApiOkResponse({ description: 'Verification bundle: the record, its ledger leaf, the inclusion proof against the latest signed tree head, and the public key' })
  @ApiBadRequestResponse({ description: 'Malformed or non-version record ID' })
  @ApiNotFoundResponse({ description: 'No such version' })
  @ApiConflictResponse({ description: 'The version has no ledger entry, or its stored leaf no longer matches it' })
  @ApiServiceUnavailableResponse({ description: 'The version is still pending in the ledger (LEDGER_PENDING: its leaf is appended within moments of its capture), or not covered by a signed tree head yet (signed right after each capture and on every crawler tick); retry shortly' })
  async proof(@Param('id') id: string) {
    try {
      return await this.records.proof(id);
    } catch (error) {
      // The stored leaf no longer rebuilds from the record: say so rather than answer a 500.
      if (error instanceof RecordsError && error.code === RecordsErrorCode.InvalidArgument) throw new ConflictException(error.message);
      throw error;
    }
  }
}

function send(reply: FastifyReply, file: RecordBytes): Buffer {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `inline; filename="${file.filename}"`);
  // Immutable: a record's bytes never change, and a transform (compression, charset) would break the hash.
  reply.header('cache-control', 'public, max-age=31536000, immutable, no-transform');
  return file.body;
}
