import { FixtureSite } from '@clausewatch/testing';
import { AlertsService } from './notifications/alerts.service';
import { DeliveryService } from './notifications/delivery.service';
import { ApiHarness, startApi } from './testing/api-harness';

const PP = 'sites/midjourney/privacy-policy';

// The foundation's slice, end to end over HTTP on a real PostgreSQL: register → check → version →
// swap → check → change record → alert in the outbox → records by ID.
describe('the slice: register, check, change, notify, read back', () => {
  let api: ApiHarness;
  let site: FixtureSite;

  beforeAll(async () => {
    site = await FixtureSite.start();
    api = await startApi();
  });

  afterAll(async () => {
    await api?.close();
    await site?.stop();
  });

  const inject = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, payload, headers: { ...headers } });

  it('records versions and a change record, and alerts a follower', async () => {
    site.servePage('/midjourney/privacy-policy', `${PP}/2026-04-19.html`);

    const created = await inject('POST', '/api/v1/documents', { platform: 'Midjourney', title: 'Privacy Policy', type: 'privacy-policy', url: site.url('/midjourney/privacy-policy') }, api.admin);
    expect(created.statusCode).toBe(201);
    const documentId: string = created.json().document.id;
    expect(documentId).toMatch(/^CW-D-\d{5}$/);

    const subscriber = await inject('POST', '/api/v1/subscribers', { email: 'dana@example.org', plan: 'watcher', platforms: ['midjourney'] }, api.admin);
    expect(subscriber.statusCode).toBe(201);

    const first = await inject('POST', `/api/v1/documents/${documentId}/check`, undefined, api.admin);
    expect(first.statusCode).toBe(200);
    const firstBody = first.json();
    expect(firstBody).toMatchObject({ outcome: 'ok', change: null });
    expect(firstBody.version.id).toMatch(/^CW-V-\d{7}$/);
    expect(firstBody.version.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(firstBody.version.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(firstBody.version.waybackUrl).toMatch(/^https:\/\/web\.archive\.org\/web\/\d{14}\/http:\/\/127\.0\.0\.1:\d+\/midjourney\/privacy-policy$/);

    const unchanged = await inject('POST', `/api/v1/documents/${documentId}/check`, undefined, api.admin);
    expect(unchanged.json()).toMatchObject({ outcome: 'ok', change: null, version: { id: firstBody.version.id } });

    site.servePage('/midjourney/privacy-policy', `${PP}/2026-04-21.html`);
    const second = await inject('POST', `/api/v1/documents/${documentId}/check`, undefined, api.admin);
    const secondBody = second.json();
    expect(secondBody.outcome).toBe('ok');
    expect(secondBody.version.id).not.toBe(firstBody.version.id);
    expect(secondBody.version.confirmed).toBe(true);
    expect(secondBody.change).toMatchObject({ from: firstBody.version.id, to: secondBody.version.id, kind: 'substantive', alertEligible: true, revertOf: null });
    expect(['high', 'critical']).toContain(secondBody.change.severity);

    await api.app.get(AlertsService).idle();
    await api.app.get(AlertsService).groupPending();
    await api.app.get(DeliveryService).drain();
    const emails = api.outbox();
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe('dana@example.org');
    expect(emails[0].subject).toMatch(/^\[(high|critical)\] Midjourney Privacy Policy: /);
    expect(emails[0].text).toContain(secondBody.change.id);
    expect(emails[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    const version = await inject('GET', `/api/v1/records/${secondBody.version.id}`);
    expect(version.statusCode).toBe(200);
    expect(version.json()).toMatchObject({ recordType: 'version', id: secondBody.version.id, document: documentId, change: { id: secondBody.change.id } });
    expect(version.json().markdown.length).toBeGreaterThan(1000);

    const change = await inject('GET', `/api/v1/records/${secondBody.change.id}`);
    expect(change.json()).toMatchObject({ recordType: 'change', kind: 'substantive', from: firstBody.version.id, to: secondBody.version.id });

    const versions = await inject('GET', `/api/v1/documents/${documentId}/versions`);
    expect(versions.json().versions.map((v: { id: string }) => v.id)).toEqual([secondBody.version.id, firstBody.version.id]);
    const changes = await inject('GET', `/api/v1/documents/${documentId}/changes`);
    expect(changes.json().changes.map((c: { id: string }) => c.id)).toEqual([secondBody.change.id]);

    // Sending again sends nothing: the notification is marked sent.
    expect(await api.app.get(AlertsService).groupPending()).toBe(0);
    expect(await api.app.get(DeliveryService).drain()).toBe(0);
    expect(api.outbox()).toHaveLength(1);
  });

  it('answers 400 for a malformed record ID, 404 for an unknown one, 401 without the admin token', async () => {
    const malformed = await inject('GET', '/api/v1/records/not-an-id');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('is not a record ID');
    const unknown = await inject('GET', '/api/v1/records/CW-V-9999999');
    expect(unknown.statusCode).toBe(404);
    const anonymous = await inject('POST', '/api/v1/documents', { platform: 'X', title: 'T', type: 'terms-of-service', url: 'https://example.com/' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a hostile or malformed document with a clear 400', async () => {
    for (const [payload, message] of [
      [{ platform: 'X', title: 'T', type: 'terms', url: 'file:///etc/passwd' }, 'url'],
      [{ platform: 'X', title: 'T', type: 'terms', url: 'javascript:alert(1)' }, 'url'],
      [{ platform: 'X', title: 'T', type: 'Terms Of Service', url: 'https://example.com/' }, 'kebab-case'],
      [{ platform: 'X', title: 'T', type: 'terms', url: 'https://example.com/', select: [42] }, 'select[0]'],
      [{ platform: 'X', title: 'T', type: 'terms', url: 'https://example.com/', fetcher: 'curl' }, 'fetcher'],
    ] as const) {
      const response = await inject('POST', '/api/v1/documents', payload, api.admin);
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().message)).toContain(message);
    }
  });
});
