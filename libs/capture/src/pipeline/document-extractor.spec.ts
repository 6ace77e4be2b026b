import { Document } from '@clausewatch/db';
import { extractDocument } from './document-extractor';

const OLD_LAYOUT = `<html><body><div id="multi-lang-content"><h1>Privacy</h1><p>Old layout: we collect your email address and the location you choose to share with us.</p></div><div class="nav">Menu</div></body></html>`;
const NEW_LAYOUT = `<html><body><div class="main-content"><h1>Privacy</h1><p>New layout: we collect your email address, your location and the photos you upload to us.</p></div><div class="nav">Menu</div></body></html>`;

function document(): Document {
  return Object.assign(new Document(), {
    sources: [{ url: 'https://example.com/privacy', select: ['.main-content'] }],
    rulesHistory: [
      { validUntil: '2023-12-01T00:00:00.000Z', sources: [{ url: 'https://example.com/privacy', select: ['#multi-lang-content'] }] },
      { validUntil: '2022-01-01T00:00:00.000Z', sources: [{ url: 'https://example.com/old-privacy', select: ['body'] }] },
    ],
    selection: 'clausewatch',
  });
}

const capture = (body: string, capturedAt: string) => ({
  parts: [{ body: Buffer.from(body), contentType: 'text/html; charset=utf-8', url: 'https://example.com/privacy' }],
  url: 'https://example.com/privacy',
  finalUrl: null,
  httpStatus: 200,
  fetcher: 'capture',
  capturedAt: new Date(capturedAt),
});

// Grindr's privacy policy before December 2023 used #multi-lang-content; today's rules match nothing there.
describe('extractDocument: the rules in force at capture time', () => {
  it('extracts an archived capture with the rules of its date, and a recent one with today’s', async () => {
    expect((await extractDocument(document(), capture(OLD_LAYOUT, '2023-06-01T00:00:00.000Z'))).markdown).toContain('Old layout');
    expect((await extractDocument(document(), capture(NEW_LAYOUT, '2024-02-01T00:00:00.000Z'))).markdown).toContain('New layout');
    // Up to and including validUntil, as in Open Terms Archive's history files.
    expect((await extractDocument(document(), capture(OLD_LAYOUT, '2023-12-01T00:00:00.000Z'))).markdown).toContain('Old layout');
    await expect(extractDocument(document(), capture(OLD_LAYOUT, '2023-12-01T00:00:00.001Z'))).rejects.toMatchObject({ code: 'selector-missing' });
  });

  it('picks the earliest entry still valid, whatever order the history is stored in', async () => {
    const markdown = (await extractDocument(document(), capture(OLD_LAYOUT, '2021-06-01T00:00:00.000Z'))).markdown;
    expect(markdown).toContain('Menu');
  });

  it("applies the document's selection semantics", async () => {
    const ota = Object.assign(document(), { sources: [{ url: 'https://example.com/privacy', select: ['.main-content', '#gone'] }], selection: 'ota' });
    expect((await extractDocument(ota, capture(NEW_LAYOUT, '2024-02-01T00:00:00.000Z'))).markdown).toContain('New layout');
    await expect(extractDocument({ ...ota, selection: 'clausewatch' } as Document, capture(NEW_LAYOUT, '2024-02-01T00:00:00.000Z'))).rejects.toMatchObject({ code: 'selector-missing' });
  });
});
