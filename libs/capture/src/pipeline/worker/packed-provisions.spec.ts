import { splitProvisions } from '@clausewatch/analyzer';
import { PackedProvisionTexts, packProvisions, unpackProvisions } from './packed-provisions';

describe('packed provisions', () => {
  const markdown = [
    'Intro without heading.',
    '# Terms',
    'We never share it.',
    '## Data',
    '- a list item',
    '- another: ünïcödé, emoji 🙂, NUL \u0000 and bidi \u202e',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '## Data',
    'Same heading again.',
    '# Other',
    '',
  ].join('\n\n');

  it('gives back the provisions it packed, after crossing a thread (structured clone)', () => {
    const provisions = splitProvisions(markdown);
    expect(new Set(provisions.map((p) => p.kind)).size).toBeGreaterThan(2);
    const unpacked = unpackProvisions(structuredClone(packProvisions(provisions)));
    expect(unpacked).toEqual(provisions);
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(provisions));
  });

  it('gives each provision a heading array of its own', () => {
    const unpacked = unpackProvisions(packProvisions(splitProvisions('# A\n\none\n\ntwo')));
    unpacked[1].headingPath.push('x');
    expect(unpacked[2].headingPath).toEqual(['A']);
  });

  it('packs no provisions', () => {
    expect(unpackProvisions(packProvisions([]))).toEqual([]);
  });

  it('reads as the lineage write reads provisions (ProvisionTexts), one at a time', () => {
    const provisions = splitProvisions(markdown);
    const texts = new PackedProvisionTexts(structuredClone(packProvisions(provisions)));
    expect(texts.length).toBe(provisions.length);
    const read = Array.from({ length: texts.length }, (_, i) => texts.at(i));
    expect(read).toEqual(provisions.map(({ index, headingPath, text, fingerprint }) => ({ index, headingPath, text, fingerprint })));
    expect([texts.at(-1), texts.at(provisions.length)]).toEqual([undefined, undefined]);
  });
});
