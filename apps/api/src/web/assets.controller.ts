import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ASSET_VERSIONS, ASSETS } from './assets.constants';

/** The stylesheet and the small script; a URL carrying the content's hash is cached for a year. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get(':file')
  serve(@Param('file') file: string, @Query('v') version: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException(`no asset ${file.slice(0, 40)}`);
    reply.header('content-type', asset.type);
    reply.header('cache-control', version === ASSET_VERSIONS[file] ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return asset.body;
  }
}
