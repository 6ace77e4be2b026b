/** OTA's current top-level key for terms, and the one older collections still use. */
export const OTA_TERMS_KEYS = ['terms', 'documents'] as const;

/** Properties of a single-source terms declaration and of each `combine` item (OTA's sourceDocument). */
export const OTA_SOURCE_KEYS = ['fetch', 'select', 'remove', 'filter', 'executeClientScripts'] as const;

/** Properties a terms declaration may have besides its source properties. */
export const OTA_TERMS_EXTRA_KEYS = ['combine'] as const;

/** Only in `<Service>.history.json` entries. */
export const OTA_HISTORY_KEY = 'validUntil';

export const RANGE_START_KEYS = ['startBefore', 'startAfter'] as const;
export const RANGE_END_KEYS = ['endBefore', 'endAfter'] as const;

export const OTA_DECLARATION_SUFFIX = '.json';
export const OTA_HISTORY_SUFFIX = '.history.json';
export const OTA_FILTERS_SUFFIX = '.filters.js';
export const OTA_FILTERS_HISTORY_SUFFIX = '.filters.history.js';

export const ALLOWED_URL_PROTOCOLS = ['http:', 'https:'] as const;

export const BUNDLED_CATALOG_FILE = 'bundled-catalog.json';
export const BUNDLED_CATALOG_MIN_PLATFORMS = 40;
/** Every bundled platform must have at least these document types. */
export const BUNDLED_REQUIRED_TYPES = ['terms-of-service', 'privacy-policy'] as const;
