import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HostSlotsRepository } from '@clausewatch/db';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: HostSlotsRepository) {}

  @Get()
  @ApiOkResponse({ description: '`{ "status": "ok", "db": "ok" }` when the database answers' })
  async health(): Promise<{ status: string; db: string }> {
    try {
      await this.database.ping();
    } catch {
      throw new ServiceUnavailableException({ status: 'degraded', db: 'unreachable' });
    }
    return { status: 'ok', db: 'ok' };
  }
}
