export const APP_CONFIG = Symbol('APP_CONFIG');
export const PAGE_FETCHER = Symbol('PAGE_FETCHER');

/** Bumped whenever the stored analysis of a change can differ for the same pair of versions. */
export const ANALYZER_VERSION = 'analyzer-1';

const SEVERITY_ORDER = ['none', 'low', 'medium', 'high', 'critical'] as const;

export function severityAtLeast(severity: string, minimum: string): boolean {
  return SEVERITY_ORDER.indexOf(severity as (typeof SEVERITY_ORDER)[number]) >= SEVERITY_ORDER.indexOf(minimum as (typeof SEVERITY_ORDER)[number]);
}

/** A change record keeps at most this much of each clause's text; the versions keep the whole texts. */
export const MAX_CLAUSE_CHARS = 20_000;
