/** JSON bodies nested deeper than this are refused (no request of the API needs more than a few levels). */
export const MAX_JSON_DEPTH = 32;
/** Record verifications (which re-hash stored snapshots) running at once in one API process. */
export const MAX_CONCURRENT_VERIFICATIONS = 2;
