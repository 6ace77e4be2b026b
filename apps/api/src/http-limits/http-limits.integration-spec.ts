import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';

describe('HTTP limits: rate limits per client, shallow and small JSON bodies', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '5', VERIFY_RATE_LIMIT_PER_MINUTE: '2', JSON_BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => api?.close());

  it('answers 429 with a problem detail past the per-client limit, and exempts the admin token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.9.9.1' })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const limited = await api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.9.9.1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.headers['retry-after']).toBeDefined();
    // Another client is counted apart; the admin is not counted.
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.9.9.2' })).statusCode).toBe(200);
    for (let i = 0; i < 8; i++) {
      expect((await api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.9.9.1', headers: api.admin })).statusCode).toBe(200);
    }
  });

  it('counts a client by its connection, whatever X-Forwarded-For it sends (TRUST_PROXY off by default)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      statuses.push((await api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.9.9.4', headers: spoofed })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('limits /records/:id/verify more tightly', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.app.inject({ method: 'GET', url: '/api/v1/records/CW-V-0000001/verify', remoteAddress: '10.9.9.3' })).statusCode);
    expect(statuses).toEqual([404, 404, 429]);
  });

  it('refuses a 100,000-deep JSON body with 400 and writes nothing', async () => {
    const db = api.app.get(DataSource);
    const [{ n: before }] = await db.query('SELECT count(*)::int AS n FROM platforms');
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...api.admin, 'content-type': 'application/json' },
      payload: `{"platform":"Deep","title":"T","type":"terms-of-service","url":"https://example.com/t","select":${deep}}`,
    });
    // Over the 4 KB limit: 413; a deep body within the limit: 400.
    expect([400, 413]).toContain(response.statusCode);
    const shallowLimit = '{"a":'.repeat(600) + '1' + '}'.repeat(600);
    const deepSmall = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...api.admin, 'content-type': 'application/json' },
      payload: `{"platform":"Deep","title":"T","type":"terms-of-service","url":"https://example.com/t","select":${shallowLimit}}`,
    });
    expect(deepSmall.statusCode).toBe(400);
    expect(deepSmall.json().detail).toContain('nested deeper than 32 levels');
    const [{ n: after }] = await db.query('SELECT count(*)::int AS n FROM platforms');
    expect(after).toBe(before);
  });

  it('answers 400 with a clear message for control characters, impossible dates, non-http URLs and non-integers, and writes nothing', async () => {
    const db = api.app.get(DataSource);
    const count = async () => (await db.query('SELECT (SELECT count(*) FROM platforms) + (SELECT count(*) FROM documents) AS n'))[0].n;
    const before = await count();
    const post = (payload: object) => api.app.inject({ method: 'POST', url: '/api/v1/documents', headers: api.admin, payload });
    const base = { platform: 'Example', title: 'Terms', type: 'terms-of-service', url: 'https://example.com/terms' };
    for (const [field, value] of [['platform', 'Ex\u0000ample'], ['title', 'Terms\u0007'], ['url', 'https://example.com/\u0000']] as const) {
      const response = await post({ ...base, [field]: value });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json())).toMatch(/control characters/);
    }
    expect(await count()).toBe(before);

    const created = (await post(base)).json();
    const documentId = created.document.id;
    const capture = (query: string) =>
      api.app.inject({ method: 'POST', url: `/api/v1/documents/${documentId}/captures?${query}`, headers: { ...api.admin, 'content-type': 'text/html' }, payload: '<p>x</p>' });
    for (const query of ['capturedAt=1', 'capturedAt=2026-02-30', 'capturedAt=2026-02-30T10:00:00Z']) {
      const response = await capture(query);
      expect(response.statusCode).toBe(400);
      expect(response.json().message ?? response.json().detail).toMatch(/capturedAt must be an existing date/);
    }
    const scheme = await capture('url=javascript:alert(1)');
    expect(scheme.statusCode).toBe(400);
    expect(JSON.stringify(scheme.json())).toMatch(/http or https URL/);
    for (const limit of ['abc', '1e9', '-1.5']) {
      expect((await api.app.inject({ method: 'GET', url: `/api/v1/documents/${documentId}/versions?limit=${limit}`, headers: api.admin })).statusCode).toBe(400);
    }
  });
});

describe('HTTP limits behind a proxy (TRUST_PROXY=1)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' });
  });
  afterAll(() => api?.close());

  const viaProxy = (forwardedFor: string) =>
    api.app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': forwardedFor } });

  it('counts each client the proxy names apart, and believes only the entry the proxy added', async () => {
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await viaProxy('198.51.100.1')).statusCode);
    expect(first).toEqual([200, 200, 200, 429]);
    // Another client behind the same proxy has its own count.
    expect((await viaProxy('198.51.100.2')).statusCode).toBe(200);
    // A client that sends its own X-Forwarded-For gets it prefixed to the proxy's entry: still counted as itself.
    const spoofing: number[] = [];
    for (let i = 0; i < 3; i++) spoofing.push((await viaProxy(`203.0.113.${i + 10}, 198.51.100.1`)).statusCode);
    expect(spoofing).toEqual([429, 429, 429]);
  });
});
