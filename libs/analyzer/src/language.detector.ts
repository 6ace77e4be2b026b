// The language of a provision, from its most frequent short words (and its script for non-Latin text). Enough to
// know which rules can read a clause; not a general-purpose detector.

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when the text is too short or unclear to tell. */
  code: string;
  name: string;
}

const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'you', 'your', 'we', 'our', 'is', 'are', 'for', 'with', 'that', 'this', 'or', 'not', 'by', 'may', 'will', 'be'],
  fr: ['le', 'la', 'les', 'des', 'et', 'vous', 'votre', 'vos', 'nous', 'est', 'pour', 'avec', 'que', 'qui', 'dans', 'sur', 'pas', 'une', 'du', 'au'],
  // German addressed as "du" too: "du" alone is also French, so its other forms and German's own short words decide.
  de: ['der', 'die', 'das', 'und', 'sie', 'ihre', 'ihr', 'wir', 'ist', 'für', 'mit', 'dass', 'nicht', 'von', 'zu', 'auf', 'den', 'dem', 'ein', 'eine', 'dich', 'dir', 'dein', 'deine', 'deinen', 'sich', 'auch', 'wenn', 'oder', 'wird', 'werden', 'kann', 'sind', 'bei', 'einer', 'einen'],
  es: ['el', 'los', 'las', 'y', 'usted', 'su', 'sus', 'nosotros', 'es', 'para', 'con', 'que', 'por', 'del', 'una', 'uno', 'no', 'en', 'se', 'como'],
  it: ['il', 'gli', 'della', 'delle', 'e', 'tu', 'tuoi', 'noi', 'è', 'per', 'con', 'che', 'non', 'dei', 'una', 'sono', 'nel', 'alla', 'questo', 'essere'],
  nl: ['de', 'het', 'een', 'en', 'van', 'jij', 'je', 'uw', 'wij', 'we', 'is', 'voor', 'met', 'dat', 'niet', 'op', 'zijn', 'worden', 'deze', 'ons'],
  pt: ['o', 'os', 'as', 'e', 'você', 'seu', 'seus', 'nós', 'é', 'para', 'com', 'que', 'não', 'do', 'da', 'dos', 'uma', 'em', 'ao', 'pelo'],
};

const NAMES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', nl: 'Dutch', pt: 'Portuguese', ru: 'Russian', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', ar: 'Arabic', und: 'an unrecognised language' };

const CODES = Object.keys(STOP_WORDS);
/** Stop word → the positions (in CODES) of the languages that list it: one pass over a text counts them all. */
const LANGUAGES_OF = new Map<string, number[]>();
CODES.forEach((code, k) => {
  for (const w of new Set(STOP_WORDS[code])) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), k]);
});
const SCRIPTS: Array<[string, RegExp]> = [
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['ar', /\p{Script=Arabic}/gu],
];
// A character other than ASCII and general punctuation (curly quotes, dashes, ellipses: U+2000–U+206F, no letters and no
// script's own). Without one, text is read as ASCII: its letters are a-z once lower-cased, and no script's count is met.
export const BEYOND_ASCII_AND_PUNCTUATION = /[^\x00-\x7f\u2000-\u206f]/;
const WEB_ADDRESS = /\]\([^)\s]*\)|\b(?:https?:\/\/|www\.)\S+/gi;
// Fewer stop words than this and the text is a label or a name: no guess.
const MIN_HITS = 2;

export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

const STOP_WORD_MAX = Math.max(...[...LANGUAGES_OF.keys()].map((w) => w.length));

/**
 * Each run of the letters a-z in a lower-cased text (its words as a split on [^a-z]+ gives them) of at most `maxLength`
 * letters: longer words are never cut out of the text, as no stop word is that long.
 */
function forEachAsciiWord(lower: string, maxLength: number, visit: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start <= maxLength) visit(lower.slice(start, i));
      start = -1;
    }
  }
}

/** The most likely language of a text; English wins ties (most policies and most borrowed words are English). */
export function detectLanguage(text: string): LanguageGuess {
  if (BEYOND_ASCII_AND_PUNCTUATION.test(text)) {
    for (const [code, re] of SCRIPTS) {
      const n = text.match(re)?.length ?? 0;
      if (n >= 4 && n >= text.length / 10) return { code, name: languageName(code) };
    }
  }
  // ASCII text's letters are a-z once lower-cased: a plain class splits it as \p{L} would, faster. Web addresses are no
  // words of a language ("…](https://app.example.com/com.example.app?pid=home)" read as Portuguese).
  const lower = (text.includes('http') || text.includes('www.') ? text.replace(WEB_ADDRESS, ' ') : text).toLowerCase();
  const counts = new Array<number>(CODES.length).fill(0);
  const count = (w: string): void => {
    const languages = LANGUAGES_OF.get(w);
    if (languages) for (const k of languages) counts[k]++;
  };
  if (BEYOND_ASCII_AND_PUNCTUATION.test(lower)) {
    for (const w of lower.split(/[^\p{L}]+/u)) if (w) count(w);
  } else forEachAsciiWord(lower, STOP_WORD_MAX, count);
  let best = 'und';
  let bestHits = 0;
  let english = 0;
  CODES.forEach((code, k) => {
    const hits = counts[k];
    if (code === 'en') english = hits;
    if (hits > bestHits) {
      best = code;
      bestHits = hits;
    }
  });
  if (bestHits < MIN_HITS) return { code: 'und', name: languageName('und') };
  if (english >= bestHits) best = 'en';
  return { code: best, name: languageName(best) };
}
