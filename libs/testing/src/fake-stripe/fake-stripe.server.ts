import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

type Json = Record<string, unknown>;

/** Posts one signed webhook event to the app; returns the HTTP status the app answered. */
export type WebhookDelivery = (payload: string, signature: string) => Promise<number>;

export interface DeliveredEvent {
  id: string;
  type: string;
  status: number;
}

/**
 * A local stand-in for the Stripe API, for the real `stripe` SDK pointed at it (host, port, protocol):
 * customers, prices (with lookup keys), Checkout sessions with a payment page of its own, and
 * subscriptions. Completing a payment or cancelling sends signed webhook events, signed with the
 * SDK's own `webhooks.generateTestHeaderString`.
 */
export class FakeStripe {
  readonly requests: Array<{ method: string; path: string; form: Record<string, string> }> = [];
  readonly events: DeliveredEvent[] = [];
  deliver: WebhookDelivery | null = null;
  private readonly customers = new Map<string, Json>();
  private readonly prices = new Map<string, Json>();
  private readonly sessions = new Map<string, Json>();
  private readonly subscriptions = new Map<string, Json>();
  private readonly signer = new Stripe('sk_test_fake_signer');

  private constructor(
    private readonly server: Server,
    readonly webhookSecret: string,
  ) {}

  static async start(webhookSecret = `whsec_${randomBytes(12).toString('hex')}`): Promise<FakeStripe> {
    let fake: FakeStripe | null = null;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeStripe(server, webhookSecret);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Delivers events to `url` with fetch (an app listening on a port). */
  deliverTo(url: string): void {
    this.deliver = async (payload, signature) =>
      (await fetch(url, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } })).status;
  }

  /** Signs and delivers an event; the same `id` may be sent again to test redeliveries. */
  async send(type: string, object: Json, id = `evt_${randomBytes(10).toString('hex')}`): Promise<number> {
    const payload = JSON.stringify({ id, object: 'event', type, api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
    const signature = this.signer.webhooks.generateTestHeaderString({ payload, secret: this.webhookSecret });
    const status = this.deliver ? await this.deliver(payload, signature) : 0;
    this.events.push({ id, type, status });
    return status;
  }

  /** What the payment page's button does: a subscription, then `checkout.session.completed`. */
  async completeCheckout(sessionId: string): Promise<string> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no checkout session ${sessionId}`);
    const subscription = this.createSubscription(session.customer as string, (session.metadata as Json) ?? {});
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: subscription.id });
    await this.send('customer.subscription.created', subscription);
    await this.send('checkout.session.completed', session);
    return session.success_url as string;
  }

  /** Ends a subscription now (Stripe does this at the period end of a cancelled one). */
  async endSubscription(subscriptionId: string): Promise<void> {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`no subscription ${subscriptionId}`);
    Object.assign(subscription, { status: 'canceled', ended_at: Math.floor(Date.now() / 1000) });
    await this.send('customer.subscription.deleted', subscription);
  }

  subscriptionOf(customerId: string): Json | undefined {
    return [...this.subscriptions.values()].find((s) => s.customer === customerId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private createSubscription(customer: string, metadata: Json): Json {
    const id = `sub_${randomBytes(8).toString('hex')}`;
    const now = Math.floor(Date.now() / 1000);
    const subscription: Json = {
      id,
      object: 'subscription',
      customer,
      status: 'active',
      metadata,
      cancel_at_period_end: false,
      cancel_at: null,
      items: { object: 'list', data: [{ id: `si_${id}`, object: 'subscription_item', current_period_start: now, current_period_end: now + 30 * 86400 }] },
    };
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, form });
    const json = (status: number, body: Json) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
      res.end(JSON.stringify(body));
    };
    const notFound = () => json(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
    const path = url.pathname;
    if (req.method === 'POST' && path === '/v1/customers') {
      const customer = { id: `cus_${randomBytes(8).toString('hex')}`, object: 'customer', email: form.email ?? null, metadata: metadataOf(form) };
      this.customers.set(customer.id, customer);
      return json(200, customer);
    }
    if (req.method === 'GET' && path === '/v1/prices') {
      const keys = [...url.searchParams.entries()].filter(([k]) => k.startsWith('lookup_keys')).map(([, v]) => v);
      return json(200, { object: 'list', data: [...this.prices.values()].filter((p) => keys.includes(p.lookup_key as string)), has_more: false, url: '/v1/prices' });
    }
    if (req.method === 'POST' && path === '/v1/prices') {
      const price = { id: `price_${randomBytes(8).toString('hex')}`, object: 'price', lookup_key: form.lookup_key ?? null, unit_amount: Number(form.unit_amount), currency: form.currency, recurring: { interval: form['recurring[interval]'] } };
      this.prices.set(price.id, price);
      return json(200, price);
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      if (!this.prices.has(form['line_items[0][price]'])) return json(400, { error: { type: 'invalid_request_error', message: 'No such price' } });
      const id = `cs_test_${randomBytes(10).toString('hex')}`;
      const session = { id, object: 'checkout.session', mode: form.mode, customer: form.customer, client_reference_id: form.client_reference_id ?? null, metadata: metadataOf(form), success_url: form.success_url, cancel_url: form.cancel_url, status: 'open', subscription: null, url: `${this.url}/pay/${id}` };
      this.sessions.set(id, session);
      return json(200, session);
    }
    const subscription = /^\/v1\/subscriptions\/([\w]+)$/.exec(path);
    if (req.method === 'GET' && subscription) {
      const row = this.subscriptions.get(subscription[1]);
      return row ? json(200, row) : notFound();
    }
    if (req.method === 'POST' && subscription) {
      const row = this.subscriptions.get(subscription[1]);
      if (!row) return notFound();
      const periodEnd = (row.items as { data: Array<{ current_period_end: number }> }).data[0].current_period_end;
      if (form.cancel_at_period_end === 'true') Object.assign(row, { cancel_at_period_end: true, cancel_at: periodEnd });
      if (form.cancel_at_period_end === 'false') Object.assign(row, { cancel_at_period_end: false, cancel_at: null });
      if (form['items[0][price]']) Object.assign((row.items as { data: Json[] }).data[0], { price: { id: form['items[0][price]'] } });
      const metadata = metadataOf(form);
      if (Object.keys(metadata).length) row.metadata = metadata;
      // Stripe does not order webhooks and responses; the fake delivers first so tests read a settled state.
      await this.send('customer.subscription.updated', row);
      return json(200, row);
    }
    const pay = /^\/pay\/([\w]+)$/.exec(path);
    if (pay && req.method === 'GET' && this.sessions.has(pay[1])) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body><main><h1>Fake Stripe Checkout</h1><form method="post"><button type="submit">Pay</button></form></main></body></html>`);
      return;
    }
    if (pay && req.method === 'POST' && this.sessions.has(pay[1])) {
      const next = await this.completeCheckout(pay[1]);
      res.writeHead(303, { location: next });
      res.end();
      return;
    }
    return notFound();
  }
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).flatMap(([k, v]) => {
    const m = /^metadata\[(.+)\]$/.exec(k);
    return m ? [[m[1], v]] : [];
  }));
}
