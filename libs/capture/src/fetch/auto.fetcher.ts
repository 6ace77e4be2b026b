import { load } from 'cheerio';
import { BROWSER_FALLBACK_STATUSES } from './fetch.constants';
import type { FetchRequest, FetchResult, PageFetcher } from './fetch.types';

export interface AutoFetcherOptions {
  http: PageFetcher;
  browser: PageFetcher;
}

/** Whether the static HTML already holds text under every wait selector; if not, only scripts can fill it. */
function selectorsHoldText(body: Buffer, selectors: string[]): boolean {
  const $ = load(body.toString('utf8'));
  return selectors.every((css) => {
    try {
      return $(css).text().trim().length > 0;
    } catch {
      return true; // an invalid selector is the pipeline's to report, not a reason to start a browser
    }
  });
}

/** Why the HTTP answer deserves a second try in a real browser, or undefined when it does not. */
export function browserFallbackReason(result: FetchResult, request: FetchRequest): string | undefined {
  if (result.problem === 'client-rendered') return 'page is rendered by scripts';
  if (result.problem === 'bot-challenge') return 'HTTP answer was a bot challenge';
  if (result.outcome === 'http-error' && result.httpStatus !== undefined && BROWSER_FALLBACK_STATUSES.has(result.httpStatus)) {
    return `HTTP ${result.httpStatus} looks like bot protection`;
  }
  const selectors = request.waitForSelectors ?? [];
  const isHtml = /html/i.test(result.contentType ?? '');
  if (result.outcome === 'ok' && result.body && isHtml && selectors.length > 0 && !selectorsHoldText(result.body, selectors)) {
    return 'wait selectors are empty in the static HTML';
  }
  return undefined;
}

/**
 * Plain HTTP first, since it is cheap and byte-exact; the browser only when the document needs
 * scripts or the HTTP answer looks like bot protection. The result says which fetcher produced it.
 */
export class AutoFetcher implements PageFetcher {
  constructor(private readonly options: AutoFetcherOptions) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    if (request.fetcher === 'http') return this.options.http.fetch(request);
    if (request.fetcher === 'browser') return this.options.browser.fetch(request);
    const viaHttp = await this.options.http.fetch(request);
    const reason = browserFallbackReason(viaHttp, request);
    if (!reason) return viaHttp;
    // A conditional answer from a browser is meaningless, so it always fetches in full.
    const viaBrowser = await this.options.browser.fetch({ ...request, etag: undefined, lastModified: undefined });
    const durationMs = viaHttp.durationMs + viaBrowser.durationMs;
    if (viaBrowser.outcome === 'ok') return { ...viaBrowser, durationMs };
    const httpSide = viaHttp.cause ?? viaHttp.outcome;
    return { ...viaBrowser, durationMs, cause: `${viaBrowser.cause ?? viaBrowser.outcome} (browser tried because ${reason}; HTTP: ${httpSide})` };
  }

  async close(): Promise<void> {
    await Promise.all([this.options.http.close?.(), this.options.browser.close?.()]);
  }
}
