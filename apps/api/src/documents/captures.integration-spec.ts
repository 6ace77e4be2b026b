import { readCorpusPage } from '@clausewatch/testing';
import { ApiHarness, createMidjourneyTerms, startApi } from '../testing/api-harness';

const TOS = 'sites/midjourney/terms-of-service';

// Importing an archive: captures made elsewhere, processed exactly like fetched pages.
describe('POST /api/v1/documents/:id/captures', () => {
  let api: ApiHarness;
  let documentId: string;

  beforeAll(async () => {
    api = await startApi();
    documentId = await createMidjourneyTerms(api);
  });

  afterAll(() => api?.close());

  const capture = (page: string | Buffer, query: string, contentType = 'text/html; charset=utf-8', id = documentId) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${id}/captures?${query}`,
      headers: { ...api.admin, 'content-type': contentType },
      payload: typeof page === 'string' ? readCorpusPage(`${TOS}/${page}.html`) : page,
    });

  it('records an archive in order: versions with provenance, change records, and a blink back as a revert', async () => {
    const first = (await capture('2025-06-23', 'capturedAt=2025-06-23T10:00:00Z&url=https://docs.midjourney.com/terms')).json();
    expect(first).toMatchObject({ outcome: 'ok', change: null, version: { fetcher: 'capture', origin: 'capture', capturedAt: '2025-06-23T10:00:00.000Z', sourceUrl: 'https://docs.midjourney.com/terms' } });
    expect(first.version.waybackUrl).toBe('https://web.archive.org/web/20250623100000/https://docs.midjourney.com/terms');

    const second = (await capture('2025-09-10', 'capturedAt=2025-09-10T10:00:00Z')).json();
    expect(second.change).toMatchObject({ kind: 'substantive', from: first.version.id, to: second.version.id, alertEligible: true, revertOf: null });
    expect(second.change.clauseTypes).toContain('dispute-resolution');

    const again = (await capture('2025-09-10', 'capturedAt=2025-09-11T10:00:00Z')).json();
    expect(again).toMatchObject({ outcome: 'ok', change: null, version: { id: second.version.id } });

    const blink = (await capture('2025-06-23', 'capturedAt=2025-09-12T10:00:00Z')).json();
    expect(blink.version.id).not.toBe(first.version.id);
    expect(blink.version.revertOf).toBe(first.version.id);
    expect(blink.change).toMatchObject({ revertOf: first.version.id, alertEligible: false });
  });

  it.each([
    ['an empty body', Buffer.alloc(0), 'capturedAt=2025-01-01T00:00:00Z', 400, 'empty'],
    ['a bad date', '2025-06-23', 'capturedAt=yesterday', 400, 'ISO 8601'],
    ['a date in the future', '2025-06-23', 'capturedAt=2999-01-01T00:00:00Z', 400, 'future'],
  ] as const)('refuses %s with a clear message', async (_what, page, query, status, message) => {
    const response = await capture(page, query);
    expect(response.statusCode).toBe(status);
    // RFC 9457 problem details from the one exception filter, with the module's error code.
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status, detail: expect.stringContaining(message), code: expect.any(String) });
  });

  it('answers 404 for an unknown document and 400 for a malformed ID', async () => {
    expect((await capture('2025-06-23', '', 'text/html', 'CW-D-99999')).statusCode).toBe(404);
    expect((await capture('2025-06-23', '', 'text/html', 'CW-V-0000001')).statusCode).toBe(400);
    expect((await capture('2025-06-23', '', 'text/html', '../../etc')).statusCode).toBe(404);
  });

  it('records a page with no text as a failed capture, never a version', async () => {
    const response = (await capture(Buffer.from('<html><body><nav>Home</nav></body></html>'), 'capturedAt=2025-10-01T00:00:00Z')).json();
    expect(response).toMatchObject({ outcome: 'empty', version: null, change: null });
    expect(response.cause).toEqual(expect.any(String));
  });

  it('refuses extraction rules the extractor would reject, naming the problem', async () => {
    for (const rules of [{ filter: ['noSuchFilter'] }, { select: ['div[['] }, { remove: [{ startBefore: '#a' }] }]) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: api.admin,
        payload: { platform: 'Rules Test', title: 'Terms', type: 'terms-of-service', url: 'https://example.test/terms', ...rules },
      });
      expect({ rules, status: response.statusCode }).toEqual({ rules, status: 400 });
      expect(response.json()).toMatchObject({ code: 'INVALID_RULES' });
    }
  });

  it('keeps an extraction error its own outcome: content that is not a page is unsupported-content, not empty', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const response = (await capture(png, 'capturedAt=2025-10-02T00:00:00Z', 'image/png')).json();
    expect(response).toMatchObject({ outcome: 'unsupported-content', version: null, change: null });
  });
});
