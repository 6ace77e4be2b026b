import type { Browser, BrowserContext, Page, Route, WebSocketRoute } from 'playwright-core';
import { brotliDecompressSync, unzipSync } from 'node:zlib';
import { Agent, request as undiciRequest } from 'undici';
import { AddressPolicy, BLOCKED_PRIVATE_ADDRESS, guardedLookup, type HostVerdict } from './address.policy';
import {
  ACCEPT_LANGUAGE,
  BROWSER_USER_AGENT,
  CHROMIUM_ARGS,
  DEFAULT_CHROMIUM_PATH,
  DEFAULT_MAX_BYTES,
  DEFAULT_NAVIGATION_TIMEOUT_MS,
  DEFAULT_NETWORK_IDLE_TIMEOUT_MS,
  DEFAULT_SELECTOR_TIMEOUT_MS,
  DEFAULT_SETTLE_MS,
  REDIRECT_STATUSES,
} from './fetch.constants';
import { FetchError, FetchErrorCode } from './fetch.error';
import type { FetchRequest, FetchResult, PageFetcher, PageVerdict } from './fetch.types';
import { formatBytes } from './network-error.describer';
import { classifyPage } from './page.classifier';
import { checkTargetUrlSyntax } from './target-url.validator';

export interface BrowserFetcherOptions {
  /** CHROMIUM_PATH; never downloaded. */
  executablePath?: string;
  navigationTimeoutMs?: number;
  selectorTimeoutMs?: number;
  networkIdleTimeoutMs?: number;
  /** Pause after network idle, for scripts that render on a timer. */
  settleMs?: number;
  maxBytes?: number;
  userAgent?: string;
  acceptLanguage?: string;
  /** Default false: every request of the page (navigations, redirects, subresources, fetch/XHR, workers) must go to a public address. */
  allowPrivateNetworks?: boolean;
  /** Single private hosts let through (`host` or `host:port`). */
  allowedPrivateHosts?: readonly string[];
  /** Keep "refused", "reset"… for private hosts too (tests of the causes); by default they all read the same. */
  detailedPrivateCauses?: boolean;
  /** Replaces DNS resolution (at check and at connect time), for tests. */
  resolve?: (hostname: string) => Promise<string[]>;
}

/** Request headers that belong to one hop (or to HTTP/2 framing) and are never forwarded. */
const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'content-length', 'te', 'trailer']);

/** Headers of a response whose body was decoded here, so they no longer describe it. */
const ENCODING_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function decodeBody(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      return unzipSync(body, { maxOutputLength: maxBytes });
    case 'br':
      return brotliDecompressSync(body, { maxOutputLength: maxBytes });
    default:
      return body;
  }
}

/** Requests the address policy refused during one capture. */
interface Guard {
  refused: string[];
  hosts: Map<string, Promise<HostVerdict>>;
}

type Attempt = Omit<FetchResult, 'url' | 'fetcher' | 'durationMs'>;

/** Chromium's net:: error names, as Playwright reports them, mapped to outcomes. */
const NET_ERRORS: Array<[RegExp, PageVerdict]> = [
  [/ERR_CONNECTION_REFUSED/, { outcome: 'network-error', cause: 'Connection refused', transient: true }],
  [/ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED/, { outcome: 'network-error', cause: 'Connection reset by the server', transient: true }],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, { outcome: 'network-error', cause: 'DNS lookup failed', transient: true }],
  [/ERR_TOO_MANY_REDIRECTS/, { outcome: 'http-error', cause: 'Too many redirects (or a redirect loop)', transient: false }],
  [/ERR_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING/, { outcome: 'truncated', cause: 'Connection closed before the whole body arrived', transient: true }],
  [/ERR_CERT_|ERR_SSL_/, { outcome: 'network-error', cause: 'TLS certificate problem', transient: false }],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, { outcome: 'timeout', cause: 'Connection timed out', transient: true }],
];

/** The net:: error Chromium should see for a request that failed when made on its behalf. */
function abortCodeFor(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED/.test(message)) return 'connectionrefused';
  if (/ECONNRESET|socket hang up/.test(message)) return 'connectionreset';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'namenotresolved';
  if (/ETIMEDOUT|Timeout/i.test(message)) return 'timedout';
  return 'failed';
}

/**
 * Playwright, loaded when a browser is first launched: requiring it costs every process ~35 MB of RSS
 * (the API at rest: 175 → 142 MB without it), and most processes never fetch with a browser.
 */
function loadChromium(): typeof import('playwright-core').chromium {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('playwright-core') as typeof import('playwright-core')).chromium;
}

/**
 * Renders pages in headless Chromium for documents that only exist after their scripts run. One
 * browser, launched on first use and shared; a fresh context per fetch so no cookies or storage leak
 * from one capture into the next.
 */
export class BrowserFetcher implements PageFetcher {
  private browser?: Promise<Browser>;
  private readonly navigationTimeoutMs: number;
  private readonly selectorTimeoutMs: number;
  private readonly policy: AddressPolicy;
  /** Makes the page's requests on Chromium's behalf, each socket's address checked at connect time. */
  private readonly agent: Agent;

  constructor(private readonly options: BrowserFetcherOptions = {}) {
    this.policy = new AddressPolicy({ allowPrivateNetworks: options.allowPrivateNetworks ?? false, allowedPrivateHosts: options.allowedPrivateHosts, resolve: options.resolve });
    this.agent = new Agent({ connect: { lookup: guardedLookup(this.policy) } });
    this.navigationTimeoutMs = options.navigationTimeoutMs ?? DEFAULT_NAVIGATION_TIMEOUT_MS;
    this.selectorTimeoutMs = options.selectorTimeoutMs ?? DEFAULT_SELECTOR_TIMEOUT_MS;
  }

  async fetch(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const attempt = await this.render(req);
    return { ...attempt, url: req.url, fetcher: 'browser', durationMs: Math.round(performance.now() - started) };
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close();
    await this.agent.close().catch(() => undefined);
  }

  /** Launch problems are the machine's, not the page's, so they throw. */
  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const executablePath = this.options.executablePath ?? DEFAULT_CHROMIUM_PATH;
    const launching: Promise<Browser> = loadChromium().launch({ executablePath, args: CHROMIUM_ARGS }).then(
      (browser) => {
        // A crashed browser is relaunched on the next fetch.
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = undefined;
        });
        return browser;
      },
      (err: unknown) => {
        if (this.browser === launching) this.browser = undefined;
        const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new FetchError(FetchErrorCode.BrowserUnavailable, `Cannot launch Chromium at ${executablePath}: ${reason}`);
      },
    );
    this.browser = launching;
    return launching;
  }

  private async render(req: FetchRequest): Promise<Attempt> {
    let target: HostVerdict;
    try {
      target = await this.policy.check(checkTargetUrlSyntax(req.url, { allowPrivateNetworks: true }));
    } catch (err) {
      const blocked = err instanceof FetchError && err.code === FetchErrorCode.PrivateAddress;
      const transient = err instanceof FetchError && err.code === FetchErrorCode.DnsFailure;
      return { outcome: 'network-error', cause: err instanceof Error ? err.message : String(err), transient, problem: blocked ? BLOCKED_PRIVATE_ADDRESS : 'invalid-url' };
    }
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch (err) {
      // The machine's problem, not the page's: a failed check that says so, never an exception (HTTP 500).
      if (err instanceof FetchError && err.code === FetchErrorCode.BrowserUnavailable) return { outcome: 'network-error', cause: `browser-unavailable: ${err.message}`, transient: false };
      throw err;
    }
    const context = await browser.newContext({
      userAgent: this.options.userAgent ?? BROWSER_USER_AGENT,
      locale: 'en-US',
      extraHTTPHeaders: { 'accept-language': this.options.acceptLanguage ?? ACCEPT_LANGUAGE },
      // A service worker's own requests escape routing, so none may register.
      serviceWorkers: 'block',
    });
    const guard: Guard = { refused: [], hosts: new Map() };
    try {
      if (!this.policy.allowsPrivateNetworks) await this.guard(context, guard);
      const page = await context.newPage();
      const attempt = await this.capture(page, req, target.private && !this.options.detailedPrivateCauses);
      if (guard.refused.length === 0) return attempt;
      const first = guard.refused[0];
      const more = guard.refused.length > 1 ? ` and ${guard.refused.length - 1} more request(s)` : '';
      return {
        outcome: 'network-error',
        cause: `${BLOCKED_PRIVATE_ADDRESS}: the page requested ${first}${more}`,
        transient: false,
        problem: BLOCKED_PRIVATE_ADDRESS,
        httpStatus: attempt.httpStatus,
        finalUrl: attempt.finalUrl,
      };
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /**
   * Routes every request of the context through the address policy, names resolved here: Chromium's
   * own checks know nothing of private networks, and it follows redirects, refreshes and scripts.
   */
  private async guard(context: BrowserContext, guard: Guard): Promise<void> {
    const allowed = async (raw: string): Promise<boolean> => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return false;
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) || url.username || url.password) {
        guard.refused.push(`${url.protocol}//${url.host}`);
        return false;
      }
      const key = `${url.protocol}//${url.host}`;
      let verdict = guard.hosts.get(key);
      if (!verdict) {
        verdict = this.policy.check(url);
        verdict.catch(() => undefined);
        guard.hosts.set(key, verdict);
      }
      try {
        await verdict;
        return true;
      } catch (err) {
        if (err instanceof FetchError && err.code === FetchErrorCode.PrivateAddress) guard.refused.push(`${url.protocol}//${url.host}`);
        return false;
      }
    };
    // Chromium follows redirects without routing the next hop, so each request is made here without
    // following any; a redirect goes back to Chromium only when its target passes the policy, and
    // Chromium's request for that target is routed in turn. The request is made by this process through
    // an agent that checks the address it connects to, so a name that rebinds to a private address
    // between the check above and the connection is refused too (Chromium's own fetch would resolve
    // the name again, unchecked).
    await context.route('**/*', async (route: Route) => {
      const request = route.request();
      if (!(await allowed(request.url()))) return route.abort('blockedbyclient').catch(() => undefined);
      try {
        const response = await this.forward(request.url(), request.method(), await request.allHeaders(), request.postDataBuffer());
        const location = response.headers['location'];
        if (REDIRECT_STATUSES.has(response.status) && location && !(await allowed(new URL(location, request.url()).toString()))) {
          return await route.abort('blockedbyclient');
        }
        await route.fulfill(response);
      } catch (err) {
        if (err instanceof FetchError && err.code === FetchErrorCode.PrivateAddress) guard.refused.push(new URL(request.url()).origin);
        await route.abort(abortCodeFor(err)).catch(() => undefined);
      }
    });
    await context.routeWebSocket(/.*/, async (ws: WebSocketRoute) => {
      if (await allowed(ws.url())) ws.connectToServer();
      else await ws.close({ code: 1008, reason: 'blocked' }).catch(() => undefined);
    });
  }

  /** One request of the page, made without following redirects; the body decoded for Chromium and capped. */
  private async forward(url: string, method: string, headers: Record<string, string>, body: Buffer | null): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && !HOP_HEADERS.has(name.toLowerCase())));
    const response = await undiciRequest(url, {
      method: method as 'GET',
      headers: forwarded,
      body: body ?? undefined,
      dispatcher: this.agent,
      signal: AbortSignal.timeout(this.navigationTimeoutMs),
    });
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        response.body.destroy();
        throw new Error(`Response larger than the ${formatBytes(maxBytes)} limit`);
      }
      chunks.push(chunk as Buffer);
    }
    const encoding = response.headers['content-encoding'];
    const decoded = decodeBody(Buffer.concat(chunks), Array.isArray(encoding) ? encoding.join(',') : encoding, maxBytes);
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || ENCODING_HEADERS.has(name)) continue;
      // Playwright reads several values of one header (Set-Cookie) separated by newlines.
      out[name] = Array.isArray(value) ? value.join('\n') : value;
    }
    return { status: response.statusCode, headers: out, body: decoded };
  }

  private async capture(page: Page, req: FetchRequest, vagueCauses: boolean): Promise<Attempt> {
    let status: number | undefined;
    let headers: Record<string, string> = {};
    try {
      const response = await page.goto(req.url, { waitUntil: 'domcontentloaded', timeout: this.navigationTimeoutMs });
      status = response?.status();
      headers = response ? await response.allHeaders() : {};
    } catch (err) {
      const verdict = this.describe(err);
      // Before any response, a private host's failures all read the same, so causes never map its ports.
      if (vagueCauses && verdict.outcome === 'network-error') return { outcome: 'network-error', cause: 'Could not connect to the host (private network)', transient: true, httpStatus: status };
      return { ...verdict, httpStatus: status };
    }
    const base = { httpStatus: status, finalUrl: page.url(), etag: headers['etag'], lastModified: headers['last-modified'] };

    const missing = await this.waitForContent(page, req.waitForSelectors ?? []);
    const html = await page.content();
    const body = Buffer.from(html, 'utf8');
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (body.length > maxBytes) {
      return { outcome: 'truncated', cause: `Rendered page larger than the ${formatBytes(maxBytes)} limit`, transient: false, problem: 'too-large', ...base };
    }
    // The serialised DOM is a string we encode ourselves, so the Content-Type says utf-8 whatever the server declared.
    const verdict = classifyPage(status ?? 200, { ...headers, 'content-type': 'text/html; charset=utf-8' }, body, { rendered: true });
    if (verdict.outcome !== 'ok') return { ...verdict, ...base };
    if (missing) {
      return { outcome: 'selector-missing', cause: `Selector ${JSON.stringify(missing)} never held text within ${this.selectorTimeoutMs} ms`, transient: false, ...base };
    }
    return { outcome: 'ok', transient: false, body, contentType: 'text/html; charset=utf-8', ...base };
  }

  /** Waits for every selector to hold text, or else for the network to go quiet; returns the first selector that never did. */
  private async waitForContent(page: Page, selectors: string[]): Promise<string | undefined> {
    if (selectors.length === 0) {
      await page.waitForLoadState('networkidle', { timeout: this.options.networkIdleTimeoutMs ?? DEFAULT_NETWORK_IDLE_TIMEOUT_MS }).catch(() => undefined);
      await page.waitForTimeout(this.options.settleMs ?? DEFAULT_SETTLE_MS);
      return undefined;
    }
    const deadline = Date.now() + this.selectorTimeoutMs;
    for (const selector of selectors) {
      try {
        await page.waitForFunction(
          (css: string) => {
            try {
              return Array.from(document.querySelectorAll(css)).some((el) => (el.textContent ?? '').trim().length > 0);
            } catch {
              return false; // an invalid selector never matches
            }
          },
          selector,
          { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
        );
      } catch {
        return selector;
      }
    }
    return undefined;
  }

  private describe(err: unknown): PageVerdict {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.name === 'TimeoutError') {
      return { outcome: 'timeout', cause: `Page did not load within ${this.navigationTimeoutMs} ms`, transient: true };
    }
    for (const [pattern, verdict] of NET_ERRORS) if (pattern.test(message)) return verdict;
    return { outcome: 'network-error', cause: `Browser navigation failed: ${message.split('\n')[0]}`, transient: true };
  }
}
