import { readFileSync } from 'node:fs';
import { BUNDLED_CATALOG_MIN_PLATFORMS } from './catalog.constants';
import { CatalogError, CatalogErrorCode } from './catalog.error';
import type { CatalogEntry } from './catalog.types';
import { bundledCatalog, bundledCatalogPath, validateBundledCatalog } from './bundled-catalog.loader';

describe('bundledCatalog', () => {
  let catalog: CatalogEntry[];
  beforeAll(() => {
    catalog = bundledCatalog();
  });

  it(`has at least ${BUNDLED_CATALOG_MIN_PLATFORMS} platforms with unique kebab-case slugs`, () => {
    expect(catalog.length).toBeGreaterThanOrEqual(BUNDLED_CATALOG_MIN_PLATFORMS);
    const slugs = catalog.map((entry) => entry.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every platform a terms of service and a privacy policy, every URL in https', () => {
    for (const entry of catalog) {
      const types = entry.documents.map((document) => document.type);
      expect({ platform: entry.name, hasTerms: types.includes('terms-of-service'), hasPrivacy: types.includes('privacy-policy') }).toEqual({
        platform: entry.name,
        hasTerms: true,
        hasPrivacy: true,
      });
      const urls = [entry.homepage, ...entry.documents.flatMap((document) => document.sources.map((source) => source.url))];
      for (const url of urls) expect({ platform: entry.name, url: url?.startsWith('https://') ? 'https' : url }).toEqual({ platform: entry.name, url: 'https' });
    }
  });

  it('includes Midjourney with its help-centre pages', () => {
    const midjourney = catalog.find((entry) => entry.slug === 'midjourney');
    expect(midjourney?.documents.map((document) => [document.title, document.sources[0].url])).toEqual([
      ['Terms of Service', 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service'],
      ['Privacy Policy', 'https://docs.midjourney.com/hc/en-us/articles/32083472637453-Privacy-Policy'],
    ]);
  });

  it('spans the kinds of platform users ask about', () => {
    const slugs = catalog.map((entry) => entry.slug);
    // Social, search, e-commerce, AI, messaging, streaming, developer tools.
    expect(slugs).toEqual(expect.arrayContaining(['facebook', 'google', 'amazon', 'openai', 'whatsapp', 'netflix', 'github']));
  });

  it('is the file beside the module, parsed with the declaration parser', () => {
    const raw = JSON.parse(readFileSync(bundledCatalogPath(), 'utf8')) as { platforms: unknown[] };
    expect(raw.platforms).toHaveLength(catalog.length);
  });
});

describe('validateBundledCatalog', () => {
  const platform = (name: string, terms: Record<string, unknown>) => ({ name, terms });
  const both = { 'Terms of Service': { fetch: 'https://a.example/terms' }, 'Privacy Policy': { fetch: 'https://a.example/privacy' } };

  function problems(json: unknown): string {
    try {
      validateBundledCatalog(json, 'catalog.json');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).code).toBe(CatalogErrorCode.InvalidBundledCatalog);
      return (error as Error).message;
    }
    throw new Error('expected the catalog to be rejected');
  }

  it('accepts a well-formed catalog', () => {
    expect(validateBundledCatalog({ platforms: [platform('Alpha', both), platform('Beta', both)] }, 'catalog.json').map((entry) => entry.slug)).toEqual([
      'alpha',
      'beta',
    ]);
  });

  it('reports every problem at once, naming the platform', () => {
    const message = problems({
      platforms: [
        platform('Alpha', both),
        platform('ALPHA', both),
        platform('Plain', { ...both, 'Privacy Policy': { fetch: 'http://plain.example/privacy' } }),
        platform('Termsless', { 'Privacy Policy': { fetch: 'https://t.example/privacy' } }),
        platform('Broken', { 'Terms of Service': { select: 'main' } }),
      ],
    });
    expect(message).toContain('catalog.json platforms[1] (ALPHA): slug "alpha" is already used by platforms[0]');
    expect(message).toContain('catalog.json platforms[2] (Plain): http://plain.example/privacy is not https');
    expect(message).toContain('catalog.json platforms[3] (Termsless): no "terms-of-service" document');
    expect(message).toContain('catalog.json platforms[4]: terms."Terms of Service": missing "fetch" URL');
  });

  it('rejects a file without a platforms array', () => {
    expect(problems([platform('Alpha', both)])).toBe('catalog.json: expected an object with a "platforms" array');
  });
});
