import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FeedsService } from './feeds.service';

const ATOM = 'application/atom+xml; charset=utf-8';

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('platforms/:slug')
  @Header('content-type', ATOM)
  @ApiProduces('application/atom+xml')
  @ApiParam({ name: 'slug', example: 'midjourney' })
  @ApiOkResponse({ description: 'Atom feed of the platform’s newest change records' })
  @ApiNotFoundResponse({ description: 'No such platform' })
  platform(@Param('slug') slug: string): Promise<string> {
    return this.feeds.platformFeed(slug);
  }

  @Get('documents/:id')
  @Header('content-type', ATOM)
  @ApiProduces('application/atom+xml')
  @ApiParam({ name: 'id', example: 'CW-D-00094' })
  @ApiOkResponse({ description: 'Atom feed of the document’s newest change records' })
  @ApiBadRequestResponse({ description: 'Malformed document ID' })
  @ApiNotFoundResponse({ description: 'No such document' })
  document(@Param('id') id: string): Promise<string> {
    return this.feeds.documentFeed(id);
  }
}
