/** Nest injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Longest extracted text of a page, in characters (MAX_TEXT_CHARS). No real legal document comes close:
 * the largest page of the evaluation data sets (../shared/datasets) extracts to about 180,000 characters
 * (Buffer's privacy policy, 2026-03-17). Beyond it, the split, the analysis and the lineage of a text cost
 * hundreds of MB (issue 13).
 */
export const DEFAULT_MAX_TEXT_CHARS = 2_000_000;
