// A current desktop Chrome: many policy sites answer anything else with a challenge or a stub.
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';
export const ACCEPT_LANGUAGE = 'en-US,en;q=0.9';
export const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.9,*/*;q=0.8';
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_REDIRECTS = 10;
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const MAX_URL_LENGTH = 2048;

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebRTC's UDP sockets bypass request routing, so no ICE candidates may be gathered.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
];
export const DEFAULT_NAVIGATION_TIMEOUT_MS = 30_000;
export const DEFAULT_SELECTOR_TIMEOUT_MS = 10_000;
export const DEFAULT_NETWORK_IDLE_TIMEOUT_MS = 5_000;
export const DEFAULT_SETTLE_MS = 250;

export const RETRY_BASE_DELAY_MS = 60_000;
export const RETRY_MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** Statuses the auto fetcher retries in a real browser: typical answers of bot protection. */
export const BROWSER_FALLBACK_STATUSES = new Set([403, 406, 429, 502]);
/** HTTP statuses that say "try again later". */
export const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);

// Heuristic thresholds on the visible text of a page (characters after tags are stripped).
/** Below this, a page with scripts is a client-rendered shell. */
export const SHELL_MAX_TEXT = 200;
/** Below this, a page whose main content is a sign-in or consent form is a wall, not a document. */
export const WALL_MAX_TEXT = 1500;
/** Only the head of a page is scanned for challenge markers. */
export const CLASSIFY_SCAN_BYTES = 512 * 1024;
