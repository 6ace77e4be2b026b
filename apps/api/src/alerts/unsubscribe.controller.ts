import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';

/** One-click unsubscribe (RFC 8058): POST from the mail client, GET from a browser. */
@ApiTags('subscribers')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Post(':token')
  @HttpCode(200)
  async oneClick(@Param('token') token: string) {
    return this.unsubscribe(token);
  }

  @Get(':token')
  async fromBrowser(@Param('token') token: string) {
    return this.unsubscribe(token);
  }

  private async unsubscribe(token: string) {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE subscribers SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE unsubscribe_token = $1 RETURNING id`,
      [token.slice(0, 200)],
    );
    if (!rows.length) throw new NotFoundException('unknown unsubscribe link');
    return { unsubscribed: true };
  }
}
