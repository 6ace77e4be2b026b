import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogError, CatalogErrorCode } from './catalog.error';
import { parseOtaDeclaration, parseOtaDeclarationDetailed, parseOtaHistory } from './ota-declaration.parser';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'declarations', name), 'utf8'));

function thrown(run: () => unknown): CatalogError {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError, nothing was thrown');
}

describe('parseOtaDeclaration', () => {
  it('reads a single-page declaration per terms type, normalising selectors to arrays', () => {
    const entry = parseOtaDeclaration(fixture('Midjourney.json'), 'Midjourney.json');

    expect(entry.slug).toBe('midjourney');
    expect(entry.name).toBe('Midjourney');
    expect(entry.documents.map((document) => [document.type, document.title])).toEqual([
      ['terms-of-service', 'Terms of Service'],
      ['privacy-policy', 'Privacy Policy'],
      ['community-guidelines', 'Community Guidelines'],
    ]);
    const [terms, privacy, guidelines] = entry.documents;
    expect(terms.sources).toEqual([
      {
        url: 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service',
        select: ['.article-body'],
        remove: ['.article-votes', '.article-share', { startBefore: '#related-articles', endAfter: '.article-footer' }],
        filter: ['removeQueryParams'],
      },
    ]);
    expect(privacy.sources[0].select).toEqual([{ startAfter: 'h1.article-title', endBefore: '.article-votes' }]);
    expect(privacy.sources[0].remove).toBeUndefined();
    expect(guidelines.sources[0].select).toEqual(['.article-body']);
  });

  it('uses the browser fetcher only where executeClientScripts is true', () => {
    const entry = parseOtaDeclaration(fixture('Midjourney.json'), 'Midjourney.json');
    expect(Object.fromEntries(entry.documents.map((document) => [document.type, document.fetcher]))).toEqual({
      'terms-of-service': 'auto',
      'privacy-policy': 'auto',
      'community-guidelines': 'browser',
    });
  });

  it('applies terms-level select/remove/filter to combined pages that do not set their own', () => {
    const entry = parseOtaDeclaration(fixture('Example Store.json'), 'Example Store.json');
    const terms = entry.documents.find((document) => document.type === 'terms-of-service');

    expect(terms?.sources).toEqual([
      {
        url: 'https://www.example-store.com/legal/conditions-of-use',
        select: ['main .legal-text'],
        remove: ['.cookie-banner', 'nav.breadcrumbs'],
        filter: ['removeTrackingIds'],
      },
      {
        // Its own select and filter replace the shared ones; remove is still the shared one.
        url: 'https://www.example-store.com/legal/marketplace',
        select: ['#conditions', { startAfter: 'h2#sellers', endBefore: 'footer' }],
        remove: ['.cookie-banner', 'nav.breadcrumbs'],
        filter: ['removeTrackingIds', 'removeQueryParams'],
      },
      {
        url: 'https://www.example-store.com/legal/returns',
        select: ['main .legal-text'],
        remove: ['.chat-widget'],
        filter: ['removeTrackingIds'],
      },
    ]);
    // One page needs scripts, so the whole document goes through the browser.
    expect(terms?.fetcher).toBe('browser');
  });

  it('reads the older "documents" key and a PDF document with only a fetch URL', () => {
    const entry = parseOtaDeclaration(fixture('Example Store.json'), 'Example Store.json');
    expect(entry.slug).toBe('example-store');
    expect(entry.documents.find((document) => document.type === 'privacy-policy')).toEqual({
      type: 'privacy-policy',
      title: 'Privacy Policy',
      sources: [{ url: 'https://www.example-store.com/static/privacy-notice.pdf' }],
      fetcher: 'auto',
    });
  });

  it('keeps the name of a filter given with parameters and reports the parameters it drops', () => {
    const { warnings } = parseOtaDeclarationDetailed(fixture('Example Store.json'), 'Example Store.json');
    expect(warnings).toEqual([expect.stringContaining('parameters of filter "removeQueryParams" (["utm_source","ref"]) are not kept')]);
    expect(warnings[0]).toContain('Example Store.json');
  });

  it('lets a combined page inherit the terms-level executeClientScripts and fetch', () => {
    const entry = parseOtaDeclaration(
      {
        name: 'Shop',
        terms: {
          'Terms of Service': {
            fetch: 'https://shop.example/terms',
            executeClientScripts: true,
            combine: [{ select: '#part-1' }, { select: '#part-2' }],
          },
        },
      },
      'Shop.json',
    );
    expect(entry.documents[0].sources).toEqual([
      { url: 'https://shop.example/terms', select: ['#part-1'] },
      { url: 'https://shop.example/terms', select: ['#part-2'] },
    ]);
    expect(entry.documents[0].fetcher).toBe('browser');
  });

  it('makes slugs and types kebab-case, folding accents and punctuation', () => {
    const entry = parseOtaDeclaration(
      {
        name: 'Société Générale & Co.',
        homepage: 'https://www.societegenerale.com/',
        terms: { 'Community Guidelines - Self-harm': { fetch: 'https://example.com/g' }, 'In-App Purchases Policy': { fetch: 'https://example.com/iap' } },
      },
      'Société Générale.json',
    );
    expect(entry.slug).toBe('societe-generale-co');
    expect(entry.homepage).toBe('https://www.societegenerale.com/');
    expect(entry.documents.map((document) => document.type)).toEqual(['community-guidelines-self-harm', 'in-app-purchases-policy']);
  });

  it('takes the slug from the file name when the name has no ASCII letters', () => {
    const entry = parseOtaDeclaration({ name: '微信', terms: { 'Privacy Policy': { fetch: 'https://weixin.qq.com/privacy' } } }, 'WeChat.json');
    expect(entry.slug).toBe('wechat');
    expect(entry.name).toBe('微信');
  });
});

const valid = { fetch: 'https://example.com/terms', select: 'main' };

describe('parseOtaDeclaration errors', () => {
  it.each([
    ['not an object', [], CatalogErrorCode.NotAnObject, 'Bad.json: a service declaration must be a JSON object, got an array'],
    ['no name', { terms: { 'Terms of Service': valid } }, CatalogErrorCode.MissingName, 'Bad.json: name: missing service name'],
    ['a blank name', { name: '  ', terms: { 'Terms of Service': valid } }, CatalogErrorCode.MissingName, 'got the string "  "'],
    ['no terms', { name: 'Bad' }, CatalogErrorCode.MissingTerms, 'Bad.json: missing "terms" (or the older "documents") object'],
    ['empty terms', { name: 'Bad', terms: {} }, CatalogErrorCode.MissingTerms, 'Bad.json: terms: declares no terms'],
    ['terms not an object', { name: 'Bad', documents: ['x'] }, CatalogErrorCode.MissingTerms, 'Bad.json: documents: expected an object of terms types, got an array'],
    [
      'a missing fetch URL',
      { name: 'Bad', terms: { 'Terms of Service': { select: 'main' } } },
      CatalogErrorCode.MissingFetch,
      'Bad.json: terms."Terms of Service": missing "fetch" URL',
    ],
    [
      'a missing fetch in a combined page',
      { name: 'Bad', terms: { 'Privacy Policy': { combine: [{ fetch: 'https://example.com/a' }, { select: 'main' }] } } },
      CatalogErrorCode.MissingFetch,
      'Bad.json: terms."Privacy Policy".combine[1]: missing "fetch" URL',
    ],
    [
      'a non-http URL',
      { name: 'Bad', terms: { 'Terms of Service': { fetch: 'ftp://example.com/terms.txt' } } },
      CatalogErrorCode.UnsupportedScheme,
      'Bad.json: terms."Terms of Service".fetch: "ftp://example.com/terms.txt" is not an http or https URL',
    ],
    [
      'a relative URL',
      { name: 'Bad', terms: { 'Terms of Service': { fetch: '/legal/terms' } } },
      CatalogErrorCode.InvalidUrl,
      'Bad.json: terms."Terms of Service".fetch: "/legal/terms" is not an absolute URL',
    ],
    [
      'a URL that is not a string',
      { name: 'Bad', terms: { 'Terms of Service': { fetch: 42 } } },
      CatalogErrorCode.InvalidUrl,
      'fetch: expected a URL string, got the number 42',
    ],
    [
      'a selector of the wrong type',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, select: 12 } } },
      CatalogErrorCode.InvalidSelector,
      'Bad.json: terms."Terms of Service".select: expected a CSS selector, a range selector or an array of them, got the number 12',
    ],
    [
      'a bad item in a selector array',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, remove: ['.ad', true] } } },
      CatalogErrorCode.InvalidSelector,
      'Bad.json: terms."Terms of Service".remove[1]: expected a non-empty CSS selector string, got the boolean true',
    ],
    [
      'a range selector without an end',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, select: { startAfter: 'h1' } } } },
      CatalogErrorCode.InvalidSelector,
      'a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter, got {"startAfter":"h1"}',
    ],
    [
      'a range selector with two starts',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, select: { startAfter: 'h1', startBefore: 'h2', endBefore: 'footer' } } } },
      CatalogErrorCode.InvalidSelector,
      'needs exactly one of startBefore/startAfter',
    ],
    [
      'a range selector with an unknown key',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, select: { startAfter: 'h1', endBefore: 'footer', until: 'x' } } } },
      CatalogErrorCode.InvalidSelector,
      'range selector has unknown key(s) until',
    ],
    [
      'filters that are not an array',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, filter: 'removeQueryParams' } } },
      CatalogErrorCode.InvalidFilter,
      'Bad.json: terms."Terms of Service".filter: expected an array of filter names, got the string "removeQueryParams"',
    ],
    [
      'a filter that is not a name',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, filter: [3] } } },
      CatalogErrorCode.InvalidFilter,
      'filter[0]: expected a filter name, got the number 3',
    ],
    [
      'executeClientScripts that is not a boolean',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, executeClientScripts: 'yes' } } },
      CatalogErrorCode.InvalidProperty,
      'Bad.json: terms."Terms of Service".executeClientScripts: expected true or false, got the string "yes"',
    ],
    [
      'a misspelt property',
      { name: 'Bad', terms: { 'Terms of Service': { ...valid, selector: 'main' } } },
      CatalogErrorCode.UnknownProperty,
      'Bad.json: terms."Terms of Service": unknown property "selector" (allowed: fetch, select, remove, filter, executeClientScripts)',
    ],
    [
      'an empty combine',
      { name: 'Bad', terms: { 'Terms of Service': { combine: [] } } },
      CatalogErrorCode.InvalidCombine,
      'Bad.json: terms."Terms of Service".combine: expected a non-empty array of pages, got an array',
    ],
    [
      'a combined page that is a string',
      { name: 'Bad', terms: { 'Terms of Service': { combine: ['https://example.com/a'] } } },
      CatalogErrorCode.InvalidCombine,
      'combine[0]: expected an object with "fetch", got the string "https://example.com/a"',
    ],
    [
      'a terms declaration that is a string',
      { name: 'Bad', terms: { 'Terms of Service': 'https://example.com/terms' } },
      CatalogErrorCode.InvalidProperty,
      'Bad.json: terms."Terms of Service": expected an object with "fetch" or "combine"',
    ],
    [
      'two terms types with the same kebab-case',
      { name: 'Bad', terms: { 'Terms of Service': valid, 'Terms Of Service': valid } },
      CatalogErrorCode.InvalidTermsType,
      'terms types "Terms of Service" and "Terms Of Service" both give the type "terms-of-service"',
    ],
    [
      'a homepage that is not http',
      { name: 'Bad', homepage: 'mailto:legal@example.com', terms: { 'Terms of Service': valid } },
      CatalogErrorCode.UnsupportedScheme,
      'Bad.json: homepage: "mailto:legal@example.com" is not an http or https URL',
    ],
  ])('rejects %s', (_case, json, code, message) => {
    const error = thrown(() => parseOtaDeclaration(json, 'Bad.json'));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});

describe('parseOtaHistory', () => {
  it('reads earlier declarations with their validUntil, sorted by type then date', () => {
    const history = parseOtaHistory(fixture('Midjourney.history.json'), 'Midjourney.history.json');
    expect(history.map((document) => [document.type, document.validUntil, document.fetcher, document.sources[0].select])).toEqual([
      ['privacy-policy', '2024-11-20T10:12:44.000Z', 'auto', ['main article']],
      ['terms-of-service', '2023-03-02T08:00:00.000Z', 'browser', ['main article']],
      ['terms-of-service', '2024-11-20T10:12:44.000Z', 'auto', ['.notion-page-content']],
    ]);
    expect(history[2].sources[0]).toEqual({
      url: 'https://docs.midjourney.com/docs/terms-of-service',
      select: ['.notion-page-content'],
      remove: ['.notion-table-of-contents'],
    });
  });

  it.each([
    ['a missing validUntil', { 'Terms of Service': [valid] }, 'Old.history.json: "Terms of Service"[0].validUntil: expected an ISO 8601 date-time'],
    ['a date that is not a date-time', { 'Terms of Service': [{ ...valid, validUntil: 'last year' }] }, 'got the string "last year"'],
    ['a type that is not a list', { 'Terms of Service': valid }, 'Old.history.json: "Terms of Service": expected an array of earlier declarations, got an object'],
  ])('rejects %s', (_case, json, message) => {
    const error = thrown(() => parseOtaHistory(json, 'Old.history.json'));
    expect(error.code).toBe(CatalogErrorCode.InvalidHistory);
    expect(error.message).toContain(message);
  });

  it('does not accept validUntil in a current declaration', () => {
    const error = thrown(() => parseOtaDeclaration({ name: 'Now', terms: { 'Terms of Service': { ...valid, validUntil: '2024-01-01T00:00:00Z' } } }, 'Now.json'));
    expect(error.code).toBe(CatalogErrorCode.UnknownProperty);
    expect(error.message).toContain('unknown property "validUntil"');
  });
});
