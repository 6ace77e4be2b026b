import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { EmailPreferencesRepository } from '@clausewatch/db';
import { BadRequestException, Controller, HttpCode, Inject, Logger, Post, RawBodyRequest, Req, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Webhook, WebhookVerificationError } from 'svix';

interface ResendEvent {
  type: string;
  data?: { to?: string[] | string; email_id?: string; bounce?: { type?: string; message?: string } };
}

/**
 * Resend webhooks (signed with Svix): a hard bounce or a complaint suppresses the address, and a
 * suppressed address gets no more email. Unsigned or badly signed requests are refused.
 */
@Controller('webhooks')
export class ResendWebhookController {
  private readonly logger = new Logger(ResendWebhookController.name);

  constructor(
    private readonly preferences: EmailPreferencesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('resend')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async resend(@Req() request: RawBodyRequest<FastifyRequest>): Promise<{ received: true; suppressed: number }> {
    if (!this.config.resendWebhookSecret) throw new ServiceUnavailableException('RESEND_WEBHOOK_SECRET is not set');
    const raw = request.rawBody ?? (Buffer.isBuffer(request.body) ? request.body : null);
    if (!raw) throw new BadRequestException('a JSON body is required');
    const header = (name: string) => String(request.headers[name] ?? '');
    let event: ResendEvent;
    try {
      event = new Webhook(this.config.resendWebhookSecret).verify(raw.toString('utf8'), {
        'svix-id': header('svix-id'),
        'svix-timestamp': header('svix-timestamp'),
        'svix-signature': header('svix-signature'),
      }) as ResendEvent;
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new UnauthorizedException('bad webhook signature');
      throw error;
    }
    const to = event.data?.to === undefined ? [] : Array.isArray(event.data.to) ? event.data.to : [event.data.to];
    let suppressed = 0;
    const transient = /transient|temporary|soft/i.test(event.data?.bounce?.type ?? '');
    if ((event.type === 'email.bounced' && !transient) || event.type === 'email.complained') {
      const reason = event.type === 'email.complained' ? 'complaint' : `bounce: ${event.data?.bounce?.message ?? event.data?.bounce?.type ?? 'permanent'}`;
      for (const address of to) suppressed += await this.preferences.suppress(address.replace(/^.*<([^>]+)>.*$/, '$1'), reason);
      this.logger.warn({ type: event.type, suppressed }, 'address suppressed');
    }
    return { received: true, suppressed };
  }
}
