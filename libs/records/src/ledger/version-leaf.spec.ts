import { createHash } from 'node:crypto';
import { RecordsErrorCode } from '../records.error';
import { hashLeaf } from '../merkle/merkle.hasher';
import { versionLeaf, VersionLeafInput } from './version-leaf';

const input: VersionLeafInput = {
  recordId: 'CW-V-0001234',
  documentId: 'CW-D-00094',
  capturedAt: '2025-06-23T06:30:00.000Z',
  rawSha256: createHash('sha256').update('raw').digest('hex'),
  textSha256: createHash('sha256').update('text').digest('hex'),
  sourceUrl: 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service',
};

describe('versionLeaf', () => {
  it('is sorted-key JSON of the cited fields that anyone can rebuild with JSON.stringify', () => {
    const rebuilt = JSON.stringify({
      capturedAt: input.capturedAt,
      documentId: input.documentId,
      rawSha256: input.rawSha256,
      recordId: input.recordId,
      schema: 'clausewatch.version-leaf/1',
      sourceUrl: input.sourceUrl,
      textSha256: input.textSha256,
    });
    expect(versionLeaf(input).toString('utf8')).toBe(rebuilt);
    expect(versionLeaf({ ...input, capturedAt: new Date(input.capturedAt as string) }).equals(versionLeaf(input))).toBe(true);
  });

  it('gives a different leaf hash when any cited field changes', () => {
    const base = hashLeaf(versionLeaf(input)).toString('hex');
    const variants: Partial<VersionLeafInput>[] = [
      { recordId: 'CW-V-0001235' },
      { documentId: 'CW-D-00095' },
      { capturedAt: '2025-06-23T06:30:00.001Z' },
      { rawSha256: input.textSha256 },
      { textSha256: input.rawSha256 },
      { sourceUrl: `${input.sourceUrl}/` },
    ];
    for (const change of variants) expect(hashLeaf(versionLeaf({ ...input, ...change })).toString('hex')).not.toBe(base);
  });

  it.each<[string, Partial<VersionLeafInput>]>([
    ['a non-canonical time', { capturedAt: '2025-06-23T06:30:00Z' }],
    ['a time with an offset', { capturedAt: '2025-06-23T08:30:00.000+02:00' }],
    ['not a time', { capturedAt: 'yesterday' }],
    ['an uppercase hash', { rawSha256: input.rawSha256.toUpperCase() }],
    ['a short hash', { textSha256: 'abc' }],
    ['a document ID as the version ID', { recordId: 'CW-D-00094' }],
    ['a malformed document ID', { documentId: 'CW-D-94' }],
    ['an empty URL', { sourceUrl: '' }],
  ])('refuses %s rather than normalising it', (_, change) => {
    expect(() => versionLeaf({ ...input, ...change })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^INVALID_/) }));
  });

  it('reports field errors with a typed code', () => {
    expect(() => versionLeaf({ ...input, sourceUrl: '' })).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidArgument }));
  });
});
