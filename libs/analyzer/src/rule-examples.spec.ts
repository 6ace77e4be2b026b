import { compiledRules } from './clause.classifier';
import { MORE_RULE_EXAMPLES, RULE_EXAMPLES } from './rule-examples.constants';
import { normalizeTypography } from './text.normalizer';

// Generated from the rule tables: every rule has its own pair of sentences, one it must match and one it must not.
const keyOf = (r: (typeof compiledRules)[number]): string => `${r.type ?? 'stance'}:${r.id}`;
const matches = (r: (typeof compiledRules)[number], text: string): boolean => new RegExp(r.pattern.source, 'i').test(normalizeTypography(text));

describe('every clause rule has a self-written example and near miss', () => {
  test.each(compiledRules.map((r) => [keyOf(r), r] as const))('%s', (key, r) => {
    const pair = RULE_EXAMPLES[key];
    expect(pair).toBeDefined();
    const [match, noMatch] = pair;
    expect({ key, text: match, matched: matches(r, match) }).toEqual({ key, text: match, matched: true });
    expect({ key, text: noMatch, matched: matches(r, noMatch) }).toEqual({ key, text: noMatch, matched: false });
  });

  const byKey = new Map(compiledRules.map((r) => [keyOf(r), r]));
  const more = Object.entries(MORE_RULE_EXAMPLES).flatMap(([key, pairs]) => pairs.map(([match, noMatch]) => [key, match, noMatch] as const));
  test.each(more)('%s also matches "%s" and not "%s"', (key, match, noMatch) => {
    const r = byKey.get(key);
    expect(r).toBeDefined();
    if (!r) return;
    expect({ key, text: match, matched: matches(r, match) }).toEqual({ key, text: match, matched: true });
    expect({ key, text: noMatch, matched: matches(r, noMatch) }).toEqual({ key, text: noMatch, matched: false });
  });

  test('no example is left for a rule that no longer exists', () => {
    const keys = new Set(compiledRules.map(keyOf));
    expect([...Object.keys(RULE_EXAMPLES), ...Object.keys(MORE_RULE_EXAMPLES)].filter((k) => !keys.has(k))).toEqual([]);
  });
});
