import { compiledRules } from './clause.classifier';
import { normalizeTypography } from './text.normalizer';

// A rule reads one sentence: a cue whose words sit in two sentences ("… the buyer. Your personal data …") is two
// unrelated statements. Every rule's gaps must therefore exclude the full stop.

/**
 * The gaps of a regex source that can run over a full stop and the space after it: `.`, `[^]`, a negated class
 * without `.`, `\W`, `\S` or `\D`, repeated (`*`, `+`, `{n,m}` with m ≥ 2). A single separator ("[./-]" in a date) is
 * no gap.
 */
export function fullStopMatchers(source: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < source.length; ) {
    let part: string;
    let crosses: boolean;
    const c = source[i];
    if (c === '\\') {
      part = source.slice(i, i + 2);
      crosses = 'WSD'.includes(source[i + 1]);
    } else if (c === '[') {
      // In JavaScript "[^]" is any character and "[]" none: a "]" right after "[" or "[^" closes the class.
      let j = i + 1;
      if (source[j] === '^') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      part = source.slice(i, j + 1);
      const inner = part.slice(part.startsWith('[^') ? 2 : 1, -1);
      crosses = part.startsWith('[^') ? !inner.includes('.') : /\\[WSD]/.test(inner);
    } else {
      part = c;
      crosses = c === '.';
    }
    i += part.length;
    const repeat = /^(?:[*+]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    const most = !repeat ? 1 : repeat[1] === undefined || repeat[3] === '' ? Infinity : Number(repeat[3] ?? repeat[1]);
    if (crosses && repeat && most >= 2) found.push(part + repeat[0]);
  }
  return found;
}

const keyOf = (r: (typeof compiledRules)[number]): string => `${r.type ?? 'stance'}:${r.id}`;
const matches = (r: (typeof compiledRules)[number], text: string): boolean => new RegExp(r.pattern.source, 'i').test(normalizeTypography(text));

describe('a rule matches within one sentence', () => {
  test('the scanner finds what can match a full stop', () => {
    expect(fullStopMatchers(String.raw`\bsell\b[^]{0,20}\bdata`)).toEqual(['[^]{0,20}']);
    expect(fullStopMatchers(String.raw`a.{0,9}b[^;]{0,9}c\W+d\S{2}`)).toEqual(['.{0,9}', '[^;]{0,9}', '\\W+', '\\S{2}']);
    expect(fullStopMatchers(String.raw`\bsell\b[^.;]{0,20}\bdata\.?[a-z\s][./-]\d+\W\d`)).toEqual([]);
  });

  test('no rule has a gap that crosses a full stop', () => {
    const crossing = compiledRules.map((r) => ({ rule: keyOf(r), parts: fullStopMatchers(r.pattern.source) })).filter((r) => r.parts.length > 0);
    expect(crossing).toEqual([]);
  });

  // Self-written pairs: the cue within one sentence matches; the same words split by a full stop do not.
  const SPLIT: Array<[string, string, string]> = [
    ['business-transfer:asset-transfer', 'If we are acquired, your personal data may pass to the buyer.', 'We may be acquired one day. Your personal data stays on servers in the EU.'],
    ['tracking:dnt-not-honoured', 'Your browser may send Do Not Track signals, but our site does not respond to them.', 'Your browser may send a Do Not Track signal. If you do not want emails, we will not respond with offers.'],
  ];
  test.each(SPLIT)('%s', (key, within, across) => {
    const r = compiledRules.find((c) => keyOf(c) === key);
    expect(r).toBeDefined();
    if (!r) return;
    expect({ within, matched: matches(r, within) }).toEqual({ within, matched: true });
    expect({ across, matched: matches(r, across) }).toEqual({ across, matched: false });
  });
});
