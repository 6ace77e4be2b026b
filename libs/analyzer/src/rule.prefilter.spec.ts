import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledRules, storeRulePrefilter } from './clause.classifier';
import { readStoredPrefilter } from './rule-prefilter.store';
import { RULE_EXAMPLES } from './rule-examples.constants';
import { LiteralPrefilter, requiredLiteralAlternatives, requiredLiteralSets, requiredLiterals } from './rule.prefilter';
import { normalizeTypography } from './text.normalizer';

describe('requiredLiterals', () => {
  test.each([
    ['\\b(?:sell|sale)s?\\b', ['sell', 'sale']],
    ['\\bdo not (?:sell|share)\\b', ['do not ']],
    ['\\bcookies?\\b|\\btrack\\w*', ['cookie', 'track']],
    ['\\bip (?:address)+', ['address']],
    ['\\bage of\\b[^.;]{0,15}\\d{2}', ['age of']],
    // A common word of policies is a poor filter, however long: the rarer verb is kept.
    ['\\b(?:sell|sold)\\b[^.;]{0,40}\\b(?:business|company)\\b', ['sell', 'sold']],
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

describe('requiredLiteralAlternatives', () => {
  test.each([
    ['\\b(?:we|us)\\b[^.;]{0,40}\\bcollect', [[['collect'], ['we', 'us']]]],
    ['\\bcookies?\\b|\\btrack\\w*', [[['cookie']], [['track']]]],
    ['\\bpermanent\\w* bans?\\b|\\baccount (?:locks?|bans?)\\b', [[['permanent'], [' ban']], [['account '], ['lock', 'ban']]]],
    ['\\bcookies?\\b|\\w+', null],
    ['x?y*', null],
  ])('%s: each alternative needs a literal of each of its sets', (source, expected) => {
    expect(requiredLiteralAlternatives(source)).toEqual(expected);
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
        const naive = r.literals === null || r.literals.some((sets) => sets.every((set) => set.some((l) => text.includes(l))));
        if (Boolean(possible[i]) !== naive) mismatches.push(`${r.id}: ${text}`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  test('rules out a pattern when no alternative has all its literals, though the whole pattern’s sets are met', () => {
    const source = '\\bpermanent\\w* bans?\\b|\\baccount (?:locks?|bans?)\\b';
    const byAlternative = new LiteralPrefilter(1, [requiredLiteralAlternatives(source)]);
    const whole = new LiteralPrefilter(1, [[requiredLiteralSets(source) ?? []]]);
    const text = 'your account settings are permanent';
    expect([...whole.possible(text)]).toEqual([1]);
    expect([...byAlternative.possible(text)]).toEqual([0]);
    expect([...byAlternative.possible('your account lock is permanent')]).toEqual([1]);
    expect([...byAlternative.possible('a permanent ban')]).toEqual([1]);
  });

  test('a pattern without alternatives, or with an alternative without sets, is always possible', () => {
    const filter = new LiteralPrefilter(3, [null, [[['zz']], []], [[['zz']]]]);
    expect([...filter.possible('abc')]).toEqual([1, 1, 0]);
    expect([...filter.possible('zz')]).toEqual([1, 1, 1]);
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

describe('LiteralPrefilter tables (stored by the build, loaded by a process)', () => {
  const literals = compiledRules.map((r) => r.literals);
  const built = new LiteralPrefilter(compiledRules.length, literals);
  const texts = Object.values(RULE_EXAMPLES)
    .flat()
    .map((t) => normalizeTypography(t).toLowerCase());

  test('a table read back from JSON filters every example text exactly as the prefilter it was made from', () => {
    const loaded = LiteralPrefilter.fromTable(JSON.parse(JSON.stringify(built.toTable())));
    const differ = texts.filter((t) => Buffer.compare(Buffer.from(loaded.possible(t)), Buffer.from(built.possible(t))) !== 0);
    expect(differ).toEqual([]);
  });

  test('a table whose arrays do not fit together is refused', () => {
    const table = built.toTable();
    expect(() => LiteralPrefilter.fromTable({ ...table, chars: table.chars.slice(1) })).toThrow('inconsistent');
    expect(() => LiteralPrefilter.fromTable({ ...table, count: table.count + 1 })).toThrow('inconsistent');
    expect(() => LiteralPrefilter.fromTable({ ...table, endianness: table.endianness === 'LE' ? 'BE' : 'LE' })).toThrow('inconsistent');
    expect(() => LiteralPrefilter.fromTable({ ...table, edges: table.edges.slice(0, -8) })).toThrow('inconsistent');
    // One literal set listed under two alternatives: the scan counts each set towards one alternative only.
    const setList = new Int32Array(Uint8Array.from(Buffer.from(table.setList, 'base64')).buffer);
    setList[1] = setList[0];
    expect(() => LiteralPrefilter.fromTable({ ...table, setList: Buffer.from(setList.buffer).toString('base64') })).toThrow('inconsistent');
  });

  describe('the stored prefilter', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cw-prefilter-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const sources = compiledRules.map((r) => r.pattern.source);

    test('is used for exactly the rules it was made from, and ignored for any other rule set', () => {
      const file = join(dir, 'rule-prefilter.json');
      storeRulePrefilter(file);
      const stored = readStoredPrefilter(sources, file);
      expect(stored?.literals).toEqual(literals);
      expect(texts.map((t) => [...(stored?.prefilter.possible(t) ?? [])])).toEqual(texts.map((t) => [...built.possible(t)]));
      expect(readStoredPrefilter([...sources.slice(0, -1), `${sources[sources.length - 1]}x`], file)).toBeNull();
      expect(readStoredPrefilter(sources.slice(1), file)).toBeNull();
    });

    test('a missing or damaged file is ignored (the prefilter is computed instead)', () => {
      const file = join(dir, 'rule-prefilter.json');
      expect(readStoredPrefilter(sources, file)).toBeNull();
      writeFileSync(file, '{"format":1,"sources":');
      expect(readStoredPrefilter(sources, file)).toBeNull();
      storeRulePrefilter(file);
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...stored, automaton: { ...stored.automaton, outStart: '' } }));
      expect(readStoredPrefilter(sources, file)).toBeNull();
    });
  });
});
