import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { AccountsRepository, Plan, Subscriber } from '@clausewatch/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { FollowsService } from './follows.service';
import { isPlan, PaidPlan, PLAN_INFO } from './plans.constants';

const PRICE_CENTS: Record<PaidPlan, number> = { watcher: 400, monitor: 1200, professional: 4900 };

/** Plans through Stripe: Checkout for upgrades, verified webhooks (each event ID once) for every plan change. */
@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);
  private readonly stripe: Stripe | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly follows: FollowsService,
  ) {
    const base = config.stripeBaseUrl ? new URL(config.stripeBaseUrl) : null;
    this.stripe = config.stripeSecretKey
      ? new Stripe(config.stripeSecretKey, {
          maxNetworkRetries: 1,
          ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
        })
      : null;
  }

  get configured(): boolean {
    return this.stripe !== null;
  }

  /**
   * Where the browser goes for a paid plan: a Checkout session for a first subscription; with one
   * already running, the subscription's price is switched in place (the webhook that follows sets
   * the plan) and the account page is next.
   */
  async checkout(subscriber: Subscriber, plan: PaidPlan): Promise<string> {
    const stripe = this.require();
    if (subscriber.stripeSubscriptionId) {
      const current = await stripe.subscriptions.retrieve(subscriber.stripeSubscriptionId);
      if (current.status === 'active' || current.status === 'trialing') {
        await stripe.subscriptions.update(current.id, {
          items: [{ id: current.items.data[0].id, price: await this.priceOf(plan) }],
          metadata: { plan, subscriberId: subscriber.id },
          cancel_at_period_end: false,
          proration_behavior: 'create_prorations',
        });
        return `${this.config.publicUrl}/account?upgraded=${plan}`;
      }
    }
    let customer = subscriber.stripeCustomerId;
    if (!customer) {
      customer = (await stripe.customers.create({ email: subscriber.email, metadata: { subscriberId: subscriber.id } })).id;
      await this.accounts.updateSubscriber(subscriber.id, { stripeCustomerId: customer });
    }
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: subscriber.id,
      line_items: [{ price: await this.priceOf(plan), quantity: 1 }],
      metadata: { plan },
      subscription_data: { metadata: { plan, subscriberId: subscriber.id } },
      success_url: `${this.config.publicUrl}/account?upgraded=${plan}`,
      cancel_url: `${this.config.publicUrl}/account/upgrade`,
    });
    if (!session.url) throw new AccountsError(AccountsErrorCode.BillingNotConfigured, 'Stripe returned no Checkout address');
    return session.url;
  }

  /** Cancels at the end of the paid period (the webhook that follows records it). */
  async cancel(subscriber: Subscriber): Promise<void> {
    const stripe = this.require();
    if (!subscriber.stripeSubscriptionId) throw new AccountsError(AccountsErrorCode.BadInput, 'there is no subscription to cancel');
    await stripe.subscriptions.update(subscriber.stripeSubscriptionId, { cancel_at_period_end: true });
  }

  /** Verifies and applies one webhook delivery; a redelivered event ID is acknowledged and skipped. */
  async handleWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    const stripe = this.require();
    if (!this.config.stripeWebhookSecret) throw new AccountsError(AccountsErrorCode.BillingNotConfigured, 'STRIPE_WEBHOOK_SECRET is not set');
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(rawBody ?? Buffer.alloc(0), signature ?? '', this.config.stripeWebhookSecret);
    } catch (error) {
      throw new AccountsError(AccountsErrorCode.BadSignature, `webhook signature does not verify: ${(error as Error).message}`);
    }
    const applied = await this.accounts.transaction(async (manager) => {
      if (!(await this.accounts.recordBillingEvent(manager, event.id, event.type))) return false;
      await this.apply(event, manager);
      return true;
    });
    this.logger.log({ eventId: event.id, type: event.type, duplicate: !applied }, 'stripe event');
    return { received: true, duplicate: !applied };
  }

  private async apply(event: Stripe.Event, manager: Parameters<FollowsService['setPlan']>[3]): Promise<void> {
    switch (event.type) {
      case 'checkout.session.completed': {
        const session = event.data.object;
        const plan = session.metadata?.plan;
        const subscriberId = session.client_reference_id;
        if (!subscriberId || !isPlan(plan)) return;
        await this.accounts.updateSubscriber(
          subscriberId,
          { stripeCustomerId: typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null), stripeSubscriptionId: typeof session.subscription === 'string' ? session.subscription : (session.subscription?.id ?? null) },
          manager,
        );
        await this.follows.setPlan(subscriberId, plan, { planEndsAt: null }, manager);
        return;
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated': {
        const subscription = event.data.object;
        const subscriber = await this.subscriberOf(subscription.customer);
        if (!subscriber) return;
        const plan = subscription.metadata?.plan;
        const periodEnd = subscription.cancel_at ?? subscription.items?.data?.[0]?.current_period_end ?? null;
        const active = subscription.status === 'active' || subscription.status === 'trialing';
        if (!active) {
          await this.follows.setPlan(subscriber.id, 'free', { planEndsAt: null }, manager);
          return;
        }
        const endsAt = subscription.cancel_at_period_end || subscription.cancel_at ? (periodEnd ? new Date(periodEnd * 1000) : new Date()) : null;
        await this.accounts.updateSubscriber(subscriber.id, { stripeSubscriptionId: subscription.id }, manager);
        await this.follows.setPlan(subscriber.id, isPlan(plan) ? plan : subscriber.plan, { planEndsAt: endsAt }, manager);
        return;
      }
      case 'customer.subscription.deleted': {
        const subscriber = await this.subscriberOf(event.data.object.customer);
        if (subscriber) await this.follows.setPlan(subscriber.id, 'free', { planEndsAt: null }, manager);
        return;
      }
      default:
        return;
    }
  }

  private subscriberOf(customer: string | Stripe.Customer | Stripe.DeletedCustomer): Promise<Subscriber | null> {
    return this.accounts.findSubscriberByCustomer(typeof customer === 'string' ? customer : customer.id);
  }

  private async priceOf(plan: PaidPlan): Promise<string> {
    const configured = this.config.stripePrices[plan];
    if (configured) return configured;
    const stripe = this.require();
    const lookupKey = `clausewatch-${plan}`;
    const existing = await stripe.prices.list({ lookup_keys: [lookupKey], limit: 1 });
    if (existing.data[0]) return existing.data[0].id;
    const price = await stripe.prices.create({
      currency: 'eur',
      unit_amount: PRICE_CENTS[plan],
      recurring: { interval: 'month' },
      lookup_key: lookupKey,
      product_data: { name: `Clausewatch ${PLAN_INFO[plan].label}` },
    });
    return price.id;
  }

  private require(): Stripe {
    if (!this.stripe) throw new AccountsError(AccountsErrorCode.BillingNotConfigured, 'billing is not configured (STRIPE_SECRET_KEY is not set)');
    return this.stripe;
  }
}

export type { Plan };
