import { FakeResend, FixtureSite } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { AlertsService } from './alerts.service';

const TOS = 'sites/midjourney/terms-of-service';

// Same-day alerts through the real Resend SDK, against a local fake of the Resend API.
describe('alerts through Resend', () => {
  let api: ApiHarness;
  let site: FixtureSite;
  let resend: FakeResend;
  let documentId: string;

  beforeAll(async () => {
    site = await FixtureSite.start();
    resend = await FakeResend.start();
    api = await startApi({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url, EMAIL_FROM: 'Clausewatch <alerts@clausewatch.test>' });
    site.servePage('/tos', `${TOS}/2025-11-15.html`);
    const post = (url: string, payload?: object) => api.app.inject({ method: 'POST', url, payload, headers: api.admin });
    documentId = (await post('/api/v1/documents', { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: site.url('/tos') })).json().document.id;
    await post('/api/v1/subscribers', { email: 'watcher@example.org', plan: 'watcher', platforms: ['midjourney'] });
    await post('/api/v1/subscribers', { email: 'free@example.org', plan: 'free', platforms: ['midjourney'] });
    await post('/api/v1/subscribers', { email: 'picky@example.org', plan: 'monitor', minSeverity: 'critical', platforms: ['midjourney'] });
    await post(`/api/v1/documents/${documentId}/check`);
  });

  afterAll(async () => {
    await api?.close();
    await resend?.stop();
    await site?.stop();
  });

  const alerts = () => api.app.get(AlertsService);
  const notifications = () =>
    api.app.get(DataSource).query(`SELECT s.email, n.channel, n.status, n.attempts, n.last_error FROM notifications n JOIN subscribers s ON s.id = n.subscriber_id ORDER BY s.email, n.channel`);

  it('keeps alerts pending through a provider outage and delivers each exactly once after it', async () => {
    resend.fail(503, 'Service unavailable');
    site.servePage('/tos', `${TOS}/2026-01-20.html`);
    const change = (await api.app.inject({ method: 'POST', url: `/api/v1/documents/${documentId}/check`, headers: api.admin })).json().change;
    expect(change).toMatchObject({ kind: 'substantive', alertEligible: true });
    await alerts().idle();

    // A paying follower gets a same-day alert; the free one only a digest entry; below the chosen severity, nothing.
    const owed = await notifications();
    expect(owed.map((n: { email: string; channel: string }) => `${n.email}:${n.channel}`)).toEqual([
      'free@example.org:digest',
      'watcher@example.org:alert',
      'watcher@example.org:digest',
    ]);
    const alert = owed.find((n: { channel: string }) => n.channel === 'alert');
    expect(alert).toMatchObject({ status: 'pending', attempts: 1 });
    expect(alert.last_error).toContain('Service unavailable');
    expect(resend.delivered).toHaveLength(0);

    resend.recover();
    expect(await alerts().sendPending()).toBe(1);
    expect(await alerts().sendPending()).toBe(0);
    expect(resend.delivered).toHaveLength(1);
    const [email] = resend.delivered;
    expect(email.authorization).toBe('Bearer re_test_key');
    expect(email.idempotencyKey).toMatch(/^cw-alert-\d+-\d+$/);
    expect(email.body).toMatchObject({ from: 'Clausewatch <alerts@clausewatch.test>', to: ['watcher@example.org'] });
    expect(email.body.subject).toContain('Midjourney changed its Terms of Service');
    expect(email.body.text).toContain(change.id);
    expect(email.body.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect((await notifications()).find((n: { channel: string }) => n.channel === 'alert')).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('unsubscribes with one click (RFC 8058) and then owes that person nothing', async () => {
    const [{ unsubscribe_token: token }] = await api.app.get(DataSource).query(`SELECT unsubscribe_token FROM subscribers WHERE email = 'watcher@example.org'`);
    const response = await api.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(200);
    site.servePage('/tos', `${TOS}/2026-02-01.html`);
    await api.app.inject({ method: 'POST', url: `/api/v1/documents/${documentId}/check`, headers: api.admin });
    const owed = await notifications();
    expect(owed.filter((n: { email: string }) => n.email === 'watcher@example.org')).toHaveLength(2);
  });
});
