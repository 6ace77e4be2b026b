export const PAGE_FETCHER = Symbol('PAGE_FETCHER');
export const CONFIRMATION_SCHEDULER = Symbol('CONFIRMATION_SCHEDULER');

/** A change captured longer ago than this owes no alert at all (an import of old history). */
export const ALERT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Times the capture transaction re-plans when another capture of the document committed meanwhile. */
export const MAX_PLAN_ATTEMPTS = 5;

/** A change record keeps at most this much of each clause's text; the versions keep the whole texts. */
export const MAX_CLAUSE_CHARS = 20_000;
