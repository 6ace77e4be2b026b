import { Controller, Headers, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccountsApiFilter } from './accounts-api.filter';
import { BillingService } from './billing.service';

@ApiTags('webhooks')
@UseFilters(AccountsApiFilter)
@Controller('webhooks')
export class StripeWebhookController {
  constructor(private readonly billing: BillingService) {}

  /** Stripe events: the signature is verified over the raw body, each event ID applied once. */
  @Post('stripe')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  stripe(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string | undefined) {
    return this.billing.handleWebhook(request.rawBody, signature);
  }
}
