import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ContextService } from './context.service';

@ApiTags('context')
@Controller('context')
export class ContextController {
  constructor(private readonly context: ContextService) {}

  @Get('clause-types')
  @ApiOkResponse({ description: 'Every clause type of the taxonomy with how many current provisions and platforms carry it' })
  async clauseTypes() {
    return { clauseTypes: await this.context.clauseTypeCounts() };
  }

  @Get('clause-types/:type')
  @ApiParam({ name: 'type', example: 'arbitration' })
  @ApiOkResponse({ description: 'One clause type: counts and the platforms that carry it' })
  @ApiNotFoundResponse({ description: 'Not a clause type of the taxonomy' })
  clauseType(@Param('type') type: string) {
    return this.context.clauseType(type);
  }

  @Get('provisions/:id')
  @ApiParam({ name: 'id', example: 'CW-P-010977' })
  @ApiOkResponse({ description: 'For each clause type of the provision: counts, and how other platforms handle it (their closest provisions of that type)' })
  @ApiBadRequestResponse({ description: 'Malformed or non-provision record ID' })
  @ApiNotFoundResponse({ description: 'No such provision' })
  provision(@Param('id') id: string) {
    return this.context.forProvision(id);
  }
}
