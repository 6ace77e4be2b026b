import { FakeResend, FixtureSite } from '@clausewatch/testing';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'svix';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { AlertsService } from './alerts.service';
import { DeliveryService } from './delivery.service';
import { nextDigestSlot } from './digest.schedule';
import { DigestService } from './digest.service';
import { MonitoringService } from './monitoring.service';

const TOS = 'sites/midjourney/terms-of-service';
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

// Alerts, digests, monitoring notices, unsubscribe and webhooks, as subscribers see them: the real
// Resend SDK against a local fake of the Resend API, a real PostgreSQL, pages from a fixture site.
describe('email subscribers can trust', () => {
  let api: ApiHarness;
  let site: FixtureSite;
  let resend: FakeResend;
  let documentId: string;
  let dataSource: DataSource;

  const post = (url: string, payload?: object) => api.app.inject({ method: 'POST', url, payload, headers: api.admin });
  const check = async () => (await post(`/api/v1/documents/${documentId}/check`)).json();
  const sendAll = async () => {
    await api.app.get(AlertsService).groupPending();
    return api.app.get(DeliveryService).drain();
  };
  const owed = async () =>
    (await dataSource.query(`SELECT s.email, n.channel FROM notifications n JOIN subscribers s ON s.id = n.subscriber_id ORDER BY n.id`)).map(
      (r: { email: string; channel: string }) => `${r.email}:${r.channel}`,
    );
  const deliveredTo = (email: string) => resend.delivered.filter((d) => d.body.to[0] === email);
  const token = async (email: string) => (await dataSource.query(`SELECT unsubscribe_token FROM subscribers WHERE email = $1`, [email]))[0].unsubscribe_token as string;

  beforeAll(async () => {
    site = await FixtureSite.start();
    resend = await FakeResend.start();
    api = await startApi({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url, EMAIL_FROM: 'Clausewatch <alerts@clausewatch.test>', RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET });
    dataSource = api.app.get(DataSource);
    site.servePage('/tos', `${TOS}/2025-11-15.html`);
    documentId = (await post('/api/v1/documents', { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: site.url('/tos') })).json().document.id;
    await post('/api/v1/subscribers', { email: 'watcher@example.org', plan: 'watcher', platforms: ['midjourney'], timezone: 'Europe/Paris' });
    await post('/api/v1/subscribers', { email: 'free@example.org', plan: 'free', platforms: ['midjourney'] });
    await post('/api/v1/subscribers', { email: 'picky@example.org', plan: 'monitor', minSeverity: 'critical', platforms: ['midjourney'] });
    await check();
  });

  afterAll(async () => {
    await api?.close();
    await resend?.stop();
    await site?.stop();
  });

  it('alerts a paying follower with a readable word-level redline; the free follower only gets a digest entry', async () => {
    site.servePage('/tos', `${TOS}/2026-01-20.html`);
    const { change } = await check();
    expect(change).toMatchObject({ kind: 'substantive', severity: 'medium', alertEligible: true });
    await api.app.get(AlertsService).idle();
    // Below the chosen minimum severity (critical), nothing is owed at all.
    expect(await owed()).toEqual(expect.arrayContaining(['watcher@example.org:digest', 'watcher@example.org:alert', 'free@example.org:digest']));
    expect(await owed()).toHaveLength(3);

    expect(await sendAll()).toBe(1);
    expect(await sendAll()).toBe(0);
    const [email] = deliveredTo('watcher@example.org');
    expect(resend.delivered).toHaveLength(1);
    expect(email.authorization).toBe('Bearer re_test_key');
    expect(email.idempotencyKey).toMatch(/^cw-alert-\d+$/);
    expect(email.body.subject).toMatch(/^\[medium\] Midjourney Terms of Service: .+ changed$/);
    expect(email.body.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(email.body.headers!['List-Unsubscribe']).toMatch(/^<http:\/\/clausewatch\.test\/api\/v1\/unsubscribe\/[0-9a-f]+>$/);
    const html = email.body.html!;
    // Only the changed words are marked, deleted and inserted, with colour and without.
    expect(html).toMatch(/<ins style="[^"]*underline[^"]*">[^<]*US \$100[^<]*<\/ins>/);
    // The cosmetic "Version Effective Date" change is left out, and counted.
    expect(html).not.toContain('Version Effective Date');
    expect(html).toContain('1 clause change, most severe first (1 cosmetic left out)');
    expect(html).toContain(`href="http://clausewatch.test/r/${change.id}"`);
    expect(html).toContain('Why am I getting this? You follow Midjourney.');
    expect(html).toContain('href="http://clausewatch.test/account"');
    expect(html).toMatch(/Captured \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} (CET|CEST|GMT\+[12])/); // in the subscriber's zone
    const text = email.body.text!;
    expect(text).toContain(`record ${change.id}`);
    expect(text).toMatch(/\{\+[^}]*US \$100/);
    expect(text).toContain('Unsubscribe: http://clausewatch.test/api/v1/unsubscribe/');
  });

  it('groups alerts owed within 10 minutes of the last one into one email', async () => {
    site.servePage('/tos', `${TOS}/2026-02-01.html`);
    const second = (await check()).change;
    expect(second.alertEligible).toBe(true);
    // The last alert went out a moment ago: this one waits for the 10 minutes to pass.
    expect(await api.app.get(AlertsService).groupPending()).toBe(0);
    site.servePage('/tos', `${TOS}/2026-02-15.html`);
    const third = (await check()).change;
    expect(third.alertEligible).toBe(true);
    await dataSource.query(`UPDATE emails SET created_at = created_at - interval '11 minutes' WHERE kind = 'alert'`);
    expect(await sendAll()).toBe(1);
    const emails = deliveredTo('watcher@example.org');
    expect(emails).toHaveLength(2);
    expect(emails[1].body.subject).toMatch(/^\[\w+\] Midjourney Terms of Service: .+ \(and 1 more change\)$/);
    expect(emails[1].body.text).toContain(second.id);
    expect(emails[1].body.text).toContain(third.id);
    // A reworded clause: the removed words struck through, the new ones underlined, not the whole paragraph.
    expect(emails[1].body.html).toMatch(/<del style="[^"]*line-through[^"]*">[^<]{1,300}<\/del>/);
    expect(emails[1].body.text).toMatch(/\[-[^\]]{1,300}-\]/);
  });

  it('sends a notice when a followed document fails for 24 hours, once, and once when it recovers', async () => {
    const [{ id }] = await dataSource.query(`SELECT id FROM documents`);
    const failed = (hoursAgo: number) =>
      dataSource.query(
        `INSERT INTO checks (document_id, trigger, attempt, started_at, duration_ms, outcome, cause) VALUES ($1, 'schedule', 1, now() - $2::float * interval '1 hour', 10, 'http-error', 'HTTP 503')`,
        [id, hoursAgo],
      );
    // The last good check was two days ago; failing for 23 hours: nothing yet.
    await dataSource.query(`UPDATE checks SET started_at = started_at - interval '2 days'`);
    await failed(23);
    expect(await api.app.get(MonitoringService).tick()).toEqual({ failing: 0, recovered: 0 });
    await failed(25);
    await failed(1);
    expect(await api.app.get(MonitoringService).tick()).toEqual({ failing: 1, recovered: 0 });
    expect(await api.app.get(MonitoringService).tick()).toEqual({ failing: 0, recovered: 0 });
    await sendAll();
    // Paying followers get it (the free one does not); picky's minimum severity does not apply to monitoring.
    const notice = (email: string) => deliveredTo(email).filter((d) => d.body.subject.startsWith('[monitoring]'));
    expect(notice('picky@example.org').map((d) => d.body.subject)).toEqual(['[monitoring] Midjourney Terms of Service: failing to check for 24 hours']);
    expect(notice('free@example.org')).toHaveLength(0);
    expect(notice('picky@example.org')[0].body.text).toContain('HTTP 503');

    await check(); // the page answers again
    expect(await api.app.get(MonitoringService).tick()).toEqual({ failing: 0, recovered: 1 });
    expect(await api.app.get(MonitoringService).tick()).toEqual({ failing: 0, recovered: 0 });
    await sendAll();
    expect(notice('picky@example.org').map((d) => d.body.subject)).toEqual([
      '[monitoring] Midjourney Terms of Service: failing to check for 24 hours',
      '[monitoring] Midjourney Terms of Service: monitoring restored',
    ]);
  });

  it('sends the weekly digest once per subscriber and week, free plan included, and a quiet week as proof of monitoring', async () => {
    const digests = api.app.get(DigestService);
    // One change record of the week was later superseded (a back-dated capture landed inside it, and
    // technical corrections replace it): it is no longer news and no digest lists it.
    const [superseded] = await dataSource.query(`SELECT id, record_id FROM change_records ORDER BY id LIMIT 1`);
    await dataSource.query(`UPDATE change_records SET superseded_by = $2 WHERE id = $1`, [superseded.id, JSON.stringify(['CW-C-REPLACEMENT'])]);
    const slot = nextDigestSlot(new Date(), 'UTC', 1);
    expect(await digests.buildDue(new Date(slot.getTime() - 60_000))).toMatchObject({ created: 1 }); // Paris is an hour ahead
    const run = await digests.buildDue(slot);
    expect(run).toMatchObject({ subscribers: 3, created: 2 });
    expect(await digests.buildDue(slot)).toMatchObject({ created: 0 });
    await sendAll();
    expect(await digests.buildDue(slot)).toMatchObject({ created: 0 });
    // Handed over, each digest's entries are done: sent when the digest was, and the superseded change's entry
    // (the digest left it out) skipped with the reason. None stays pending.
    const entries: Array<{ email: string; superseded: boolean; status: string; last_error: string | null; sent_with_digest: boolean }> = await dataSource.query(
      `SELECT s.email, n.change_record_id = $1 AS superseded, n.status, n.last_error,
              n.sent_at IS NOT NULL AND n.sent_at = (SELECT e.sent_at FROM emails e WHERE e.subscriber_id = n.subscriber_id AND e.kind = 'digest') AS sent_with_digest
         FROM notifications n JOIN subscribers s ON s.id = n.subscriber_id
        WHERE n.channel = 'digest' ORDER BY s.email, n.id`,
      [superseded.id],
    );
    expect(entries.filter((e) => e.superseded).map((e) => e.email)).toEqual(['free@example.org', 'watcher@example.org']);
    expect(entries.filter((e) => !e.superseded).length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      expect(entry).toEqual(
        entry.superseded
          ? { ...entry, status: 'skipped', last_error: expect.stringMatching(/superseded/), sent_with_digest: false }
          : { ...entry, status: 'sent', last_error: null, sent_with_digest: true },
      );
    }

    const digestOf = (email: string) => deliveredTo(email).filter((d) => d.body.subject.startsWith('Your weekly Clausewatch digest'));
    const [free] = digestOf('free@example.org');
    expect(free.body.subject).toMatch(/^Your weekly Clausewatch digest: 2 changes \(/);
    expect(free.emailKey).toMatch(/^cw-digest-\d+-\d{4}-W\d{2}$/);
    expect(free.body.html).toContain('<h2>Midjourney</h2>');
    const ids = (await dataSource.query(`SELECT record_id FROM change_records WHERE superseded_by IS NULL ORDER BY id`)).map((r: { record_id: string }) => r.record_id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(free.body.text).toContain(id);
    expect(free.body.text).not.toContain(superseded.record_id);
    expect(free.body.text).toMatch(/Monitoring: 1 of 1 followed documents checked this week/);
    // The critical-only subscriber had nothing at their level: a quiet digest that proves the watching.
    const [picky] = digestOf('picky@example.org');
    expect(picky.body.subject).toMatch(/no changes, 1 document monitored/);
    expect(picky.body.text).toMatch(/- Midjourney Terms of Service: last verified \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);

    // The next week nothing changed: everyone gets the quiet digest, once.
    const nextWeek = new Date(slot.getTime() + 7 * 86_400_000);
    expect(await digests.buildDue(nextWeek)).toMatchObject({ created: 3 });
    expect(await digests.buildDue(nextWeek)).toMatchObject({ created: 0 });
    await sendAll();
    expect(digestOf('free@example.org')).toHaveLength(2);
    expect(digestOf('free@example.org')[1].body.html).toContain('No changes this week');
    expect(digestOf('watcher@example.org')).toHaveLength(2);
  });

  it('unsubscribes only on POST (RFC 8058), offers choices and an undo, and answers 404 to an unknown link', async () => {
    const watcher = await token('watcher@example.org');
    const state = async () => (await dataSource.query(`SELECT unsubscribed_at, alerts_enabled, muted_platform_ids FROM subscribers WHERE email = 'watcher@example.org'`))[0];
    const before = await state();
    const [{ id: platformId }] = await dataSource.query(`SELECT id FROM platforms WHERE slug = 'midjourney'`);

    const page = await api.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${watcher}?platform=${platformId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<button type="submit">Unsubscribe</button>');
    expect(page.body).toContain('Only email about Midjourney');
    expect(page.body).toContain('Only same-day alerts (keep the weekly digest)');
    expect(page.body).toContain('value="all"');
    expect(await state()).toEqual(before); // a link scanner's GET changes nothing

    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const oneClick = await api.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${watcher}`, payload: 'List-Unsubscribe=One-Click', headers: form });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('You are unsubscribed from all Clausewatch email.');
    expect((await state()).unsubscribed_at).not.toBeNull();
    const undo = await api.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${watcher}/undo`, payload: 'scope=all', headers: form });
    expect(undo.statusCode).toBe(200);
    expect((await state()).unsubscribed_at).toBeNull();

    await api.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${watcher}`, payload: `scope=platform&platform=${platformId}`, headers: form });
    expect((await state()).muted_platform_ids).toEqual([platformId]);
    site.servePage('/tos', `${TOS}/2025-10-01.html`);
    const change = (await check()).change;
    expect(change.alertEligible).toBe(true);
    const owedNow = await dataSource.query(`SELECT s.email FROM notifications n JOIN subscribers s ON s.id = n.subscriber_id JOIN change_records c ON c.id = n.change_record_id WHERE c.record_id = $1`, [
      change.id,
    ]);
    expect(owedNow.map((r: { email: string }) => r.email)).not.toContain('watcher@example.org');

    expect((await api.app.inject({ method: 'GET', url: '/api/v1/unsubscribe/not-a-token' })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'POST', url: '/api/v1/unsubscribe/not-a-token', payload: 'List-Unsubscribe=One-Click', headers: form })).statusCode).toBe(404);
  });

  it('suppresses an address after a signed Resend bounce webhook, and refuses a bad signature', async () => {
    const payload = JSON.stringify({ type: 'email.bounced', created_at: new Date().toISOString(), data: { email_id: 'x', to: ['free@example.org'], bounce: { type: 'Permanent', message: 'mailbox does not exist' } } });
    const id = `msg_${randomBytes(8).toString('hex')}`;
    const at = new Date();
    const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, payload);
    const headers = { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': signature };

    const forged = await api.app.inject({ method: 'POST', url: '/api/v1/webhooks/resend', payload: payload.replace('free@', 'picky@'), headers });
    expect(forged.statusCode).toBe(401);
    const accepted = await api.app.inject({ method: 'POST', url: '/api/v1/webhooks/resend', payload, headers });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ received: true, suppressed: 1 });
    const [row] = await dataSource.query(`SELECT suppressed_at, suppression_reason FROM subscribers WHERE email = 'free@example.org'`);
    expect(row.suppressed_at).not.toBeNull();
    expect(row.suppression_reason).toContain('mailbox does not exist');
    const [picky] = await dataSource.query(`SELECT suppressed_at FROM subscribers WHERE email = 'picky@example.org'`);
    expect(picky.suppressed_at).toBeNull();

    // A suppressed address gets no more email: a digest owed before the bounce is skipped, not sent.
    const before = deliveredTo('free@example.org').length;
    const slot = nextDigestSlot(new Date(Date.now() + 15 * 86_400_000), 'UTC', 1);
    await dataSource.query(`UPDATE subscribers SET suppressed_at = NULL WHERE email = 'free@example.org'`);
    expect(await api.app.get(DigestService).buildDue(slot)).toMatchObject({ created: 3 });
    await dataSource.query(`UPDATE subscribers SET suppressed_at = now() WHERE email = 'free@example.org'`);
    await sendAll();
    expect(deliveredTo('free@example.org')).toHaveLength(before);
    const [skipped] = await dataSource.query(`SELECT e.status, e.last_error FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email = 'free@example.org' ORDER BY e.id DESC LIMIT 1`);
    expect(skipped).toEqual({ status: 'skipped', last_error: 'address suppressed (bounce or complaint)' });
  });
});
