import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, loadScenarios } from './corpus.loader';
import { FixtureSite } from './fixture-site.server';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  error?: string;
}

/** A bare node:http client, so the site is checked without the fetchers under test. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.code ?? e.message }));
    req.end();
  });
}

describe('FixtureSite', () => {
  let site: FixtureSite;
  beforeEach(async () => {
    site = await FixtureSite.start();
  });
  afterEach(async () => {
    await site.stop();
  });

  it('finds the corpus and its scenarios', () => {
    const scenarios = loadScenarios();
    expect(scenarios.documents.map((d) => d.document)).toContain('Privacy Policy');
    for (const doc of scenarios.documents) {
      for (const step of doc.sequence) expect(() => readFileSync(join(corpusDir, step.page))).not.toThrow();
    }
  });

  it('serves a corpus page byte for byte on loopback, and swaps it for the next request', async () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const [first, second] = loadScenarios().documents[0].sequence;
    site.servePage('/pp', first.page);
    const a = await get(site.url('/pp'));
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(a.body.equals(readFileSync(join(corpusDir, first.page)))).toBe(true);

    site.servePage('/pp', second.page);
    const b = await get(site.url('/pp?utm_source=x'));
    expect(b.body.equals(readFileSync(join(corpusDir, second.page)))).toBe(true);
    expect(site.hits('/pp')).toBe(2);
  });

  it('answers 404 for unknown paths and counts those hits too', async () => {
    const answer = await get(site.url('/nothing-here'));
    expect(answer.status).toBe(404);
    expect(site.hits('/nothing-here')).toBe(1);
  });

  it('answers 304 to a matching conditional request', async () => {
    site.serve('/etag', { body: 'v1', contentType: 'text/plain', headers: { ETag: '"v1"' } });
    expect((await get(site.url('/etag'), { 'if-none-match': '"v1"' })).status).toBe(304);
    expect((await get(site.url('/etag'), { 'if-none-match': '"v0"' })).status).toBe(200);
  });

  it('sends a truncated body: Content-Length larger than the bytes, then closes', async () => {
    site.fault('/t', 'truncated');
    const answer = await get(site.url('/t'));
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(answer.body.length);
    expect(answer.error).toBeDefined();
  });

  it('resets the connection', async () => {
    site.fault('/r', 'reset');
    expect((await get(site.url('/r'))).error).toBe('ECONNRESET');
  });

  it('loops redirects back to the same page', async () => {
    site.fault('/loop', 'redirect-loop');
    const first = await get(site.url('/loop'));
    expect(first.status).toBe(302);
    const second = await get(site.url(String(first.headers.location)));
    expect(second.headers.location).toBe('/loop');
  });

  it('serves windows-1252 bytes while declaring utf-8', async () => {
    site.fault('/cs', 'wrong-charset');
    const answer = await get(site.url('/cs'));
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body.includes(Buffer.from([0x93]))).toBe(true); // “ in windows-1252
    expect(answer.body.toString('utf8')).toContain('\ufffd');
  });

  it('streams the 50 MB page with its declared length', async () => {
    site.fault('/huge', 'huge', { sizeBytes: 3 * 1024 * 1024 });
    const answer = await get(site.url('/huge'));
    expect(answer.body.length).toBe(3 * 1024 * 1024);
    expect(answer.headers['content-length']).toBe(String(3 * 1024 * 1024));
  });

  it('serves a client-rendered shell whose content is only in a script', async () => {
    site.fault('/spa', 'client-rendered');
    const html = (await get(site.url('/spa'))).body.toString('utf8');
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('enable JavaScript');
    expect(html).not.toMatch(/<article/);
  });

  it('stops promptly even with a stalled response pending', async () => {
    site.fault('/slow', 'slow', { delayMs: 60_000 });
    const pending = get(site.url('/slow'));
    await new Promise((r) => setTimeout(r, 50));
    await site.stop();
    expect((await pending).status).toBe(0);
    site = await FixtureSite.start(); // afterEach stops this one
  });

  it('behaves like nginx when asked: ETag and Last-Modified on every page, 304 to a conditional request', async () => {
    const nginx = await FixtureSite.start({ validators: true });
    try {
      nginx.serve('/terms', { body: 'version one', contentType: 'text/plain' });
      const first = await get(nginx.url('/terms'));
      expect(first.status).toBe(200);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
      expect(Date.parse(lastModified)).not.toBeNaN();
      expect((await get(nginx.url('/terms'), { 'if-none-match': etag })).status).toBe(304);
      expect((await get(nginx.url('/terms'), { 'if-modified-since': lastModified })).status).toBe(304);
      // New content: the old ETag no longer matches, even within the same second.
      nginx.serve('/terms', { body: 'version two', contentType: 'text/plain' });
      const changed = await get(nginx.url('/terms'), { 'if-none-match': etag, 'if-modified-since': lastModified });
      expect(changed.status).toBe(200);
      expect(changed.body.toString()).toBe('version two');
    } finally {
      await nginx.stop();
    }
    // The default site sends no validators of its own.
    site.serve('/plain', { body: 'x', contentType: 'text/plain' });
    expect((await get(site.url('/plain'))).headers.etag).toBeUndefined();
  });
});
