import { Document, DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { extract } from '@clausewatch/extract';
import { createTestDatabase, FixtureSite, readCorpusPage, TestDatabase } from '@clausewatch/testing';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startCaptureContext } from '../testing/capture-context';
import { CheckDocument } from './check-document.use-case';

const PAGE = 'sites/midjourney/terms-of-service/2025-06-23.html';

/** The corpus page with one more character in its text (in its first clause). */
function oneCharacterLonger(html: string): string {
  return html.replace('Thank you for using', 'Thank you for using!');
}

describe('a page whose text is over MAX_TEXT_CHARS (real PostgreSQL, fixture site)', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let length: number;

  beforeAll(async () => {
    const html = readCorpusPage(PAGE).toString('utf8');
    length = (await extract({ body: html, contentType: 'text/html', url: 'https://example.test/' })).markdown.length;
    // The test is about a difference of one character: make sure that is what the two pages differ by.
    expect((await extract({ body: oneCharacterLonger(html), contentType: 'text/html', url: 'https://example.test/' })).markdown.length).toBe(length + 1);
    database = await createTestDatabase();
    site = await FixtureSite.start();
    site.serve('/at-bound', { body: Buffer.from(html), contentType: 'text/html; charset=utf-8' });
    site.serve('/over-bound', { body: Buffer.from(oneCharacterLonger(html)), contentType: 'text/html; charset=utf-8' });
    ({ app, dataSource } = await startCaptureContext(database.url, { ALLOW_PRIVATE_NETWORKS: 'true', MAX_TEXT_CHARS: String(length) }));
  });

  afterAll(async () => {
    await app?.close();
    await site?.stop();
    await database?.drop();
  });

  async function documentAt(...paths: string[]): Promise<Document> {
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const type = paths.map((p) => p.slice(1)).join('+');
    const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: type, type, sources: paths.map((p) => ({ url: site.url(p) })), fetcher: 'http', checkIntervalMinutes: 60 });
    return document;
  }

  it('records a page over the bound as a permanent too-large check, with no version', async () => {
    const document = await documentAt('/over-bound');
    const result = await app.get(CheckDocument).check(document, 'manual');
    expect(result).toMatchObject({ outcome: 'too-large', transient: false, version: null, change: null, created: false });
    expect(result.cause).toContain('MAX_TEXT_CHARS');
    const checks = await dataSource.query(`SELECT outcome, cause FROM checks WHERE document_id = $1`, [document.id]);
    expect(checks).toEqual([{ outcome: 'too-large', cause: expect.stringContaining(`${length + 1} characters`) }]);
    expect(await dataSource.query(`SELECT id FROM versions WHERE document_id = $1`, [document.id])).toEqual([]);
  });

  it('records a page exactly at the bound as a version', async () => {
    const document = await documentAt('/at-bound');
    const result = await app.get(CheckDocument).check(document, 'manual');
    expect(result).toMatchObject({ outcome: 'ok', created: true });
    expect(result.version!.markdown).toHaveLength(length);
  });

  it('records a combined document whose pages are each within the bound but together over it as too-large', async () => {
    const document = await documentAt('/at-bound', '/at-bound');
    const result = await app.get(CheckDocument).check(document, 'manual');
    expect(result).toMatchObject({ outcome: 'too-large', transient: false, version: null });
    // The two pages' texts joined by a blank line.
    expect(result.cause).toBe(`too-large: the extracted text has ${2 * length + 2} characters, more than MAX_TEXT_CHARS (${length})`);
  });
});
