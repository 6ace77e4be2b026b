/**
 * Bumped whenever the Markdown produced for the same input can change (parser, turndown rules,
 * normalisation, noise patterns): versions re-derived under a new extractor are technical upgrades.
 */
export const EXTRACTOR_VERSION = '1.0.0';

/** Below this many letters and digits an extraction is an error page, a stub or a wall, not a policy. */
export const MIN_TEXT_CHARS = 30;

/** Query parameters that only track the click and never change what a link points to. */
export const TRACKING_PARAM_PATTERNS: readonly RegExp[] = [
  /^utm_/i,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid)$/i,
  /^(_ga|_gl|_hsenc|_hsmi|__hssc|__hstc|__hsfp|hsctatracking|mkt_tok|oly_anon_id|oly_enc_id|_openstat)$/i,
  /^(vero_conv|vero_id|wickedid|rb_clickid|s_cid|ml_subscriber|ml_subscriber_hash|__s|ref_src|spm|scid)$/i,
];

/** Filters a declaration may name (Open Terms Archive's exposed filters that make sense here). */
export const KNOWN_FILTERS = ['removeQueryParams', 'convertSpacesToStandard'] as const;

/** Elements that are never content, whatever the rules say (tag names as the DOM spells them). */
export const NEVER_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK', 'META', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS']);

/** Page chrome stripped before automatic main-content detection. */
export const AUTO_NOISE_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'DIALOG', 'SVG', 'svg']);
export const AUTO_NOISE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'alert']);

/** Class or id words that mark banners, ads and widgets rather than text. */
export const AUTO_NOISE_NAME =
  /(^|[\s_-])(cookie|cookies|consent|gdpr|cmp|onetrust|banner|announcement|advert|advertisement|ads?|ad-slot|adslot|sponsor|sponsored|promo|newsletter|subscribe|share|sharing|social|breadcrumbs?|skip-link|popup|modal|toast|site-header|site-footer|masthead|sidebar|toc|table-of-contents)([\s_-]|$)/i;

/** The largest main/[role=main]/article is the content when it holds this share of the page text. */
export const MAIN_CANDIDATE_SHARE = 0.3;

/** Descend into a child while it still holds at least this share of the text (densest block). */
export const DENSE_BLOCK_SHARE = 0.85;

/** A PDF whose text is not out by then is treated as unreadable (PDF.js can spin on hostile files). */
export const PDF_TIMEOUT_MS = 30_000;

/** Elements nested deeper than this are flattened before parsing (real documents stay far below). */
export const MAX_NESTING_DEPTH = 128;
