import { ChecksRepository, DocumentsRepository, RunningChecksRepository } from '@clausewatch/db';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';

const URL_A = 'https://www.grindr.com/privacy-policy';
const OLD_LAYOUT = (text: string) => `<html><head><title>Privacy</title></head><body><div id="multi-lang-content"><h1>Privacy Policy</h1><p>${text}</p></div><footer>Footer links</footer></body></html>`;
const NEW_LAYOUT = (text: string) => `<html><head><title>Privacy</title></head><body><div class="main-content"><h1>Privacy Policy</h1><p>${text}</p></div><footer>Footer links</footer></body></html>`;
const CLAUSE = 'We collect the email address and the approximate location that you choose to share with the service.';

// Documents can be corrected (409 instead of a silent drop, PATCH with history) and keep the rules
// each capture was extracted with.
describe('documents: 409, PATCH and the rules history', () => {
  let api: ApiHarness;
  const request = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = api.admin) =>
    api.app.inject({ method, url, payload, headers });
  const capture = (id: string, html: string, capturedAt: string) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${id}/captures?url=${encodeURIComponent(URL_A)}&capturedAt=${capturedAt}`,
      payload: html,
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 409 naming the existing document and its URL, and keeps it unchanged', async () => {
    const body = { platform: 'Grindr', title: 'Privacy Policy', type: 'privacy-policy', url: URL_A };
    const created = await request('POST', '/api/v1/documents', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().document.id;
    const again = await request('POST', '/api/v1/documents', { ...body, url: 'https://www.grindr.com/privacy' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(id);
    expect(again.json().message).toContain(URL_A);
    expect(again.json().existing).toEqual({ id, url: URL_A, title: 'Privacy Policy' });
    expect((await request('GET', `/api/v1/documents/${id}`)).json().url).toBe(URL_A);
  });

  it('creates platform, document and its history entry in one transaction: a failure midway leaves none of them', async () => {
    const db = api.app.get(DataSource);
    const history = jest.spyOn(api.app.get(DocumentsRepository), 'recordEvent').mockRejectedValueOnce(new Error('connection lost midway'));
    try {
      const body = { platform: 'Atomic Platform', title: 'Terms', type: 'terms-of-service', url: 'https://atomic.example/terms' };
      const failed = await request('POST', '/api/v1/documents', body);
      expect(failed.statusCode).toBe(500);
      expect(history).toHaveBeenCalledTimes(1);
      expect(await db.query(`SELECT id FROM platforms WHERE slug = 'atomic-platform'`)).toEqual([]);
      expect(await db.query(`SELECT d.id FROM documents d WHERE d.title = 'Terms' AND d.sources->0->>'url' = $1`, [body.url])).toEqual([]);
      // Nothing half-made blocks the retry (no 409 against an orphan).
      const retried = await request('POST', '/api/v1/documents', body);
      expect(retried.statusCode).toBe(201);
      const [event] = await db.query(`SELECT e.action FROM document_events e JOIN documents d ON d.id = e.document_id WHERE d.record_id = $1`, [retried.json().document.id]);
      expect(event).toEqual({ action: 'created' });
    } finally {
      history.mockRestore();
    }
  });

  it('corrects URL, rules, fetcher, interval and active, each change kept in the history', async () => {
    const id = (await request('POST', '/api/v1/documents', { platform: 'Grindr', title: 'Terms', type: 'terms-of-service', url: URL_A, select: ['#terms'] })).json().document.id;
    expect((await request('PATCH', `/api/v1/documents/${id}`, { active: false }, {})).statusCode).toBe(401);

    const patched = await request('PATCH', `/api/v1/documents/${id}`, { url: 'https://www.grindr.com/terms', fetcher: 'browser', checkIntervalMinutes: 60 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ changed: true, document: { url: 'https://www.grindr.com/terms', fetcher: 'browser', checkIntervalMinutes: 60 } });
    // The select rule, not sent, stays; the old rules are kept with the date they ended.
    expect(patched.json().document.sources).toEqual([{ url: 'https://www.grindr.com/terms', select: ['#terms'] }]);
    expect(patched.json().document.rulesHistory).toEqual([{ validUntil: expect.any(String), sources: [{ url: URL_A, select: ['#terms'] }] }]);

    // The same values again change nothing and add no event.
    expect((await request('PATCH', `/api/v1/documents/${id}`, { fetcher: 'browser' })).json()).toMatchObject({ changed: false, event: null });
    await request('PATCH', `/api/v1/documents/${id}`, { active: false, select: null });

    const document = (await request('GET', `/api/v1/documents/${id}`)).json();
    expect(document.active).toBe(false);
    expect(document.sources).toEqual([{ url: 'https://www.grindr.com/terms' }]);
    expect(document.history.map((e: { action: string; actor: string }) => `${e.actor} ${e.action}`)).toEqual(['admin created', 'admin updated', 'admin updated']);
    expect(document.history[1].changes).toMatchObject({
      fetcher: { from: 'auto', to: 'browser' },
      checkIntervalMinutes: { from: 360, to: 60 },
      sources: { from: [{ url: URL_A, select: ['#terms'] }], to: [{ url: 'https://www.grindr.com/terms', select: ['#terms'] }] },
    });
    expect(Object.keys(document.history[2].changes).sort()).toEqual(['active', 'rulesHistory', 'sources']);
    expect(document.rulesHistory).toHaveLength(2);

    const bad = await request('PATCH', `/api/v1/documents/${id}`, { select: [{ startAfter: '#a' }] });
    expect(bad.statusCode).toBe(400);
    expect((await request('PATCH', `/api/v1/documents/${id}`, { fetcher: 'ftp' })).statusCode).toBe(400);
    expect((await request('PATCH', `/api/v1/documents/${id}`, { active: null, title: null })).json()).toMatchObject({ changed: false, document: { active: false } });
    // An admin switches the selection semantics (imported documents start with OTA's).
    const switched = (await request('PATCH', `/api/v1/documents/${id}`, { selection: 'ota' })).json();
    expect(switched).toMatchObject({ changed: true, document: { selection: 'ota' }, event: { changes: { selection: { from: 'clausewatch', to: 'ota' } } } });
    expect((await request('PATCH', `/api/v1/documents/${id}`, { selection: 'xpath' })).statusCode).toBe(400);
    expect((await request('PATCH', `/api/v1/documents/${id}`, { rulesValidUntil: '2024-01-01T00:00:00Z' })).statusCode).toBe(400);
    expect((await request('PATCH', '/api/v1/documents/CW-D-99999', { active: true })).statusCode).toBe(404);
  });

  it('extracts each capture with the rules in force at its capture time, and an old capture keeps re-extracting with its own rules', async () => {
    const id = (await request('POST', '/api/v1/documents', { platform: 'Grindr', title: 'Cookie Policy', type: 'cookie-policy', url: URL_A, select: ['#multi-lang-content'] })).json().document.id;
    const old = await capture(id, OLD_LAYOUT(CLAUSE), '2023-06-01T00:00:00.000Z');
    expect(old.json().outcome).toBe('ok');

    // The site changed layout on 2023-12-01: the old rules no longer match.
    const failing = await capture(id, NEW_LAYOUT(CLAUSE), '2024-01-15T00:00:00.000Z');
    expect(failing.json()).toMatchObject({ outcome: 'selector-missing', version: null });

    const patched = await request('PATCH', `/api/v1/documents/${id}`, { select: ['.main-content'], rulesValidUntil: '2023-12-01T00:00:00.000Z' });
    expect(patched.json().document.rulesHistory).toEqual([{ validUntil: '2023-12-01T00:00:00.000Z', sources: [{ url: URL_A, select: ['#multi-lang-content'] }] }]);
    const fixed = await capture(id, NEW_LAYOUT(CLAUSE), '2024-01-15T00:00:00.000Z');
    expect(fixed.json().outcome).toBe('ok');
    // Same clause under another layout: no text change, so no new version.
    expect(fixed.json().version.id).toBe(old.json().version.id);

    // The stored 2023 snapshot still re-extracts with the 2023 rules: nothing to upgrade.
    expect((await request('POST', `/api/v1/documents/${id}/reextract`)).json().reextracted).toBe(false);
  });

  it('answers 409 to a check now while a check of the document runs elsewhere, fetches nothing, and checks once it has ended', async () => {
    const id = (await request('POST', '/api/v1/documents', { platform: 'Checked Platform', title: 'Terms', type: 'terms-of-service', url: 'https://checked.example/terms' })).json().document.id;
    const document = (await api.app.get(DocumentsRepository).findByRecordId(id))!;
    const checksOf = async () => (await api.app.get(ChecksRepository).listFor(document.id, 50)).length;
    // A crawler's check of it in another process: its own session holds the running mark.
    const crawler = new RunningChecksRepository(api.app.get(DataSource));
    const running = await crawler.start(document.id);
    expect(running).not.toBeNull();
    try {
      const refused = await request('POST', `/api/v1/documents/${id}/check`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'CHECK_RUNNING' });
      expect(refused.json().detail ?? refused.json().message).toContain(`a check of ${id} is running now`);
      expect(await checksOf()).toBe(0);
    } finally {
      await running?.end();
    }
    // Ended: the check runs (the host cannot be reached from the test machine; the check records that).
    const checked = await request('POST', `/api/v1/documents/${id}/check`);
    expect(checked.statusCode).not.toBe(409);
    expect(await checksOf()).toBe(1);
    // And its own mark was let go: a crawler can mark the document again.
    const again = await crawler.start(document.id);
    expect(again).not.toBeNull();
    await again?.end();
  });
});
