import { clauseTypeById } from '@clausewatch/analyzer';
import { AccountsRepository } from '@clausewatch/db';
import { Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SEVERITIES, isSeverity } from '../web/severity';
import { ViewRenderer } from '../web/view.renderer';
import { WebContext } from '../web/web-context.service';
import { WebExceptionFilter } from '../web/web-exception.filter';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { BillingService } from './billing.service';
import { FollowsService, regulationSlug } from './follows.service';
import { LoginService } from './login.service';
import { isPlan, PAID_PLANS, PaidPlan, PLAN_INFO, PLAN_LIMITS, PLANS } from './plans.constants';
import { newToken, SessionsService, sha256 } from './sessions.service';

type Form = Record<string, string | undefined>;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sign-in by emailed link, the account page, follows and plans (HTML forms, each with a CSRF token). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class AccountsController {
  constructor(
    private readonly views: ViewRenderer,
    private readonly web: WebContext,
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly follows: FollowsService,
    private readonly billing: BillingService,
    private readonly accounts: AccountsRepository,
  ) {}

  @Get('login')
  async loginForm(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { chrome } = await this.web.of(request, reply, 'Sign in', 'login');
    return this.views.render('login', chrome, {});
  }

  // No CSRF check here on purpose (see bootstrap): this only emails a link to the address typed, rate-limited.
  @Post('login')
  @HttpCode(200)
  async requestLink(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const form = (request.body ?? {}) as Form;
    let email: string;
    try {
      email = this.login.normaliseEmail(form?.email);
    } catch (error) {
      const { chrome } = await this.web.of(request, reply, 'Sign in', 'login');
      reply.status(400);
      return this.views.render('login', chrome, { error: (error as Error).message, email: String(form?.email ?? '').slice(0, 200) });
    }
    await this.login.requestLink(email, request.ip);
    const { chrome } = await this.web.of(request, reply, 'Check your email', 'login');
    return this.views.render('login-sent', chrome, { email });
  }

  /** The emailed link shows a button: mail scanners that open links must not use up the single-use token. */
  @Get('login/verify')
  async confirmForm(@Query('token') token: string | undefined, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { chrome } = await this.web.of(request, reply, 'Sign in', 'login');
    return this.views.render('login-confirm', chrome, { token: typeof token === 'string' ? token.slice(0, 200) : '' });
  }

  @Post('login/verify')
  async verify(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const subscriber = await this.login.consume(String(form?.token ?? ''));
    if (!subscriber) {
      const { chrome } = await this.web.of(request, reply, 'Link expired', 'login');
      void reply.status(400).send(this.views.render('login', chrome, { error: 'That sign-in link has expired or was already used. Ask for a new one below.' }));
      return;
    }
    await this.sessions.start(subscriber.id, request, reply);
    void reply.redirect('/', 303);
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sessions.end(request, reply);
    void reply.redirect('/', 303);
  }

  @Get('account')
  async account(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const query = request.query as Form;
    const { viewer, chrome } = await this.web.of(request, reply, 'Your account', 'account');
    if (!viewer) throw new AccountsError(AccountsErrorCode.NotSignedIn, 'Sign in to see your account.');
    await this.follows.applyLapsedPlans();
    const subscriber = (await this.accounts.findSubscriberByEmail(viewer.subscriber.email)) ?? viewer.subscriber;
    const follows = await this.accounts.listFollows(subscriber.id);
    const limit = PLAN_LIMITS[subscriber.plan];
    return this.views.render('account', chrome, {
      subscriber,
      plan: PLAN_INFO[subscriber.plan],
      limit: limit ?? 'unlimited',
      used: follows.filter((f) => !f.pausedAt).length,
      follows: follows.map((f) => ({
        kind: f.platformId ? 'platform' : f.clauseType ? 'clause-type' : 'regulation',
        value: f.platformSlug ?? f.clauseType ?? f.regulation,
        label: f.platformName ?? (f.clauseType ? (clauseTypeById.get(f.clauseType)?.label ?? f.clauseType) : f.regulation),
        href: f.platformSlug ? `/platforms/${f.platformSlug}` : f.clauseType ? `/clause-types/${f.clauseType}` : `/regulations/${regulationSlug(f.regulation ?? '')}`,
        paused: f.pausedAt !== null,
      })),
      severities: SEVERITIES.filter((s) => s !== 'none').map((s) => ({ value: s, selected: s === subscriber.minSeverity })),
      days: DAYS.map((d, i) => ({ value: i, label: d, selected: i === subscriber.digestDay })),
      professional: subscriber.plan === 'professional',
      apiToken: query.token && /^[A-Za-z0-9_-]{20,100}$/.test(query.token) ? query.token : null,
      hasApiToken: subscriber.apiTokenHash !== null,
      upgraded: query.upgraded && isPlan(query.upgraded) ? PLAN_INFO[query.upgraded].label : null,
      cancelling: subscriber.planEndsAt,
      canCancel: this.billing.configured && !!subscriber.stripeSubscriptionId && !subscriber.planEndsAt,
    });
  }

  @Post('account/settings')
  async settings(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const viewer = await this.requireViewer(request);
    const timezone = String(form?.timezone ?? 'UTC').trim();
    if (!isTimeZone(timezone)) throw new AccountsError(AccountsErrorCode.BadInput, `"${timezone.slice(0, 60)}" is not a time zone (try Europe/Paris or UTC)`);
    const digestDay = Number(form?.digestDay);
    await this.accounts.updateSubscriber(viewer.subscriber.id, {
      minSeverity: isSeverity(form?.minSeverity) && form.minSeverity !== 'none' ? form.minSeverity : viewer.subscriber.minSeverity,
      timezone,
      digestDay: Number.isInteger(digestDay) && digestDay >= 0 && digestDay <= 6 ? digestDay : viewer.subscriber.digestDay,
      alertsEnabled: form?.emailAlerts === 'on',
      digestEnabled: form?.emailDigest === 'on',
    });
    void reply.redirect('/account', 303);
  }

  @Post('account/api-token')
  async apiToken(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.requireViewer(request);
    if (viewer.subscriber.plan !== 'professional') throw new AccountsError(AccountsErrorCode.Forbidden, 'API tokens come with the professional plan.');
    const token = `cwk_${newToken()}`;
    await this.accounts.updateSubscriber(viewer.subscriber.id, { apiTokenHash: sha256(token) });
    // Shown once, on the page the redirect opens; only its hash is stored.
    void reply.redirect(`/account?token=${encodeURIComponent(token)}`, 303);
  }

  @Post('account/delete')
  async deleteAccount(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const viewer = await this.requireViewer(request);
    if (String(form?.confirm ?? '').trim().toLowerCase() !== viewer.subscriber.email) {
      throw new AccountsError(AccountsErrorCode.BadInput, 'Type your email address to confirm deleting your account.');
    }
    await this.sessions.end(request, reply);
    await this.accounts.deleteSubscriber(viewer.subscriber.id);
    void reply.redirect('/?deleted=1', 303);
  }

  @Post('follow')
  async follow(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const viewer = await this.requireViewer(request);
    const target = await this.follows.resolve(String(form?.kind ?? ''), String(form?.value ?? ''));
    await this.follows.follow(viewer.subscriber.id, [target]);
    void reply.redirect(safeReturn(form?.return), 303);
  }

  @Post('unfollow')
  async unfollow(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const viewer = await this.requireViewer(request);
    const target = await this.follows.resolve(String(form?.kind ?? ''), String(form?.value ?? ''));
    await this.follows.unfollow(viewer.subscriber.id, target);
    void reply.redirect(safeReturn(form?.return), 303);
  }

  @Get('account/upgrade')
  async upgradePage(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { viewer, chrome } = await this.web.of(request, reply, 'Plans', 'account');
    if (!viewer) throw new AccountsError(AccountsErrorCode.NotSignedIn, 'Sign in to choose a plan.');
    return this.views.render('upgrade', chrome, {
      billing: this.billing.configured,
      isAdmin: viewer.isAdmin,
      plans: PLANS.map((p) => ({ id: p, ...PLAN_INFO[p], limit: PLAN_LIMITS[p] ?? 'Unlimited', current: p === viewer.subscriber.plan, paid: p !== 'free' })),
    });
  }

  /** Paid plans go through Stripe Checkout; without Stripe, an admin may set any plan on their own account. */
  @Post('account/plan')
  async choosePlan(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const viewer = await this.requireViewer(request);
    const plan = form?.plan;
    if (!isPlan(plan)) throw new AccountsError(AccountsErrorCode.BadInput, 'Choose one of the plans.');
    if (!this.billing.configured) {
      if (!viewer.isAdmin) throw new AccountsError(AccountsErrorCode.BillingNotConfigured, 'Billing is not configured on this server; an administrator can set your plan.');
      const target = form?.email ? await this.accounts.findSubscriberByEmail(String(form.email).trim().toLowerCase()) : viewer.subscriber;
      if (!target) throw new AccountsError(AccountsErrorCode.UnknownTarget, 'No subscriber with that address.');
      await this.follows.setPlan(target.id, plan, { planEndsAt: null });
      void reply.redirect('/account', 303);
      return;
    }
    if (plan === 'free') {
      await this.billing.cancel(viewer.subscriber);
      void reply.redirect('/account', 303);
      return;
    }
    void reply.redirect(await this.billing.checkout(viewer.subscriber, plan as PaidPlan), 303);
  }

  private async requireViewer(request: FastifyRequest) {
    const viewer = await this.sessions.viewer(request);
    if (!viewer) throw new AccountsError(AccountsErrorCode.NotSignedIn, 'Sign in first.');
    return viewer;
  }
}

/** Only a path on this site (never `//host` or a scheme), so a form cannot redirect elsewhere. */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/account';
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export { PAID_PLANS };
