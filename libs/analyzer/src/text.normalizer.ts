import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';
import { BARE_DATE, DATE_STAMP_PATTERN, TRAILING_LABEL } from './analyzer.constants';

// Typography that changes without changing meaning: curly quotes, dashes, odd spaces, ellipses.
const TYPOGRAPHY: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' '],
];

export function normalizeTypography(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = text;
  for (const [re, by] of TYPOGRAPHY) out = out.replace(re, by);
  return out;
}

/** Markdown inline syntax to plain text: links keep their words, emphasis and code marks go. */
const MARKUP = /[[\]<*_`\\]/;

export function stripInlineMarkdown(text: string): string {
  // Most provisions carry no markup: skip the replacements for them (this runs on every provision).
  if (!MARKUP.test(text)) return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The words of a text, lower-cased, typography and punctuation gone: what a reader would call "the same". */
export function cosmeticKey(text: string): string {
  // One analysis asks for the same provision's key several times (aligner, change kind, moved text): remembered.
  let key = cosmeticKeys.get(text);
  if (key === undefined) {
    key = computeCosmeticKey(text);
    // A whole document is asked for once: not worth holding. The memo is bounded by characters, not only by entries.
    if (text.length <= COSMETIC_KEY_MAX_TEXT) {
      if (cosmeticKeys.size >= COSMETIC_KEYS_MAX || cosmeticKeyChars + text.length + key.length > COSMETIC_KEYS_MAX_CHARS) clearCosmeticKeys();
      cosmeticKeys.set(text, key);
      cosmeticKeyChars += text.length + key.length;
    }
  }
  return key;
}

const COSMETIC_KEYS_MAX = 4096;
// About 8 MB of UTF-16 text and keys at most, and no text longer than a long clause.
const COSMETIC_KEYS_MAX_CHARS = 4_000_000;
const COSMETIC_KEY_MAX_TEXT = 20_000;
const cosmeticKeys = new Map<string, string>();
let cosmeticKeyChars = 0;

/** Forgets remembered keys: each analysis starts afresh, so timing one pair again does not measure a warm memo. */
export function clearCosmeticKeys(): void {
  cosmeticKeys.clear();
  cosmeticKeyChars = 0;
}

/** Characters (texts and keys) the cosmeticKey memo holds now. */
export function rememberedCosmeticKeyChars(): number {
  return cosmeticKeyChars;
}

const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])'(?=\p{L})/gu;

// UTF-8 read as Latin-1 by a capture ("â\u0080\u009cService" for "“Service”", "Ã¼ber" for "über"): a lead byte's letter
// followed by a continuation byte's. The same words, as a reader of the page saw them.
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf]/;

/** The text with UTF-8 read as Latin-1 decoded again, when that decodes cleanly; else the text as it is. */
function unmojibaked(text: string): string {
  if (/[^\u0000-\u00ff]/.test(text)) return text;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? text : decoded;
}

function computeCosmeticKey(text: string): string {
  // ASCII text (most policies, and most once curly quotes and dashes are straightened) takes the cheap path.
  const typographic = NON_ASCII.test(text);
  const ascii = asciiCosmeticKey(text, typographic);
  if (ascii !== null) return ascii;
  const straight = typographic ? normalizeTypography(MOJIBAKE.test(text) ? unmojibaked(text) : text) : text;
  // An apostrophe inside a word is typography too: an export that drops it ("Customer's" → "Customers") keeps the word.
  const plain = straight.includes("'") ? straight.replace(INNER_APOSTROPHE, '') : straight;
  if (!NON_ASCII.test(plain)) return plain.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return plain
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// What normalizeTypography makes of a non-ASCII character of the Basic Multilingual Plane, found on first use and kept
// two above its code so that 0 means not yet known: an apostrophe, another mark (a double quote, a dash, dots, a space)
// that, like every ASCII character but a letter or digit, only separates words in a key, or nothing (-1: the character
// stays, and the text is no ASCII text).
const APOSTROPHE = 39;
const SEPARATOR = 32;
const STAYS = -1;
const STRAIGHTENED = new Int8Array(0x10000);

function straightenedCode(c: number): number {
  if (STRAIGHTENED[c] === 0) {
    const by = normalizeTypography(String.fromCharCode(c));
    STRAIGHTENED[c] = (by === "'" ? APOSTROPHE : NON_ASCII.test(by) ? STAYS : SEPARATOR) + 2;
  }
  return STRAIGHTENED[c] - 2;
}

/** Room for the key of a text up to a long clause, reused from call to call; a longer text gets its own. */
const KEY_BYTES = 64 * 1024;
const keyBytes = Buffer.alloc(KEY_BYTES);

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiLetterOrDigit(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** The code of the text's character at `i` once straightened (-1: a non-ASCII character that stays). */
function straightAt(text: string, i: number, typographic: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x60 && typographic ? APOSTROPHE : c;
  return straightenedCode(c);
}

/**
 * computeCosmeticKey of a text that is ASCII once its typography is straightened, in one pass over its characters
 * (straightened on the way, letters lower-cased, an apostrophe inside a word dropped, each run of other characters one
 * space, none at the ends) with no intermediate strings; null for a text with another non-ASCII character. `typographic`:
 * the text holds a non-ASCII character, so normalizeTypography would straighten it (a backtick too, then).
 */
function asciiCosmeticKey(text: string, typographic: boolean): string | null {
  const out = text.length <= KEY_BYTES ? keyBytes : Buffer.alloc(text.length);
  let n = 0;
  let separated = false;
  for (let i = 0; i < text.length; i++) {
    let c = straightAt(text, i, typographic);
    if (c < 0) return null;
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      // INNER_APOSTROPHE: after a letter or digit, before a letter (a non-ASCII letter sends the text the slow way anyway).
      const inner = c === APOSTROPHE && i > 0 && i + 1 < text.length && isAsciiLetterOrDigit(straightAt(text, i - 1, typographic)) && isAsciiLetter(straightAt(text, i + 1, typographic));
      if (!inner) separated = true;
      continue;
    }
    if (separated && n > 0) out[n++] = SEPARATOR;
    separated = false;
    out[n++] = c;
  }
  return out.toString('latin1', 0, n);
}

/**
 * Text for substring search: lower case, whitespace collapsed, punctuation and typography kept (cheap enough for a
 * whole version: provision texts are already collapsed, so only lower-casing runs on them).
 */
export function searchKey(text: string): string {
  const lower = text.toLowerCase();
  return /\s\s|[\t\n\r]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/**
 * searchKey of texts joined by single spaces, built text by text: lower-casing a long string that holds one non-Latin-1
 * character (a curly quote) takes the slow path for all of it, each text alone only for itself. Same result.
 */
export function joinedSearchKey(texts: string[]): string {
  let joined = '';
  let suspect = false;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    // Without an empty text, whitespace at an edge or a run inside one, the joined text has no run to collapse.
    if (!suspect && (t === '' || /\s\s|[\t\n\r]|^\s|\s$/.test(t))) suspect = true;
    joined += i === 0 ? t.toLowerCase() : ` ${t.toLowerCase()}`;
  }
  return suspect && /\s\s|[\t\n\r]/.test(joined) ? joined.replace(/\s+/g, ' ') : joined;
}

/** As cosmeticKey, without the leading section number ("2.3", "iv.", "a)"). */
export function unnumberedKey(text: string): string {
  const plain = normalizeTypography(text);
  const unnumbered = plain.replace(LEADING_NUMBER, '');
  // Without a number to remove, the key is the text's own (remembered): cosmeticKey straightens typography itself.
  return cosmeticKey(unnumbered === plain ? text : unnumbered);
}

// A section number: digits ("2", "2.3", "2.3.", "2)"), or a letter or roman numeral marked as one: followed by "." or
// ")" ("a.", "iv)") or in parentheses ("(a)", "(iv)", "(2)"). A bare letter is a word ("A user may", "I agree"), except
// after "Section"/"Article"/"§" ("Article IV").
const LEADING_NUMBER = /^\s*(?:(?:section|article|§)\s*(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]?|\d+(?:\.\d+)*[.)]?|(?:[ivxlc]+|[a-z])[.)]|\((?:\d+|[ivxlc]+|[a-z])\))\s+/i;

export function isDateStamp(text: string): boolean {
  const plain = normalizeTypography(stripInlineMarkdown(text)).trim();
  if (plain.length >= 120) return false;
  if (DATE_STAMP_PATTERN.test(plain) || BARE_DATE.test(plain)) return true;
  const labelled = TRAILING_LABEL.exec(plain);
  return labelled !== null && DATE_STAMP_PATTERN.test(labelled[1]);
}

// The one-shot crypto.hash (UTF-8 for a string) gives the same digest as createHash without a Hash object per call.
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Whole-document key: cosmetic differences (line wrapping included) and date stamps removed. */
export function cosmeticDocumentKey(markdown: string): string {
  return markdown
    .split(/\n/)
    .filter((line) => !isDateStamp(line.replace(/^\s*(?:#{1,6}\s+|[-*+>]\s+)/, '')))
    .map((line) => cosmeticKey(stripInlineMarkdown(line)))
    .filter((line) => line.length > 0)
    .join(' ');
}

export function cosmeticFingerprint(markdown: string): string {
  return sha256Hex(cosmeticDocumentKey(markdown));
}

/** Word tokens for similarity. */
export function wordsOf(text: string): string[] {
  return cosmeticKey(text).split(' ').filter((w) => w.length > 0);
}
