import { Alignment } from './analyzer.types';
import { alignProvisions } from './provision.aligner';
import { splitProvisions } from './provision.splitter';

const doc = (...paragraphs: string[]): string => paragraphs.join('\n\n');
const A = 'We collect your email address and the pages you visit on the site.';
const B = 'We keep your data for as long as your account is open and then delete it.';
const C = 'You may ask us for a copy of the personal data we hold about you at any time.';
const D = 'We use cookies to remember your preferences and to measure how the site is used.';

function ops(before: string, after: string): Alignment[] {
  return alignProvisions(splitProvisions(before), splitProvisions(after));
}

function covers(before: string, after: string): void {
  const alignments = ops(before, after);
  const b = alignments.flatMap((a) => a.before).sort((x, y) => x - y);
  const a = alignments.flatMap((x) => x.after).sort((x, y) => x - y);
  expect(b).toEqual(splitProvisions(before).map((p) => p.index));
  expect(a).toEqual(splitProvisions(after).map((p) => p.index));
}

describe('alignProvisions', () => {
  test.each([
    ['identical', doc(A, B), doc(A, B), [['identical', [0], [0]], ['identical', [1], [1]]]],
    ['reworded', doc(A, B), doc(A, B.replace('delete it', 'delete it within 30 days')), [['identical', [0], [0]], ['reworded', [1], [1]]]],
    ['added', doc(A, B), doc(A, C, B), [['identical', [0], [0]], ['added', [], [1]], ['identical', [1], [2]]]],
    ['removed', doc(A, C, B), doc(A, B), [['identical', [0], [0]], ['removed', [1], []], ['identical', [2], [1]]]],
    ['moved', doc(A, B, C, D), doc(B, C, D, A), [['identical', [1], [0]], ['identical', [2], [1]], ['identical', [3], [2]], ['moved', [0], [3]]]],
    ['split', doc(`${A} ${B}`, C), doc(A, B, C), [['split', [0], [0, 1]], ['identical', [1], [2]]]],
    ['merged', doc(A, B, C), doc(`${A} ${B}`, C), [['merged', [0, 1], [0]], ['identical', [2], [1]]]],
  ])('%s', (_name, before, after, expected) => {
    expect(ops(before, after).map((a) => [a.op, a.before, a.after])).toEqual(expected);
    covers(before, after);
  });

  test('an unrelated rewrite is a removal and an addition, not a rewording', () => {
    expect(ops(doc(A, B), doc(A, D)).map((a) => a.op)).toEqual(['identical', 'removed', 'added']);
  });

  test('a reworded pair carries its similarity', () => {
    const [, reworded] = ops(doc(A, B), doc(A, B.replace('open', 'active')));
    expect(reworded.similarity).toBeGreaterThan(0.8);
    expect(reworded.similarity).toBeLessThan(1);
  });
});
