import { FakeStripe } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { signIn, WebClient } from '../testing/web-client';

// Plans through the real Stripe SDK against a local fake Stripe: Checkout, signed webhooks (each event once), cancellation.
describe('billing: Stripe Checkout and webhooks', () => {
  let api: ApiHarness;
  let stripe: FakeStripe;
  let client: WebClient;
  const planOf = async (email: string) => (await api.app.get(DataSource).query('SELECT plan, plan_ends_at FROM subscribers WHERE email = $1', [email]))[0];
  const activeFollows = async (email: string) =>
    (await api.app.get(DataSource).query(`SELECT count(*) FILTER (WHERE f.paused_at IS NULL)::int AS active, count(*)::int AS total FROM follows f JOIN subscribers s ON s.id = f.subscriber_id WHERE s.email = $1`, [email]))[0];

  beforeAll(async () => {
    stripe = await FakeStripe.start();
    api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_clausewatch', STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_BASE_URL: stripe.url });
    stripe.deliver = async (payload, signature) =>
      (await api.app.inject({ method: 'POST', url: '/api/v1/webhooks/stripe', payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } })).statusCode;
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform: name, title: 'Terms', type: 'terms-of-service', url: `https://${name.toLowerCase()}.example.com/terms` }, headers: api.admin });
    }
    client = new WebClient(api.app);
    await signIn(client, 'payer@example.org', api.outbox);
  });

  afterAll(async () => {
    await api?.close();
    await stripe?.close();
  });

  it('upgrades through Checkout: the completed session webhook sets the plan', async () => {
    expect((await client.get('/account/upgrade')).body).not.toContain('Billing is not configured');
    const answer = await client.submit('/account/upgrade', '/account/plan', { plan: 'watcher' });
    expect(answer.status).toBe(303);
    const location = String(answer.headers.location);
    expect(location.startsWith(`${stripe.url}/pay/cs_test_`)).toBe(true);
    expect((await planOf('payer@example.org')).plan).toBe('free');
    const success = await stripe.completeCheckout(location.split('/').pop()!);
    expect(success).toBe('http://clausewatch.test/account?upgraded=watcher');
    expect(stripe.events.map((e) => e.status)).toEqual([200, 200]);
    expect((await planOf('payer@example.org')).plan).toBe('watcher');
    for (const value of ['alpha', 'beta', 'gamma']) expect((await client.submit('/platforms', '/follow', { kind: 'platform', value, return: '/' })).status).toBe(303);
  });

  it('switches a running subscription to another paid plan in place, without a second Checkout', async () => {
    const sessionsBefore = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').length;
    const answer = await client.submit('/account/upgrade', '/account/plan', { plan: 'monitor' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('http://clausewatch.test/account?upgraded=monitor');
    expect(stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').length).toBe(sessionsBefore);
    expect((await planOf('payer@example.org')).plan).toBe('monitor');
    expect((await client.submit('/account/upgrade', '/account/plan', { plan: 'watcher' })).status).toBe(303);
    expect((await planOf('payer@example.org')).plan).toBe('watcher');
  });

  it('rejects an event whose signature does not verify, and applies a redelivered event ID once', async () => {
    const forged = await api.app.inject({ method: 'POST', url: '/api/v1/webhooks/stripe', payload: JSON.stringify({ id: 'evt_forged', type: 'customer.subscription.deleted', data: { object: {} } }), headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=deadbeef' } });
    expect(forged.statusCode).toBe(400);
    const customer = (await api.app.get(DataSource).query(`SELECT stripe_customer_id FROM subscribers WHERE email = 'payer@example.org'`))[0].stripe_customer_id;
    const subscription = { ...stripe.subscriptionOf(customer)!, metadata: { plan: 'monitor' } };
    expect(await stripe.send('customer.subscription.updated', subscription, 'evt_once')).toBe(200);
    expect((await planOf('payer@example.org')).plan).toBe('monitor');
    // An admin changes it back; the same event delivered again must not re-apply.
    await api.app.get(DataSource).query(`UPDATE subscribers SET plan = 'watcher' WHERE email = 'payer@example.org'`);
    expect(await stripe.send('customer.subscription.updated', subscription, 'evt_once')).toBe(200);
    expect((await planOf('payer@example.org')).plan).toBe('watcher');
    const [{ n }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM billing_events WHERE id = 'evt_once'`);
    expect(n).toBe(1);
  });

  it('cancels at period end, then falls back to free with follows over the limit paused, never deleted', async () => {
    expect((await client.submit('/account/upgrade', '/account/plan', { plan: 'free' })).status).toBe(303);
    const cancelled = await planOf('payer@example.org');
    expect(cancelled.plan).toBe('watcher');
    expect(cancelled.plan_ends_at).not.toBeNull();
    expect((await client.get('/account')).body).toContain('falls back to Free');
    const customer = (await api.app.get(DataSource).query(`SELECT stripe_customer_id FROM subscribers WHERE email = 'payer@example.org'`))[0].stripe_customer_id;
    await stripe.endSubscription(stripe.subscriptionOf(customer)!.id as string);
    expect((await planOf('payer@example.org')).plan).toBe('free');
    expect(await activeFollows('payer@example.org')).toEqual({ active: 1, total: 3 });
  });
});
