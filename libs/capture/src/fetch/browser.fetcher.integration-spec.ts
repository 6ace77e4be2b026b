import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FixtureSite, loadScenarios } from '@clausewatch/testing';
import { AutoFetcher } from './auto.fetcher';
import { BrowserFetcher } from './browser.fetcher';
import { HttpFetcher } from './http.fetcher';

const PAGE = loadScenarios().documents[1].sequence[0].page;

// One Chromium for the whole file: the browser fetcher launches it lazily and the auto fetcher shares it.
describe('BrowserFetcher and AutoFetcher with Chromium', () => {
  let site: FixtureSite;
  let browser: BrowserFetcher;
  let http: HttpFetcher;
  let auto: AutoFetcher;

  beforeAll(async () => {
    site = await FixtureSite.start();
    browser = new BrowserFetcher({
      executablePath: process.env.CHROMIUM_PATH,
      selectorTimeoutMs: 1500,
      navigationTimeoutMs: 10_000,
      settleMs: 100,
      allowPrivateNetworks: true,
      detailedPrivateCauses: true,
    });
    http = new HttpFetcher({ allowPrivateNetworks: true, detailedPrivateCauses: true });
    auto = new AutoFetcher({ http, browser });
  });
  afterAll(async () => {
    await auto.close();
    await site.stop();
  });

  it('renders a client-side page and returns the rendered HTML', async () => {
    site.fault('/spa', 'client-rendered', { page: PAGE, delayMs: 300 });
    const result = await browser.fetch({ url: site.url('/spa'), fetcher: 'browser', waitForSelectors: ['article h1'] });
    expect(result).toMatchObject({ outcome: 'ok', fetcher: 'browser', httpStatus: 200, contentType: 'text/html; charset=utf-8', finalUrl: site.url('/spa') });
    const html = result.body?.toString('utf8') ?? '';
    expect(html).toContain('<h1>Terms of Service</h1>');
    expect(html).toMatch(/Midjourney/);
  });

  it('reports selector-missing when a wait selector never holds text', async () => {
    site.servePage('/static', PAGE);
    const result = await browser.fetch({ url: site.url('/static'), fetcher: 'browser', waitForSelectors: ['#policy-body-that-does-not-exist'] });
    expect(result).toMatchObject({ outcome: 'selector-missing', transient: false, fetcher: 'browser' });
    expect(result.cause).toContain('#policy-body-that-does-not-exist');
    expect(result.body).toBeUndefined();
  });

  it('reports a challenge page served with 200 as blocked', async () => {
    site.fault('/challenge', 'challenge');
    const result = await browser.fetch({ url: site.url('/challenge'), fetcher: 'browser' });
    expect(result).toMatchObject({ outcome: 'blocked', cause: 'Cloudflare challenge page (HTTP 200)', transient: true });
  });

  it('auto: keeps the HTTP answer for an ordinary page, without starting a page in the browser', async () => {
    site.servePage('/plain', PAGE);
    const result = await auto.fetch({ url: site.url('/plain'), fetcher: 'auto', waitForSelectors: ['article.policy'] });
    expect(result).toMatchObject({ outcome: 'ok', fetcher: 'http' });
    expect(site.hits('/plain')).toBe(1);
  });

  it('auto: falls back to the browser for a client-rendered page', async () => {
    site.fault('/spa-auto', 'client-rendered');
    const result = await auto.fetch({ url: site.url('/spa-auto'), fetcher: 'auto' });
    expect(result).toMatchObject({ outcome: 'ok', fetcher: 'browser' });
    expect(result.body?.toString('utf8')).toContain('rendered in your browser by a script');
    expect(site.hits('/spa-auto')).toBe(2);
  });

  it('auto: tries the browser on a 403 and on a challenge, and says so when that fails too', async () => {
    site.fault('/denied', 'forbidden');
    const denied = await auto.fetch({ url: site.url('/denied'), fetcher: 'auto' });
    expect(denied).toMatchObject({ outcome: 'http-error', fetcher: 'browser', httpStatus: 403 });
    expect(denied.cause).toMatch(/HTTP 403 Forbidden \(browser tried because HTTP 403 looks like bot protection; HTTP: HTTP 403 Forbidden\)/);
    expect(site.hits('/denied')).toBe(2);

    site.fault('/challenge-auto', 'challenge');
    const challenged = await auto.fetch({ url: site.url('/challenge-auto'), fetcher: 'auto' });
    expect(challenged).toMatchObject({ outcome: 'blocked', fetcher: 'browser' });
  });

  it('auto: a login wall is not retried in the browser, which could not get past it either', async () => {
    site.fault('/login', 'login-wall');
    const result = await auto.fetch({ url: site.url('/login'), fetcher: 'auto' });
    expect(result).toMatchObject({ outcome: 'blocked', problem: 'login-wall', fetcher: 'http' });
    expect(site.hits('/login')).toBe(1);
  });

  it('reports a refused connection as a network error, not an exception', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await browser.fetch({ url: `http://127.0.0.1:${port}/`, fetcher: 'browser' });
    expect(result).toMatchObject({ outcome: 'network-error', cause: 'Connection refused', transient: true });
  });
});
