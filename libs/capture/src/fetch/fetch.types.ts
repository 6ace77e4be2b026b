import type { FetcherKind } from '@clausewatch/extract';

export type CheckOutcome =
  | 'ok'
  | 'not-modified'
  | 'http-error'
  | 'timeout'
  | 'network-error'
  | 'blocked'
  | 'empty'
  | 'truncated'
  | 'selector-missing'
  /** Extraction or analysis ran past its deadline (permanent). */
  | 'too-complex'
  /** Extraction or analysis needed more memory than its cap (permanent). */
  | 'too-large';

/** What made a page a problem, finer than the outcome; lets the auto fetcher pick its fallback. */
export type PageProblem =
  | 'bot-challenge'
  | 'login-wall'
  | 'cookie-wall'
  | 'client-rendered'
  | 'too-large'
  | 'invalid-url'
  /** A request (the page's, a redirect's or a subresource's) went to an address the policy refuses. */
  | 'blocked-private-address';

export interface FetchRequest {
  url: string;
  fetcher: FetcherKind;
  /** CSS selectors that must hold text before the page counts as rendered. */
  waitForSelectors?: string[];
  /** Validators from the previous capture, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
}

export interface FetchResult {
  outcome: CheckOutcome;
  /** Short human sentence, e.g. "HTTP 503 Service Unavailable". */
  cause?: string;
  /** Worth retrying with backoff. */
  transient: boolean;
  problem?: PageProblem;
  httpStatus?: number;
  url: string;
  finalUrl?: string;
  /** Raw bytes, only when outcome is 'ok'. */
  body?: Buffer;
  contentType?: string;
  fetcher: 'http' | 'browser';
  durationMs: number;
  etag?: string;
  lastModified?: string;
}

/** Never throws for a page's problem: every such problem is an outcome. */
export interface PageFetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  close?(): Promise<void>;
}

/** Lower-cased header names, as node and undici give them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A classifier's judgement of one response. */
export interface PageVerdict {
  outcome: CheckOutcome;
  cause?: string;
  transient: boolean;
  problem?: PageProblem;
}
