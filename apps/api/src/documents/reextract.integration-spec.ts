import { FixtureSite } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';

// Re-extraction after an extractor change is a technical upgrade: recorded, never alerted.
describe('POST /api/v1/documents/:id/reextract', () => {
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

  it('re-derives the latest version from its stored snapshot and never alerts', async () => {
    const post = (url: string, payload?: object) => api.app.inject({ method: 'POST', url, payload, headers: api.admin });
    site.servePage('/pp', 'sites/midjourney/privacy-policy/2025-06-02.html');
    const id = (await post('/api/v1/documents', { platform: 'Midjourney', title: 'Privacy Policy', type: 'privacy-policy', url: site.url('/pp') })).json().document.id;
    await post('/api/v1/subscribers', { email: 'pro@example.org', plan: 'professional', platforms: ['midjourney'] });
    const first = (await post(`/api/v1/documents/${id}/check`)).json().version;

    // Nothing to do while the stored text is what the current extractor gives.
    expect((await post(`/api/v1/documents/${id}/reextract`)).json()).toEqual({ reextracted: false, version: null, change: null });

    // Pretend the stored version came from an older extractor that dropped the last section.
    const dataSource = api.app.get(DataSource);
    await dataSource.query(
      `UPDATE versions SET markdown = split_part(markdown, '## 2.', 1), text_sha256 = repeat('0', 64), extractor_version = '0.9.0' WHERE record_id = $1`,
      [first.id],
    );
    const upgraded = (await post(`/api/v1/documents/${id}/reextract`)).json();
    expect(upgraded.reextracted).toBe(true);
    expect(upgraded.version).toMatchObject({ origin: 'reextract', rawSha256: first.rawSha256, textSha256: first.textSha256, capturedAt: first.capturedAt });
    expect(upgraded.change).toMatchObject({ from: first.id, to: upgraded.version.id, alertEligible: false });
    expect(upgraded.change.reasons[0]).toContain('technical upgrade');
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM notifications`);
    expect(Number(count)).toBe(0);

    // The page itself has not changed: the next check finds the same text and records nothing new.
    const next = (await post(`/api/v1/documents/${id}/check`)).json();
    expect(next).toMatchObject({ outcome: 'ok', change: null, version: { id: upgraded.version.id } });
  });
});
