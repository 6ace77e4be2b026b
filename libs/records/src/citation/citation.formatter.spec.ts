// citation-js loads node-fetch (ESM only, which jest cannot require) for remote inputs; parsing
// strings never fetches, and a unit test must not reach the network anyway.
jest.mock('node-fetch', () => ({
  __esModule: true,
  default: () => Promise.reject(new Error('no network in unit tests')),
  Headers: class {},
}));

import { Cite, CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { RecordsErrorCode } from '../records.error';
import { CitationFormat, CitationView, quoteOf } from './citation-view';
import { formatCitation } from './citation.formatter';

const version: CitationView = {
  entityName: 'Midjourney',
  documentTitle: 'Terms of Service',
  documentType: 'terms of service',
  recordId: 'CW-V-0001234',
  kind: 'V',
  capturedAt: '2025-06-23T06:30:00.000Z',
  textSha256: '9f2c0b1e6f6a8c1d3b5e7a9c0d2f4b6a8c0e2d4f6a8b0c2e4d6f8a0b2c4d6e8f',
  rawSha256: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
  sourceUrl: 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service',
  permalinkUrl: 'https://clausewatch.example/r/CW-V-0001234',
  accessedDate: '2026-03-02',
};

// Every LaTeX special, a line break, a comma in a corporate name and non-ASCII text.
const hostile: CitationView = {
  ...version,
  entityName: 'Acme, Inc. & Co_{Ltd} 100% #1',
  documentTitle: 'Terms $ Conditions ~ ^ \\ {draft}\nSection_2 – Términos',
  documentType: 'terms of service',
  sourceUrl: 'https://acme.example/legal/terms_of%20service?x=1&y={2}#top',
};

function importAs(format: CitationFormat, view: CitationView): CslItem {
  const items = new Cite(formatCitation(view, format)).data;
  expect(items).toHaveLength(1);
  return items[0];
}

const authorName = (item: CslItem): string | undefined => item.author?.[0]?.literal ?? item.author?.[0]?.family;

describe('formatCitation', () => {
  it('writes a plain-text citation with entity, document, record ID, capture time, SHA-256, URLs and access date', () => {
    expect(formatCitation(version, 'text')).toBe(
      'Midjourney. “Terms of Service” (terms of service). Clausewatch version record CW-V-0001234, captured 2025-06-23 06:30:00 UTC, ' +
        'text SHA-256 9f2c0b1e6f6a8c1d3b5e7a9c0d2f4b6a8c0e2d4f6a8b0c2e4d6f8a0b2c4d6e8f, raw SHA-256 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9, ' +
        'source https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service. https://clausewatch.example/r/CW-V-0001234 (accessed 2026-03-02).',
    );
  });

  it.each<CitationFormat>(['bibtex', 'ris', 'csl-json'])('%s imports with the title, author, dates, permalink and record ID intact', (format) => {
    const item = importAs(format, version);
    expect(item.title).toBe('Terms of Service');
    expect(authorName(item)).toBe('Midjourney');
    expect(item.issued?.['date-parts']).toEqual([[2025, 6, 23]]);
    expect(item.accessed?.['date-parts']).toEqual([[2026, 3, 2]]);
    expect(item.URL).toBe(version.permalinkUrl);
    expect(item.note).toContain('CW-V-0001234');
    expect(item.note).toContain(version.textSha256);
    expect(item.note).toContain(version.sourceUrl);
  });

  it('escapes BibTeX specials so the parsed title, author and note equal the originals', () => {
    const bibtex = formatCitation(hostile, 'bibtex');
    expect(bibtex).not.toMatch(/[^\\][&%#_$]/);
    const item = importAs('bibtex', hostile);
    expect(item.title).toBe('Terms $ Conditions ~ ^ \\ {draft} Section_2 – Términos');
    expect(authorName(item)).toBe('Acme, Inc. & Co_{Ltd} 100% #1');
    expect(item.note).toContain(hostile.sourceUrl);
  });

  it('keeps every RIS value on one line and a corporate name in one piece', () => {
    const ris = formatCitation(hostile, 'ris');
    for (const line of ris.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const item = importAs('ris', hostile);
    expect(item.title).toBe('Terms $ Conditions ~ ^ \\ {draft} Section_2 – Términos');
    expect(item.author).toEqual([{ literal: 'Acme Inc. & Co_{Ltd} 100% #1' }]);
    expect(item.publisher).toBe(hostile.entityName);
    expect(item.note).toContain(hostile.sourceUrl);
  });

  it('writes CSL-JSON that round-trips the hostile view, with the title on one line as in every format', () => {
    const item = importAs('csl-json', hostile);
    expect(item.title).toBe('Terms $ Conditions ~ ^ \\ {draft} Section_2 – Términos');
    expect(item.author).toEqual([{ literal: hostile.entityName }]);
    expect(item.archive_location).toBe('CW-V-0001234');
  });

  it('cites a provision and a platform without inventing a document or a capture', () => {
    const provision = formatCitation({ ...version, recordId: 'CW-P-010977', kind: 'P', permalinkUrl: 'https://clausewatch.example/r/CW-P-010977' }, 'text');
    expect(provision).toContain('“Terms of Service, provision CW-P-010977”');
    const platform: CitationView = { entityName: 'Midjourney', recordId: 'CW-E-00012', kind: 'E', permalinkUrl: 'https://clausewatch.example/r/CW-E-00012', accessedDate: new Date('2026-03-02T23:59:00Z') };
    expect(formatCitation(platform, 'text')).toBe('Midjourney. Clausewatch platform record CW-E-00012. https://clausewatch.example/r/CW-E-00012 (accessed 2026-03-02).');
    const item = importAs('bibtex', platform);
    expect(item.issued).toBeUndefined();
    expect(item.title).toBe('Midjourney');
  });

  it('refuses an unknown format and a view whose kind contradicts its ID', () => {
    expect(() => formatCitation(version, 'endnote' as CitationFormat)).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidArgument }));
    expect(() => formatCitation({ ...version, kind: 'C' }, 'text')).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidArgument }));
    expect(() => formatCitation({ ...version, textSha256: 'ABC' }, 'text')).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidArgument }));
  });
});

const CLAUSE =
  'By submitting content you grant Midjourney a perpetual, worldwide, non-exclusive, sublicensable, no-charge, royalty-free, irrevocable copyright license to reproduce it. ' +
  'This licence survives termination of these terms. You remain the owner of the content you submit, to the extent any rights subsist in it under the law that applies to you.';

const KINDS: Array<[string, CitationView]> = [
  ['platform', { entityName: 'Midjourney', recordId: 'CW-E-00012', kind: 'E', permalinkUrl: 'https://clausewatch.example/r/CW-E-00012', sourceUrl: 'https://midjourney.com', accessedDate: '2026-03-02' }],
  ['document', { entityName: 'Midjourney', documentTitle: 'Terms of Service', documentType: 'terms of service', recordId: 'CW-D-00094', kind: 'D', permalinkUrl: 'https://clausewatch.example/r/CW-D-00094', sourceUrl: version.sourceUrl, accessedDate: '2026-03-02' }],
  ['version', version],
  ['change', { ...version, recordId: 'CW-C-004512', kind: 'C', permalinkUrl: 'https://clausewatch.example/r/CW-C-004512' }],
  ['provision', { ...version, recordId: 'CW-P-010977', kind: 'P', permalinkUrl: 'https://clausewatch.example/r/CW-P-010977', section: ['10. Content Rights', 'Your licence to us'], quote: CLAUSE }],
];

const TITLES: Record<string, string> = {
  platform: 'Midjourney',
  document: 'Terms of Service',
  version: 'Terms of Service',
  change: 'Terms of Service, change record CW-C-004512',
  provision: 'Terms of Service, § 10. Content Rights › Your licence to us, provision CW-P-010977',
};

// Every kind in every format: no doubled word, and what a reference manager reads back is what we meant.
describe('formatCitation: every record kind, every format', () => {
  it.each(KINDS)('%s: the plain text never doubles a word ("change record record")', (_name, view) => {
    const text = formatCitation(view, 'text');
    expect(text).not.toMatch(/\b(\w+) \1\b/i);
    expect(text).toContain(view.recordId);
  });

  for (const format of ['bibtex', 'ris', 'csl-json'] as CitationFormat[]) {
    it.each(KINDS)(`%s: ${format} parses back with its fields equal`, (name, view) => {
      const raw = formatCitation(view, format);
      expect(raw).not.toMatch(/\brecord record\b/);
      const item = importAs(format, view);
      expect(item.title).toBe(TITLES[name]);
      expect(authorName(item)).toBe('Midjourney');
      expect(item.URL).toBe(view.permalinkUrl);
      expect(item.accessed?.['date-parts']).toEqual([[2026, 3, 2]]);
      expect(item.issued?.['date-parts']).toEqual(view.capturedAt ? [[2025, 6, 23]] : undefined);
      expect(item.note).toContain(`Clausewatch ${name === 'change' ? 'change' : `${name} record`}`);
      expect(item.note).toContain(view.recordId);
      if (view.textSha256) expect(item.note).toContain(`text SHA-256 ${view.textSha256}`);
      if (view.sourceUrl) expect(item.note).toContain(view.sourceUrl);
      expect(item.abstract).toBe(name === 'provision' ? quoteOf(CLAUSE) : undefined);
    });
  }

  it('quotes a provision (cut at a sentence boundary) and names its section in the text citation', () => {
    const text = formatCitation(KINDS[4][1], 'text');
    expect(text).toContain('“Terms of Service, § 10. Content Rights › Your licence to us, provision CW-P-010977” (terms of service).');
    expect(text).toContain('“By submitting content you grant Midjourney a perpetual');
    expect(text).toContain('This licence survives termination of these terms. […]”');
    expect(text).not.toContain('You remain the owner');
  });
});

describe('formatCitation: the quote as a sentence', () => {
  const provision = KINDS[4][1];

  it('puts a full stop after a quote that has none (a heading), as after the title', () => {
    const text = formatCitation({ ...provision, quote: 'Introduction' }, 'text');
    expect(text).toContain('(terms of service). “Introduction”. Clausewatch provision record CW-P-010977,');
  });

  it('adds no second full stop to a quote that ends a sentence or is cut', () => {
    expect(formatCitation({ ...provision, quote: 'We never sell your data.' }, 'text')).toContain('“We never sell your data.” Clausewatch provision record');
    expect(formatCitation({ ...provision, quote: 'Can we change these terms?' }, 'text')).toContain('“Can we change these terms?” Clausewatch');
    expect(formatCitation(provision, 'text')).toContain('these terms. […]” Clausewatch provision record');
  });

  it('keeps the quoted text itself unchanged in the other formats', () => {
    expect(importAs('csl-json', { ...provision, quote: 'Introduction' }).abstract).toBe('Introduction');
  });
});

describe('quoteOf', () => {
  it('keeps a short clause whole, without Markdown', () => {
    expect(quoteOf('- We **never** sell [your data](https://x.example).')).toBe('We never sell your data.');
  });

  it('cuts a long clause after the last whole sentence that fits', () => {
    expect(quoteOf(CLAUSE)).toBe(`${CLAUSE.split('. ').slice(0, 2).join('. ')}. […]`);
    expect(quoteOf(CLAUSE).length).toBeLessThanOrEqual(310);
  });

  it('cuts at a word with an ellipsis when no sentence ends early enough', () => {
    const long = `${'word '.repeat(100)}end.`;
    const quote = quoteOf(long, 50);
    expect(quote.endsWith('word…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(51);
  });
});

