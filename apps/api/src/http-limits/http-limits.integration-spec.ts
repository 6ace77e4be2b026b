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
});
