import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordsService } from './records.service';

@ApiTags('records')
@Controller('records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get(':id')
  @ApiParam({ name: 'id', example: 'CW-V-0001234', description: 'Any permanent record ID (kinds E, D, V, P, C)' })
  @ApiOkResponse({ description: 'The record as JSON' })
  @ApiBadRequestResponse({ description: 'Malformed record ID' })
  @ApiNotFoundResponse({ description: 'No such record' })
  find(@Param('id') id: string): Promise<Record<string, unknown>> {
    return this.records.find(id);
  }
}
