import { splitProvisions } from '@clausewatch/analyzer';
import { heldRowsOf, packHeldColumns, packHeldProvisions, PackedHeldRows, PackedProvisionTexts, packProvisions, unpackProvisions } from './packed-provisions';

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

describe('packed held provisions', () => {
  const rows = [
    { position: 0, provisionId: '17', text: 'Intro without heading.', firstSeenAt: new Date('2025-06-02T10:00:00.123Z') },
    { position: 1, provisionId: '9007199254740993', text: 'ünïcödé, emoji 🙂, NUL \u0000 and bidi \u202e', firstSeenAt: new Date('2026-01-01T00:00:00Z') },
    { position: 3, provisionId: '18', text: '', firstSeenAt: new Date(0) },
  ];

  it('reads back the rows it packed, one at a time, after crossing a thread (structured clone)', () => {
    const packed = structuredClone(packHeldProvisions(rows));
    const read = new PackedHeldRows(packed);
    expect(read.length).toBe(3);
    expect(heldRowsOf(read)).toEqual(rows);
    expect([read.at(-1), read.at(3)]).toEqual([undefined, undefined]);
    expect(packed.provisionIds).toBe('179007199254740993' + '18');
  });

  it('packs the columns heldBy reads as the rows they describe, and passes packed rows on as they are', () => {
    const packed = packHeldColumns({ positions: rows.map((r) => r.position), provisionIds: rows.map((r) => r.provisionId), texts: rows.map((r) => r.text), firstSeenAt: rows.map((r) => r.firstSeenAt.getTime()) });
    const view = new PackedHeldRows(packed);
    expect(heldRowsOf(view)).toEqual(rows);
    expect(packHeldProvisions(view)).toBe(packed);
    expect(heldRowsOf(new PackedHeldRows(packHeldProvisions([])))).toEqual([]);
  });
});
