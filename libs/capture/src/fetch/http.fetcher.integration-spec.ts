import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { FixtureSite, loadScenarios, readCorpusPage } from '@clausewatch/testing';
import { HttpFetcher } from './http.fetcher';
import type { FetchResult } from './fetch.types';

const PAGE = loadScenarios().documents[0].sequence[0].page;

describe('HttpFetcher against the fixture site', () => {
  let site: FixtureSite;
  let fetcher: HttpFetcher;
  const get = (path: string, extra: { etag?: string; lastModified?: string } = {}): Promise<FetchResult> =>
    fetcher.fetch({ url: site.url(path), fetcher: 'http', ...extra });

  beforeAll(async () => {
    site = await FixtureSite.start();
    fetcher = new HttpFetcher({ headersTimeoutMs: 400, bodyTimeoutMs: 400, connectTimeoutMs: 1000, allowPrivateNetworks: true, detailedPrivateCauses: true });
  });
  afterAll(async () => {
    await fetcher.close();
    await site.stop();
  });

  it('returns the raw bytes of a policy page with its content type, sent as a browser would ask', async () => {
    site.servePage('/pp', PAGE);
    const result = await get('/pp');
    expect(result).toMatchObject({ outcome: 'ok', transient: false, httpStatus: 200, fetcher: 'http', contentType: 'text/html; charset=utf-8' });
    expect(result.body?.equals(readCorpusPage(PAGE))).toBe(true);
    const sent = site.lastRequestHeaders('/pp');
    expect(sent?.['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\/\d+/);
    expect(sent?.['accept-language']).toMatch(/^en/);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const)('decodes a %s body', async (encoding, compress) => {
    const raw = readCorpusPage(PAGE);
    site.serve(`/z-${encoding}`, { body: compress(raw), contentType: 'text/html; charset=utf-8', headers: { 'content-encoding': encoding } });
    const result = await get(`/z-${encoding}`);
    expect(result.outcome).toBe('ok');
    expect(result.body?.equals(raw)).toBe(true);
  });

  it('follows redirects and reports the final URL', async () => {
    site.servePage('/new-home', PAGE);
    site.serve('/old-home', { body: '', status: 301, headers: { location: '/new-home' } });
    const result = await get('/old-home');
    expect(result).toMatchObject({ outcome: 'ok', url: site.url('/old-home'), finalUrl: site.url('/new-home') });
  });

  it('sends the stored validators and reports not-modified on 304', async () => {
    site.serve('/cond', { body: readCorpusPage(PAGE), contentType: 'text/html', headers: { etag: '"v7"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' } });
    const fresh = await get('/cond');
    expect(fresh).toMatchObject({ outcome: 'ok', etag: '"v7"', lastModified: 'Mon, 02 Jun 2025 10:00:00 GMT' });
    const again = await get('/cond', { etag: fresh.etag, lastModified: fresh.lastModified });
    expect(again).toMatchObject({ outcome: 'not-modified', httpStatus: 304, transient: false });
    expect(again.body).toBeUndefined();
    expect(site.lastRequestHeaders('/cond')?.['if-none-match']).toBe('"v7"');
  });

  it.each([
    ['slow', {}, 'timeout', true, /No response headers within 400 ms/],
    ['slow-body', {}, 'timeout', true, /Body stalled/],
    ['server-error', {}, 'http-error', true, /^HTTP 500 Internal Server Error$/],
    ['server-error', { status: 503 }, 'http-error', true, /^HTTP 503 Service Unavailable$/],
    ['server-error', { status: 404 }, 'http-error', false, /^HTTP 404 Not Found$/],
    ['reset', {}, 'network-error', true, /Connection reset/],
    ['forbidden', {}, 'http-error', false, /^HTTP 403 Forbidden$/],
    ['challenge', {}, 'blocked', true, /^Cloudflare challenge page \(HTTP 200\)$/],
    ['login-wall', {}, 'blocked', false, /Login wall/],
    ['cookie-wall', {}, 'blocked', false, /Cookie wall/],
    ['empty', {}, 'empty', true, /Empty body \(HTTP 200\)/],
    ['truncated', { page: PAGE }, 'truncated', true, /before the whole body/],
    ['redirect-loop', {}, 'http-error', false, /Redirect loop/],
    ['redirect-chain', {}, 'http-error', false, /More than 10 redirects/],
    ['client-rendered', {}, 'empty', false, /Client-rendered/],
  ] as const)('fault %s %j → %s (transient %s)', async (mode, options, outcome, transient, cause) => {
    const path = `/fault-${mode}-${JSON.stringify(options).replace(/\W/g, '')}`;
    site.fault(path, mode, options);
    const result = await get(path);
    expect(result).toMatchObject({ outcome, transient, fetcher: 'http' });
    expect(result.cause).toMatch(cause);
    expect(result.body).toBeUndefined();
  });

  it('passes wrongly labelled bytes through untouched, with the declared Content-Type', async () => {
    site.fault('/charset', 'wrong-charset');
    const result = await get('/charset');
    expect(result.outcome).toBe('ok');
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.body?.includes(Buffer.from([0x93]))).toBe(true);
  });

  it('refuses a 50 MB page from its Content-Length without downloading it', async () => {
    site.fault('/huge', 'huge');
    const result = await get('/huge');
    expect(result).toMatchObject({ outcome: 'truncated', transient: false, problem: 'too-large' });
    expect(result.cause).toMatch(/larger than the 10 MB limit \(Content-Length 50 MB\)/);
  });

  it('cuts off a streamed 50 MB page without Content-Length at the cap', async () => {
    site.fault('/huge-chunked', 'huge', { chunked: true });
    const small = new HttpFetcher({ maxBytes: 1024 * 1024, allowPrivateNetworks: true });
    const before = process.memoryUsage().arrayBuffers;
    const result = await small.fetch({ url: site.url('/huge-chunked'), fetcher: 'http' });
    await small.close();
    expect(result).toMatchObject({ outcome: 'truncated', problem: 'too-large' });
    expect(result.cause).toMatch(/larger than the 1 MB limit/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('reports a refused connection as a transient network error', async () => {
    const closed: Server = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await fetcher.fetch({ url: `http://127.0.0.1:${port}/`, fetcher: 'http' });
    expect(result).toMatchObject({ outcome: 'network-error', cause: 'Connection refused', transient: true });
  });

  it('refuses loopback targets when private networks are not allowed, without connecting', async () => {
    site.servePage('/private', PAGE);
    const strict = new HttpFetcher({ allowPrivateNetworks: false });
    const result = await strict.fetch({ url: site.url('/private'), fetcher: 'http' });
    await strict.close();
    expect(result).toMatchObject({ outcome: 'network-error', transient: false, problem: 'blocked-private-address' });
    expect(result.cause).toBe('blocked-private-address: 127.0.0.1 is a private or reserved address');
    expect(site.hits('/private')).toBe(0);
  });

  it('rejects non-http schemes as a result, not an exception', async () => {
    const result = await fetcher.fetch({ url: 'file:///etc/passwd', fetcher: 'http' });
    expect(result).toMatchObject({ outcome: 'network-error', transient: false });
    expect(result.cause).toMatch(/Only http and https/);
  });
});
