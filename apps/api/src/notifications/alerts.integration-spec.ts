import { FakeResend, readCorpusPage } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { AlertsService } from './alerts.service';
import { DeliveryService } from './delivery.service';

const TOS = 'sites/midjourney/terms-of-service';
const HOUR = 3_600_000;

// Same-day alerts for changes that stopped being news before the alert went out: a back-dated capture
// landed inside the change, and the record was replaced by technical corrections. Captures go through
// the admin route, as an archive import would; the real Resend SDK talks to the local fake.
describe('alerts for superseded changes', () => {
  let api: ApiHarness;
  let resend: FakeResend;
  let dataSource: DataSource;

  const post = (url: string, payload?: object) => api.app.inject({ method: 'POST', url, payload, headers: api.admin });
  const document = async (platform: string) =>
    (await post('/api/v1/documents', { platform, title: 'Terms of Service', type: 'terms-of-service', url: `https://${platform.toLowerCase()}.example/terms` })).json().document.id as string;
  const capture = async (documentId: string, page: string, hoursAgo: number) => {
    const capturedAt = new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${documentId}/captures?url=${encodeURIComponent('https://example.com/terms')}&capturedAt=${capturedAt}`,
      payload: readCorpusPage(`${TOS}/${page}.html`),
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });
    expect(response.json().outcome).toBe('ok');
    await api.app.get(AlertsService).idle();
    return response.json() as { change: { id: string; alertEligible: boolean; superseded?: boolean } | null };
  };
  const sendAll = async () => {
    await api.app.get(AlertsService).groupPending();
    return api.app.get(DeliveryService).drain();
  };
  const alertsTo = async (email: string) =>
    (await dataSource.query(
      `SELECT e.status, e.last_error FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email = $1 AND e.kind = 'alert' ORDER BY e.id`,
      [email],
    )) as Array<{ status: string; last_error: string | null }>;
  const deliveredTo = (email: string) => resend.delivered.filter((d) => d.body.to[0] === email);
  const isSuperseded = async (recordId: string) =>
    (await dataSource.query(`SELECT superseded_by IS NOT NULL AS superseded FROM change_records WHERE record_id = $1`, [recordId]))[0].superseded as boolean;

  beforeAll(async () => {
    resend = await FakeResend.start();
    api = await startApi({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url });
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await resend?.stop();
  });

  it('does not send an alert whose every change was superseded before it went out, and says why', async () => {
    const documentId = await document('Alpha');
    await post('/api/v1/subscribers', { email: 'all@example.org', plan: 'watcher', platforms: ['alpha'] });
    await capture(documentId, '2025-06-23', 6);
    const { change } = await capture(documentId, '2025-10-01', 1);
    expect(change?.alertEligible).toBe(true);
    // Before the alert is sent, an earlier capture is imported inside the change: the record is superseded.
    const backDated = await capture(documentId, '2025-09-10', 3);
    expect(backDated.change?.id).not.toBe(change!.id);
    expect(await isSuperseded(change!.id)).toBe(true);

    expect(await sendAll()).toBe(0);
    expect(deliveredTo('all@example.org')).toEqual([]);
    const alerts = await alertsTo('all@example.org');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].status).toBe('skipped');
    expect(alerts[0].last_error).toMatch(/superseded/);
  });

  it('sends the changes still current when only some of an alert’s changes were superseded', async () => {
    const documentId = await document('Beta');
    await post('/api/v1/subscribers', { email: 'some@example.org', plan: 'watcher', platforms: ['beta'] });
    await capture(documentId, '2025-06-23', 8);
    await capture(documentId, '2025-09-10', 7);
    // A first alert goes out; the next two changes come within 10 minutes of it and wait to go together.
    expect(await sendAll()).toBe(1);
    const first = (await capture(documentId, '2025-11-15', 5)).change!;
    const second = (await capture(documentId, '2026-01-20', 1)).change!;
    expect([first.alertEligible, second.alertEligible]).toEqual([true, true]);
    expect(await api.app.get(AlertsService).groupPending()).toBe(0);
    await dataSource.query(`UPDATE emails e SET created_at = e.created_at - interval '11 minutes' FROM subscribers s WHERE s.id = e.subscriber_id AND s.email = 'some@example.org'`);
    expect(await api.app.get(AlertsService).groupPending()).toBe(1);
    // Grouped into one email; then a capture lands inside the first of them.
    await capture(documentId, '2025-10-01', 6);
    expect(await isSuperseded(first.id)).toBe(true);
    expect(await isSuperseded(second.id)).toBe(false);

    expect(await sendAll()).toBe(1);
    const emails = deliveredTo('some@example.org');
    expect(emails).toHaveLength(2);
    const grouped = emails[1].body;
    expect(grouped.text).toContain(second.id);
    expect(grouped.text).not.toContain(first.id);
    expect(grouped.subject).not.toMatch(/and 1 more change/);
    expect((await alertsTo('some@example.org')).map((a) => a.status)).toEqual(['sent', 'sent']);
    // The grouped email left the superseded change out: its notification is skipped, saying why, not sent.
    const owed: Array<{ change: string; status: string; last_error: string | null }> = await dataSource.query(
      `SELECT c.record_id AS change, n.status, n.last_error FROM notifications n JOIN change_records c ON c.id = n.change_record_id
         JOIN subscribers s ON s.id = n.subscriber_id WHERE s.email = 'some@example.org' AND n.channel = 'alert' AND c.record_id = ANY($1) ORDER BY c.record_id`,
      [[first.id, second.id]],
    );
    expect(owed).toEqual([
      { change: first.id, status: 'skipped', last_error: expect.stringMatching(/superseded/) },
      { change: second.id, status: 'sent', last_error: null },
    ]);
  });
});
