/** How a document's pages are fetched: `auto` tries plain HTTP and falls back to a browser when a page needs one. */
export const FETCHER_KINDS = ['auto', 'http', 'browser'] as const;

export type FetcherKind = (typeof FETCHER_KINDS)[number];
