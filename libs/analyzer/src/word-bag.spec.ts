import { Bag, containedShare, documentFrequency, overlap, prefixOf, sharingPairs, Vocabulary } from './word-bag';

// A small deterministic generator: texts over a skewed vocabulary (common words and rare ones), as policies are.
function texts(seed: number, count: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 14);
    return Array.from({ length }, () => words[Math.floor(next() ** 2 * words.length)]).join(' ');
  });
}

describe('sharingPairs (prefix filtering)', () => {
  test.each([0.5, 0.7, 0.8])('finds every pair sharing at least %p of the smaller bag, as comparing all pairs does', (share) => {
    const vocabulary = new Vocabulary();
    const left: Bag[] = texts(7, 120).map((t) => vocabulary.bagOf(t));
    const right: Bag[] = texts(11, 130).map((t) => vocabulary.bagOf(t));
    const found = new Set(sharingPairs(left, right, share, documentFrequency(vocabulary.size, [left, right])).map(([l, r]) => `${l}:${r}`));
    const expected: string[] = [];
    left.forEach((a, l) => right.forEach((b, r) => Math.min(a.size, b.size) > 0 && containedShare(a, b) >= share && expected.push(`${l}:${r}`)));
    expect(expected.length).toBeGreaterThan(20);
    for (const pair of expected) expect(found).toContain(pair);
    // The filter is worth having: far fewer pairs than all of them are left to score.
    expect(found.size).toBeLessThan(left.length * right.length);
  });

  test('bags count words with multiplicity', () => {
    const vocabulary = new Vocabulary();
    expect(overlap(vocabulary.bagOf('we we share data'), vocabulary.bagOf('we share share data data'))).toBe(3);
  });

  test('a prefix is the rarest words, ties in word order, until more than the words a sharing bag may lack are covered', () => {
    const vocabulary = new Vocabulary();
    // Word numbers in order of first sight: a b c d e f.
    const bags = ['a b c d e f', 'a b c', 'a b', 'a d'].map((t) => vocabulary.bagOf(t));
    const df = documentFrequency(vocabulary.size, [bags]);
    const [c, d, e, f] = [2, 3, 4, 5];
    // df: a 4, b 3, c 2, d 2, e 1, f 1. Share 0.5 of six words: three may be missing, so four are covered.
    expect(prefixOf(bags[0], 0.5, df)).toEqual([e, f, c, d]);
    expect(prefixOf(bags[0], 0.9, df)).toEqual([e]);
    expect(prefixOf(vocabulary.bagOf('d d d c'), 0.5, df)).toEqual([c, d]);
  });
});
