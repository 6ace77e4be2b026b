import { compiledRules } from './clause.classifier';
import { RULE_EXAMPLES } from './rule-examples.constants';
import { LiteralPrefilter, requiredLiteralSets, requiredLiterals } from './rule.prefilter';
import { normalizeTypography } from './text.normalizer';

describe('requiredLiterals', () => {
  test.each([
    ['\\b(?:sell|sale)s?\\b', ['sell', 'sale']],
    ['\\bdo not (?:sell|share)\\b', ['do not ']],
    ['\\bcookies?\\b|\\btrack\\w*', ['cookie', 'track']],
    ['\\bip (?:address)+', ['address']],
    ['\\bage of\\b[^.;]{0,15}\\d{2}', ['age of']],
  ])('%s needs one of its literals', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  test.each([['\\w+'], ['(?:a|\\d)'], ['x?y*'], ['(?=abc)'], ['[abc]+']])('%s has no factor, so it always runs', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });
});

describe('requiredLiteralSets', () => {
  test.each([
    ['\\b(?:we|us)\\b[^.;]{0,40}\\b(?:collect|gather)s?\\b', [['collect', 'gather'], ['we', 'us']]],
    ['\\bdo not (?:sell|share)\\b', [['do not '], ['sell', 'share']]],
    ['\\bcookies?\\b|\\btrack\\w*', [['cookie', 'track']]],
    ['(?:an (?:bb|cc)|dd)ee', [['an ', 'dd'], ['bb', 'cc', 'dd'], ['ee']]],
    ['\\bx (?:y|zz)', [['x ']]],
    ['x?y*', null],
  ])('%s needs a literal of each set', (source, expected) => {
    expect(requiredLiteralSets(source)).toEqual(expected);
  });
});

describe('LiteralPrefilter', () => {
  const prefilter = new LiteralPrefilter(
    compiledRules.length,
    compiledRules.map((r) => r.literals),
  );
  const texts = Object.values(RULE_EXAMPLES)
    .flat()
    .map((t) => normalizeTypography(t).toLowerCase());

  test('agrees with a plain substring search for every rule and example text', () => {
    const mismatches: string[] = [];
    for (const text of texts) {
      const possible = prefilter.possible(text);
      compiledRules.forEach((r, i) => {
        const naive = r.literals === null || r.literals.every((set) => set.some((l) => text.includes(l)));
        if (Boolean(possible[i]) !== naive) mismatches.push(`${r.id}: ${text}`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  test('never rules out a rule whose regex matches (every example it must match passes the prefilter)', () => {
    const missed: string[] = [];
    for (const text of texts) {
      const possible = prefilter.possible(text);
      compiledRules.forEach((r, i) => {
        if (!possible[i] && new RegExp(r.pattern.source).test(text)) missed.push(`${r.id}: ${text}`);
      });
    }
    expect(missed).toEqual([]);
    // The prefilter does rule out most rules for a typical sentence, or it would not be worth running.
    const share = texts.reduce((n, t) => n + prefilter.possible(t).reduce((a, b) => a + b, 0), 0) / (texts.length * compiledRules.length);
    expect(share).toBeLessThan(0.5);
  });
});
