import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { EmailPreferencesRepository, UnsubscribeScope } from '@clausewatch/db';
import { Body, Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const page = Handlebars.compile(readFileSync(join(__dirname, 'templates/unsubscribe.hbs'), 'utf8'));

type FormBody = Record<string, unknown> | Buffer | string | undefined;

/** A form body as fields, whatever parser ran (Nest's urlencoded parser, or raw bytes). */
function fields(body: FormBody): Record<string, string> {
  if (!body) return {};
  if (Buffer.isBuffer(body) || typeof body === 'string') return Object.fromEntries(new URLSearchParams(body.toString()));
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
}

const DONE: Record<UnsubscribeScope, string> = {
  platform: 'You will get no more email about this platform.',
  alerts: 'You will get no more same-day alerts. The weekly digest keeps coming.',
  all: 'You are unsubscribed from all Clausewatch email.',
};

/**
 * Unsubscribe (RFC 8058). GET shows a page with a button and choices (this platform only, alerts only,
 * everything) and changes nothing, so a mail scanner that follows links unsubscribes nobody. POST
 * unsubscribes: the mail client's one-click body `List-Unsubscribe=One-Click` means everything.
 * Every choice has an undo.
 */
@ApiExcludeController()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: EmailPreferencesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async show(@Param('token') token: string, @Query('platform') platformId?: string): Promise<string> {
    const found = await this.find(token);
    const platform = found.platforms.find((p) => p.id === platformId) ?? null;
    return page({
      email: found.email,
      unsubscribed: found.unsubscribedAt !== null,
      platform,
      hasAlerts: found.plan !== 'free' && found.alertsEnabled,
      action: this.url(token),
      undoAction: `${this.url(token)}/undo`,
      preferencesUrl: `${this.config.publicUrl}/account`,
    });
  }

  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async unsubscribe(@Param('token') token: string, @Body() body: FormBody): Promise<string> {
    return this.change(token, fields(body), false);
  }

  @Post(':token/undo')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async undo(@Param('token') token: string, @Body() body: FormBody): Promise<string> {
    return this.change(token, fields(body), true);
  }

  private async change(token: string, form: Record<string, string>, undo: boolean): Promise<string> {
    const found = await this.find(token);
    const scope: UnsubscribeScope = form.scope === 'platform' || form.scope === 'alerts' ? form.scope : 'all';
    const platformId = scope === 'platform' ? (form.platform ?? null) : null;
    if (!(await this.preferences.apply(token, scope, platformId, undo))) throw new NotFoundException('unknown unsubscribe link or platform');
    return page({
      email: found.email,
      done: undo ? 'Done: your email preferences are as they were.' : DONE[scope],
      scope,
      platformId,
      undoAction: undo ? this.url(token) : `${this.url(token)}/undo`,
      preferencesUrl: `${this.config.publicUrl}/account`,
    });
  }

  private async find(token: string) {
    const found = await this.preferences.findByToken(token);
    if (!found) throw new NotFoundException('unknown unsubscribe link');
    return found;
  }

  private url(token: string): string {
    return `${this.config.publicUrl}/api/v1/unsubscribe/${encodeURIComponent(token)}`;
  }
}
