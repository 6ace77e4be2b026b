import { STATUS_CODES } from 'node:http';
import { CLASSIFY_SCAN_BYTES, SHELL_MAX_TEXT, WALL_MAX_TEXT } from './fetch.constants';
import { isTransient } from './retry.policy';
import type { PageVerdict, ResponseHeaders } from './fetch.types';

interface Challenge {
  vendor: string;
  /** Matched against the lower-cased head of the page. */
  body?: RegExp;
  header?: (headers: ResponseHeaders) => boolean;
  /** Markers that also appear on ordinary pages (a reCAPTCHA on a contact form) count only on a near-empty page. */
  onlyWhenThin?: boolean;
}

const header = (headers: ResponseHeaders, name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(', ') : (value ?? '')).toLowerCase();
};

const CHALLENGES: Challenge[] = [
  { vendor: 'Cloudflare challenge page', header: (h) => header(h, 'cf-mitigated') === 'challenge' },
  { vendor: 'Cloudflare challenge page', body: /<title>\s*just a moment\.\.\.\s*<\/title>|_cf_chl_opt|cf-browser-verification|\/cdn-cgi\/challenge-platform\// },
  { vendor: 'Cloudflare block page', body: /<title>\s*attention required! \| cloudflare\s*<\/title>|cf-error-details/ },
  { vendor: 'DataDome challenge', header: (h) => h['x-datadome'] !== undefined || h['x-dd-b'] !== undefined },
  { vendor: 'DataDome challenge', body: /captcha-delivery\.com/ },
  { vendor: 'PerimeterX challenge', body: /_pxappid|px-captcha|\/_px\/|press (?:&amp;|&) hold/ },
  { vendor: 'Akamai block page', body: /<title>\s*access denied\s*<\/title>[\s\S]*reference(?:&#32;|\s)(?:&#35;|#)/ },
  { vendor: 'Akamai block page', header: (h) => header(h, 'server').includes('akamaighost'), onlyWhenThin: true },
  { vendor: 'hCaptcha challenge', body: /hcaptcha\.com\/1\/api\.js|class="h-captcha"/, onlyWhenThin: true },
  { vendor: 'reCAPTCHA challenge', body: /google\.com\/recaptcha|class="g-recaptcha"/, onlyWhenThin: true },
  {
    vendor: 'Bot check page',
    body: /verify (?:that )?you are (?:a )?human|are you a robot\?|unusual traffic from your (?:computer|network)|<title>[^<]*captcha[^<]*<\/title>/,
    onlyWhenThin: true,
  },
];

const SIGN_IN_WORDS = /\b(?:sign[ -]?in|log[ -]?in|login)\b/;
const CONSENT_WORDS = /\bcookies?\b/;
// A banner offers a choice beside the content; a wall makes consent the condition for seeing it.
const CONSENT_DEMAND = /before you continue|to continue|must (?:accept|consent|agree)|consent (?:is )?required|accept (?:all )?cookies to/;

function statusLine(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

function isHtml(contentType: string, head: string): boolean {
  if (contentType) return /html|xml/.test(contentType);
  return /^\s*(?:<!doctype html|<html|<head|<body)/.test(head);
}

/** The text a reader would see, roughly: enough to tell a document from a shell or a wall. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An HTML shell whose content only a script can produce. */
export function looksClientRendered(html: string): boolean {
  const lower = html.toLowerCase();
  if (!/<script\b/.test(lower)) return false;
  const text = visibleText(html).length;
  if (text < SHELL_MAX_TEXT) return true;
  const asksForScripts = /<noscript\b[^>]*>[\s\S]*?(?:enable|requires?|turn on|need)[\s\S]{0,40}javascript[\s\S]*?<\/noscript>/.test(lower);
  return asksForScripts && text < WALL_MAX_TEXT;
}

function findChallenge(headers: ResponseHeaders, head: string, thin: boolean): string | undefined {
  for (const c of CHALLENGES) {
    if (c.onlyWhenThin && !thin) continue;
    if ((c.header && c.header(headers)) || (c.body && c.body.test(head))) return c.vendor;
  }
  return undefined;
}

export interface ClassifyOptions {
  /** The body is a DOM after its scripts ran, so a page that still says "enable JavaScript" is not a shell. */
  rendered?: boolean;
}

/**
 * Decides whether a response is a document worth snapshotting or a problem page. Pure: status,
 * lower-cased headers and raw bytes in, outcome out; markers are ASCII, so the charset does not matter.
 */
export function classifyPage(status: number, headers: ResponseHeaders, body: Buffer | string, options: ClassifyOptions = {}): PageVerdict {
  if (status === 304) return { outcome: 'not-modified', transient: false };
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = bytes.subarray(0, CLASSIFY_SCAN_BYTES).toString('latin1');
  const lowerHead = head.toLowerCase();
  const html = isHtml(header(headers, 'content-type'), lowerHead);
  const text = html ? visibleText(head) : '';
  const thin = html && bytes.length <= CLASSIFY_SCAN_BYTES && text.length < WALL_MAX_TEXT;

  const challenge = findChallenge(headers, lowerHead, thin);
  if (challenge && (html || status >= 400)) {
    return { outcome: 'blocked', cause: `${challenge} (HTTP ${status})`, transient: true, problem: 'bot-challenge' };
  }
  if (status >= 400 || status < 200) {
    return { outcome: 'http-error', cause: statusLine(status), transient: isTransient('http-error', status) };
  }
  if (bytes.toString('latin1').trim() === '') {
    return { outcome: 'empty', cause: `Empty body (HTTP ${status})`, transient: true };
  }
  if (!html) return { outcome: 'ok', transient: false };

  const lowerText = text.toLowerCase();
  if (thin && /<input\b[^>]*type=["']?password/.test(lowerHead) && SIGN_IN_WORDS.test(lowerText)) {
    return { outcome: 'blocked', cause: `Login wall: a sign-in form instead of the document (HTTP ${status})`, transient: false, problem: 'login-wall' };
  }
  if (thin && CONSENT_WORDS.test(lowerText) && CONSENT_DEMAND.test(lowerText) && /<(?:form|button)\b/.test(lowerHead)) {
    return { outcome: 'blocked', cause: `Cookie wall: consent required before any content (HTTP ${status})`, transient: false, problem: 'cookie-wall' };
  }
  if (!options.rendered && looksClientRendered(head)) {
    return { outcome: 'empty', cause: `Client-rendered page: no content without JavaScript (HTTP ${status})`, transient: false, problem: 'client-rendered' };
  }
  if (text === '') return { outcome: 'empty', cause: `Page has no text (HTTP ${status})`, transient: true };
  return { outcome: 'ok', transient: false };
}
