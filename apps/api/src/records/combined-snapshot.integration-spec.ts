import { FixtureSite } from '@clausewatch/testing';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../testing/api-harness';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

// A combined document's version rests on several pages: each is downloadable, and together they give rawSha256.
describe('GET /records/:versionId/snapshot?part=N for a combined document', () => {
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

  it('serves each page as captured, and the outsider script verifies them together', async () => {
    site.servePage('/tos', 'sites/midjourney/terms-of-service/2025-06-23.html');
    site.servePage('/pp', 'sites/midjourney/privacy-policy/2025-06-02.html');
    const post = (url: string, payload?: object, method: 'POST' | 'PATCH' = 'POST') => api.app.inject({ method, url, payload, headers: api.admin });
    const id = (await post('/api/v1/documents', { platform: 'Midjourney', title: 'Legal', type: 'legal', url: site.url('/tos') })).json().document.id;
    const patched = await post(`/api/v1/documents/${id}`, { sources: [{ url: site.url('/tos') }, { url: site.url('/pp') }] }, 'PATCH');
    expect(patched.statusCode).toBe(200);
    const check = (await post(`/api/v1/documents/${id}/check`)).json();
    expect(check.outcome).toBe('ok');
    const version = check.version.id;
    const record = (await api.app.inject({ method: 'GET', url: `/api/v1/records/${version}` })).json();

    const get = (part?: number) => api.app.inject({ method: 'GET', url: `/api/v1/records/${version}/snapshot${part ? `?part=${part}` : ''}` });
    expect((await get()).statusCode).toBe(400);
    expect((await get()).json().message).toContain('has 2 page(s)');
    expect((await get(3)).statusCode).toBe(400);
    const pages = [await get(1), await get(2)];
    expect(pages.map((p) => p.headers['content-disposition'])).toEqual([`inline; filename="${version}.part1.html"`, `inline; filename="${version}.part2.html"`]);
    expect(sha256(pages.map((p) => sha256(p.rawPayload)).join('\n'))).toBe(record.rawSha256);

    const dir = mkdtempSync(join(tmpdir(), 'cw-combined-'));
    writeFileSync(join(dir, 'bundle.json'), (await api.app.inject({ method: 'GET', url: `/api/v1/records/${version}/proof` })).rawPayload);
    pages.forEach((p, i) => writeFileSync(join(dir, `p${i + 1}.html`), p.rawPayload));
    const script = join(__dirname, '../../../../scripts/verify-record.mjs');
    const run = (...raws: string[]) => spawnSync('node', [script, 'bundle.json', ...raws.flatMap((r) => ['--raw', r])], { cwd: dir, encoding: 'utf8' });
    const ok = run('p1.html', 'p2.html');
    expect(ok.stdout).toContain("ok   raw       p1.html + p2.html give the record's rawSha256");
    expect(ok.status).toBe(0);
    expect(run('p2.html', 'p1.html').status).toBe(1);
  });
});
