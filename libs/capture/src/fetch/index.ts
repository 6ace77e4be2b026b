export type { CheckOutcome, FetcherKind, FetchRequest, FetchResult, PageFetcher, PageProblem, PageVerdict, ResponseHeaders } from './fetch.types';
export { FetchError, FetchErrorCode } from './fetch.error';
export { classifyPage, looksClientRendered, visibleText } from './page.classifier';
export { isTransient, retryDelayMs } from './retry.policy';
export type { RetryDelayOptions } from './retry.policy';
export { checkTargetUrlSyntax, isPrivateAddress, validateTargetUrl } from './target-url.validator';
export type { TargetUrlOptions } from './target-url.validator';
export { HttpFetcher } from './http.fetcher';
export type { HttpFetcherOptions } from './http.fetcher';
