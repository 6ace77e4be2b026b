import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { AutoFetcher } from './auto.fetcher';
import { BrowserFetcher } from './browser.fetcher';
import { HttpFetcher } from './http.fetcher';

// A loopback "public" site is the only allowed host (ALLOWED_PRIVATE_HOSTS=127.0.0.1:<port>); an
// "internal" service on another loopback port answers everything with permissive CORS and counts
// every request it receives. Whatever the public page does, the internal service must see nothing.

const TEXT = Array.from({ length: 12 }, (_, i) => `<p>Section ${i + 1}. You agree to these terms of service and to the privacy policy of the example service.</p>`).join('');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function html(res: ServerResponse, body: string, head = ''): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>Terms</title>${head}</head><body><main><h1>Terms of Service</h1>${body}${TEXT}</main></body></html>`);
}

describe('address policy in the browser fetcher (every request checked)', () => {
  let publicSite: { server: Server; origin: string };
  let internal: { server: Server; origin: string };
  const internalHits: string[] = [];
  let forbiddenHits = 0;
  let browser: BrowserFetcher;
  let http: HttpFetcher;
  let auto: AutoFetcher;

  beforeAll(async () => {
    internal = await listen((req, res) => {
      internalHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': '*' });
      res.end(`<p>internal secret ${'x'.repeat(400)}</p>`);
    });
    const secret = `${internal.origin}/secret`;
    publicSite = await listen((req, res) => {
      switch (req.url) {
        case '/plain':
          return html(res, `<img src="/logo.png" alt="">`);
        case '/logo.png':
          res.writeHead(200, { 'content-type': 'image/png' });
          return res.end(Buffer.alloc(10));
        case '/moved':
          res.writeHead(301, { location: '/plain' });
          return res.end();
        case '/redirect':
          res.writeHead(302, { location: secret });
          return res.end();
        case '/forbidden':
          // Answers the first request (plain HTTP) with 403, as bot protection does; the browser's retry is sent on.
          if (++forbiddenHits === 1) {
            res.writeHead(403, { 'content-type': 'text/html' });
            return res.end('<p>denied</p>');
          }
          return html(res, `<script>location = ${JSON.stringify(secret)}</script>`);
        case '/location':
          return html(res, `<script>location.href = ${JSON.stringify(secret)}</script>`);
        case '/meta':
          return html(res, '', `<meta http-equiv="refresh" content="0; url=${secret}">`);
        case '/script-fetch':
          return html(res, `<div id="out"></div><script>fetch(${JSON.stringify(secret)}).then(r => r.text()).then(t => { document.getElementById('out').textContent = t; })</script>`);
        case '/xhr':
          return html(res, `<script>const x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(secret)}); x.send();</script>`);
        case '/subresources':
          return html(res, `<img src="${secret}.png" alt=""><iframe src="${secret}/frame"></iframe>`);
        case '/worker':
          return html(res, `<script>new Worker('/worker.js')</script>`);
        case '/worker.js':
          res.writeHead(200, { 'content-type': 'text/javascript' });
          return res.end(`fetch(${JSON.stringify(secret + '/from-worker')})`);
        case '/websocket':
          return html(res, `<script>new WebSocket(${JSON.stringify(internal.origin.replace('http', 'ws') + '/ws')})</script>`);
        case '/rebind':
          // A name that answers a public address when checked and the internal service's when connected to.
          return html(res, `<img src="http://rebind.test:${new URL(internal.origin).port}/rebound.png" alt="">`);
        case '/gzipped':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
          return res.end(gzipSync(`<!doctype html><html><head><title>Terms</title></head><body><main><h1>Terms of Service</h1>${TEXT}</main></body></html>`));
        case '/numeric':
          // 127.0.0.1 as one number, and the IPv4-mapped IPv6 form: both are the internal service.
          return html(res, `<img src="http://2130706433:${new URL(internal.origin).port}/n.png"><img src="http://[::ffff:127.0.0.1]:${new URL(internal.origin).port}/m.png">`);
        default:
          res.writeHead(404);
          return res.end();
      }
    });
    const allowedPrivateHosts = [new URL(publicSite.origin).host];
    browser = new BrowserFetcher({ executablePath: process.env.CHROMIUM_PATH, navigationTimeoutMs: 10_000, settleMs: 300, allowedPrivateHosts });
    http = new HttpFetcher({ allowedPrivateHosts });
    auto = new AutoFetcher({ http, browser });
  });

  afterAll(async () => {
    await auto.close();
    await new Promise((r) => publicSite.server.close(r));
    await new Promise((r) => internal.server.close(r));
  });

  beforeEach(() => {
    internalHits.length = 0;
  });

  it('captures an ordinary page of the allowed host with its subresources', async () => {
    const result = await browser.fetch({ url: `${publicSite.origin}/plain`, fetcher: 'browser' });
    expect(result).toMatchObject({ outcome: 'ok', fetcher: 'browser' });
    expect(result.body?.toString('utf8')).toContain('Section 12.');
  });

  it('reads a compressed page fetched on behalf of Chromium', async () => {
    const result = await browser.fetch({ url: `${publicSite.origin}/gzipped`, fetcher: 'browser' });
    expect(result).toMatchObject({ outcome: 'ok' });
    expect(result.body?.toString('utf8')).toContain('Section 12.');
  });

  it('refuses a name that rebinds to a private address between the check and the connection', async () => {
    // First answer public (the check), then loopback (the connection), as a rebinding DNS server does.
    const answers = new Map<string, number>();
    const resolve = async (hostname: string): Promise<string[]> => {
      const n = (answers.get(hostname) ?? 0) + 1;
      answers.set(hostname, n);
      return hostname === 'rebind.test' && n === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
    };
    const rebinding = new BrowserFetcher({ executablePath: process.env.CHROMIUM_PATH, navigationTimeoutMs: 10_000, settleMs: 300, allowedPrivateHosts: [new URL(publicSite.origin).host], resolve });
    try {
      const result = await rebinding.fetch({ url: `${publicSite.origin}/rebind`, fetcher: 'browser' });
      expect(answers.get('rebind.test')).toBeGreaterThanOrEqual(2);
      expect(result).toMatchObject({ outcome: 'network-error', problem: 'blocked-private-address' });
      expect(internalHits).toEqual([]);
    } finally {
      await rebinding.close();
    }
  });

  it('follows a redirect that stays on the allowed host', async () => {
    const result = await browser.fetch({ url: `${publicSite.origin}/moved`, fetcher: 'browser' });
    expect(result).toMatchObject({ outcome: 'ok', finalUrl: `${publicSite.origin}/plain` });
  });

  it.each(['/redirect', '/location', '/meta', '/script-fetch', '/xhr', '/subresources', '/worker', '/websocket', '/numeric'])(
    'fails %s with blocked-private-address and never reaches the internal service',
    async (path) => {
      const result = await browser.fetch({ url: `${publicSite.origin}${path}`, fetcher: 'browser' });
      expect(result).toMatchObject({ outcome: 'network-error', problem: 'blocked-private-address', transient: false });
      expect(result.cause).toMatch(/^blocked-private-address: /);
      expect(result.body).toBeUndefined();
      expect(internalHits).toEqual([]);
    },
  );

  it('refuses the internal service as the first URL, in both fetchers', async () => {
    for (const fetcher of [browser, http]) {
      const result = await fetcher.fetch({ url: `${internal.origin}/secret`, fetcher: 'browser' });
      expect(result).toMatchObject({ outcome: 'network-error', problem: 'blocked-private-address' });
    }
    expect(internalHits).toEqual([]);
  });

  it('auto: a 403 that sends the browser fallback to the internal service is refused', async () => {
    const result = await auto.fetch({ url: `${publicSite.origin}/forbidden`, fetcher: 'auto' });
    expect(result).toMatchObject({ outcome: 'network-error', problem: 'blocked-private-address' });
    expect(internalHits).toEqual([]);
  });

  it('http: a redirect to the internal service is refused before connecting', async () => {
    const result = await http.fetch({ url: `${publicSite.origin}/redirect`, fetcher: 'http' });
    expect(result).toMatchObject({ outcome: 'network-error', problem: 'blocked-private-address' });
    expect(result.cause).toMatch(/^Redirect refused: blocked-private-address/);
    expect(internalHits).toEqual([]);
  });
});
