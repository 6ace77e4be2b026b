/** How a document's pages are fetched: `auto` tries plain HTTP and falls back to a browser when a page needs one. */
export const FETCHER_KINDS = ['auto', 'http', 'browser'] as const;

export type FetcherKind = (typeof FETCHER_KINDS)[number];

/** Whether a value (a form field, a query parameter) names a fetcher kind. */
export function isFetcherKind(value: unknown): value is FetcherKind {
  return typeof value === 'string' && (FETCHER_KINDS as readonly string[]).includes(value);
}
