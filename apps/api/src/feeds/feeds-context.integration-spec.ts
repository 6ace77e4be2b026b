import { readCorpusPage } from '@clausewatch/testing';
import * as cheerio from 'cheerio';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';

const TOS = 'sites/midjourney/terms-of-service';

// Atom feeds and cross-platform context over HTTP on a real PostgreSQL: two platforms publish
// the same terms, so each one's closest clause on the other platform is the same clause.
describe('feeds and cross-platform context', () => {
  let api: ApiHarness;
  const documents: Record<string, string> = {};
  const changes: string[] = [];

  const get = (url: string) => api.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    api = await startApi();
    for (const platform of ['Midjourney', 'Copycat Art']) {
      const url = `https://${platform.toLowerCase().replace(/ /g, '')}.example/terms`;
      const created = await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform, title: 'Terms of Service', type: 'terms-of-service', url }, headers: api.admin });
      documents[platform] = created.json().document.id;
      for (const date of ['2025-06-23', '2025-09-10']) {
        const response = await api.app.inject({
          method: 'POST',
          url: `/api/v1/documents/${documents[platform]}/captures?capturedAt=${date}T00:00:00.000Z`,
          payload: readCorpusPage(`${TOS}/${date}.html`),
          headers: { ...api.admin, 'content-type': 'text/html' },
        });
        if (response.json().change) changes.push(response.json().change.id);
      }
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('serves an Atom feed per document and per platform with each change record', async () => {
    expect(changes).toHaveLength(2);
    const response = await get(`/api/v1/feeds/documents/${documents.Midjourney}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const $ = cheerio.load(response.body, { xml: true });
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > title').text()).toBe('Midjourney Terms of Service: changes');
    const entries = $('entry');
    expect(entries).toHaveLength(1);
    expect(entries.find('id').text()).toBe(`http://clausewatch.test/r/${changes[0]}`);
    expect(new Date(entries.find('updated').text()).getTime()).not.toBeNaN();
    expect(entries.find('summary').text().length).toBeGreaterThan(10);

    const platform = cheerio.load((await get('/api/v1/feeds/platforms/copycat-art')).body, { xml: true });
    expect(platform('entry id').text()).toBe(`http://clausewatch.test/r/${changes[1]}`);
    expect((await get('/api/v1/feeds/platforms/nobody')).statusCode).toBe(404);
    expect((await get('/api/v1/feeds/documents/CW-V-0000001')).statusCode).toBe(400);
  });

  it('counts provisions and platforms per clause type and shows how another platform words the same clause', async () => {
    const counts = (await get('/api/v1/context/clause-types')).json().clauseTypes as Array<{ id: string; provisions: number; platforms: number }>;
    const carried = counts.filter((c) => c.provisions > 0);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((c) => c.platforms === 2 && c.provisions % 2 === 0)).toBe(true);

    const db = api.app.get(DataSource);
    const [provision]: Array<{ record_id: string; text: string }> = await db.query(
      `SELECT p.record_id, p.text FROM provisions p JOIN documents d ON d.id = p.document_id WHERE d.record_id = $1 AND p.removed_at IS NULL AND jsonb_array_length(p.clause_types) > 0 ORDER BY length(p.text) DESC LIMIT 1`,
      [documents.Midjourney],
    );
    const context = (await get(`/api/v1/context/provisions/${provision.record_id}`)).json();
    expect(context.clauseTypes.length).toBeGreaterThan(0);
    for (const type of context.clauseTypes) {
      expect(type.platforms).toBe(2);
      expect(type.otherPlatforms[0]).toMatchObject({ platform: { slug: 'copycat-art' }, similarity: 1, text: provision.text });
      expect(type.otherPlatforms.every((o: { platform: { slug: string } }) => o.platform.slug !== 'midjourney')).toBe(true);
    }
    const one = (await get(`/api/v1/context/clause-types/${context.clauseTypes[0].id}`)).json();
    expect(one.byPlatform.map((p: { slug: string }) => p.slug).sort()).toEqual(['copycat-art', 'midjourney']);
    expect((await get('/api/v1/context/clause-types/not-a-type')).statusCode).toBe(404);
    expect((await get(`/api/v1/context/provisions/${documents.Midjourney}`)).statusCode).toBe(400);
  });
});
