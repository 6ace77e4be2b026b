import { basename } from 'node:path';
import { OTA_HISTORY_KEY, OTA_SOURCE_KEYS, OTA_TERMS_EXTRA_KEYS, OTA_TERMS_KEYS } from './catalog.constants';
import { CatalogErrorCode } from './catalog.error';
import type { Selector } from '@clausewatch/extract';
import type { CatalogDocument, CatalogEntry, CatalogHistoricalDocument, CatalogSource } from './catalog.types';
import {
  at,
  describe,
  fail,
  FieldLocation,
  isPlainObject,
  kebabCase,
  readFilters,
  readOptionalBoolean,
  readSelectors,
  readUrl,
  readValidUntil,
  rejectUnknownKeys,
} from './declaration-fields.validator';

/** The result of parsing, with what was accepted but not fully honoured. */
export interface ParsedDeclaration<T> {
  value: T;
  warnings: string[];
}

/** Terms-level values, already validated, that a combined page inherits when it does not set its own. */
interface SourceDefaults {
  url?: string;
  select?: Selector[];
  remove?: Selector[];
  filter?: string[];
  executeClientScripts?: boolean;
}

interface ParsedSource {
  source: CatalogSource;
  executeClientScripts: boolean;
}

function readSourceFields(raw: Record<string, unknown>, location: FieldLocation, warnings: string[]): SourceDefaults {
  return {
    url: raw.fetch === undefined ? undefined : readUrl(raw.fetch, at(location, 'fetch')),
    select: readSelectors(raw.select, at(location, 'select')),
    remove: readSelectors(raw.remove, at(location, 'remove')),
    filter: readFilters(raw.filter, at(location, 'filter'), warnings),
    executeClientScripts: readOptionalBoolean(raw.executeClientScripts, at(location, 'executeClientScripts')),
  };
}

function parseSource(raw: Record<string, unknown>, defaults: SourceDefaults, location: FieldLocation, warnings: string[]): ParsedSource {
  // OTA's engine resolves each combined page with `page.x ?? terms.x`: a page's own value replaces the
  // terms-level one entirely (selectors are not merged).
  const own = readSourceFields(raw, location, warnings);
  const url = own.url ?? defaults.url;
  if (url === undefined) fail(CatalogErrorCode.MissingFetch, location, 'missing "fetch" URL');
  const source: CatalogSource = { url };
  const select = raw.select !== undefined ? own.select : defaults.select;
  const remove = raw.remove !== undefined ? own.remove : defaults.remove;
  const filter = raw.filter !== undefined ? own.filter : defaults.filter;
  if (select) source.select = select;
  if (remove) source.remove = remove;
  if (filter) source.filter = filter;
  const executeClientScripts = own.executeClientScripts ?? defaults.executeClientScripts ?? false;
  return { source, executeClientScripts };
}

function parseTerms(raw: unknown, title: string, location: FieldLocation, warnings: string[], historical: boolean): CatalogDocument {
  if (!isPlainObject(raw)) {
    fail(CatalogErrorCode.InvalidProperty, location, `expected an object with "fetch" or "combine", got ${describe(raw)}`);
  }
  const sourceKeys: string[] = [...OTA_SOURCE_KEYS, ...(historical ? [OTA_HISTORY_KEY] : [])];
  let parsed: ParsedSource[];
  if (raw.combine === undefined) {
    rejectUnknownKeys(raw, sourceKeys, location);
    parsed = [parseSource(raw, {}, location, warnings)];
  } else {
    rejectUnknownKeys(raw, [...sourceKeys, ...OTA_TERMS_EXTRA_KEYS], location);
    const defaults = readSourceFields(raw, location, warnings);
    const combineLocation = at(location, 'combine');
    if (!Array.isArray(raw.combine) || raw.combine.length === 0) {
      fail(CatalogErrorCode.InvalidCombine, combineLocation, `expected a non-empty array of pages, got ${describe(raw.combine)}`);
    }
    parsed = raw.combine.map((page: unknown, index: number) => {
      const pageLocation = at(combineLocation, index);
      if (!isPlainObject(page)) {
        fail(CatalogErrorCode.InvalidCombine, pageLocation, `expected an object with "fetch", got ${describe(page)}`);
      }
      rejectUnknownKeys(page, OTA_SOURCE_KEYS, pageLocation);
      return parseSource(page, defaults, pageLocation, warnings);
    });
  }
  return {
    type: kebabCase(title),
    title,
    sources: parsed.map((page) => page.source),
    // One fetcher serves the whole document, so one page that needs scripts makes it a browser document.
    fetcher: parsed.some((page) => page.executeClientScripts) ? 'browser' : 'auto',
  };
}

function readTermsType(title: string, location: FieldLocation, seen: Map<string, string>): string {
  const type = kebabCase(title);
  if (title.trim() === '' || type === '') {
    fail(CatalogErrorCode.InvalidTermsType, location, `terms type ${JSON.stringify(title)} has no letters or digits`);
  }
  const clash = seen.get(type);
  if (clash !== undefined) {
    fail(CatalogErrorCode.InvalidTermsType, location, `terms types ${JSON.stringify(clash)} and ${JSON.stringify(title)} both give the type "${type}"`);
  }
  seen.set(type, title);
  return type;
}

function readTermsObject(json: Record<string, unknown>, location: FieldLocation): Record<string, unknown> {
  const key = OTA_TERMS_KEYS.find((candidate) => json[candidate] !== undefined);
  if (key === undefined) fail(CatalogErrorCode.MissingTerms, location, 'missing "terms" (or the older "documents") object');
  const terms = json[key];
  if (!isPlainObject(terms)) fail(CatalogErrorCode.MissingTerms, at(location, key), `expected an object of terms types, got ${describe(terms)}`);
  if (Object.keys(terms).length === 0) fail(CatalogErrorCode.MissingTerms, at(location, key), 'declares no terms');
  return terms;
}

/** As `parseOtaDeclaration`, also returning what was accepted but not honoured (filter parameters). */
export function parseOtaDeclarationDetailed(json: unknown, fileName: string): ParsedDeclaration<CatalogEntry> {
  const root: FieldLocation = { file: fileName, path: '' };
  if (!isPlainObject(json)) fail(CatalogErrorCode.NotAnObject, root, `a service declaration must be a JSON object, got ${describe(json)}`);
  if (typeof json.name !== 'string' || json.name.trim() === '') {
    fail(CatalogErrorCode.MissingName, at(root, 'name'), `missing service name (expected a non-empty string, got ${describe(json.name)})`);
  }
  const name = json.name.trim();
  // A name in another script (e.g. '微信') has no ASCII letters: the OTA file name is the service ID then.
  const slug = kebabCase(name) || kebabCase(basename(fileName).replace(/\.json$/i, ''));
  if (slug === '') fail(CatalogErrorCode.InvalidSlug, at(root, 'name'), `cannot make a slug from ${JSON.stringify(name)} or the file name`);

  const warnings: string[] = [];
  const terms = readTermsObject(json, root);
  const termsLocation = at(root, OTA_TERMS_KEYS.find((key) => json[key] !== undefined) ?? 'terms');
  const seen = new Map<string, string>();
  const documents = Object.entries(terms).map(([title, raw]) => {
    const location = at(termsLocation, JSON.stringify(title));
    readTermsType(title, location, seen);
    return parseTerms(raw, title, location, warnings, false);
  });
  const entry: CatalogEntry = { slug, name, documents };
  if (json.homepage !== undefined) entry.homepage = readUrl(json.homepage, at(root, 'homepage'));
  return { value: entry, warnings };
}

/**
 * Parses an Open Terms Archive service declaration (`declarations/<Service>.json`).
 * `fileName` only names the file in error messages (and gives the slug when the name has no ASCII letters).
 * Throws a `CatalogError` on anything OTA's own validator would reject that matters here.
 */
export function parseOtaDeclaration(json: unknown, fileName: string): CatalogEntry {
  return parseOtaDeclarationDetailed(json, fileName).value;
}

/** As `parseOtaHistory`, also returning what was accepted but not honoured. */
export function parseOtaHistoryDetailed(json: unknown, fileName: string): ParsedDeclaration<CatalogHistoricalDocument[]> {
  const root: FieldLocation = { file: fileName, path: '' };
  if (!isPlainObject(json)) fail(CatalogErrorCode.NotAnObject, root, `a history file must be a JSON object of terms types, got ${describe(json)}`);
  const warnings: string[] = [];
  const history: CatalogHistoricalDocument[] = [];
  const seen = new Map<string, string>();
  for (const [title, entries] of Object.entries(json)) {
    const location = at(root, JSON.stringify(title));
    readTermsType(title, location, seen);
    if (!Array.isArray(entries)) fail(CatalogErrorCode.InvalidHistory, location, `expected an array of earlier declarations, got ${describe(entries)}`);
    entries.forEach((raw: unknown, index: number) => {
      const entryLocation = at(location, index);
      const document = parseTerms(raw, title, entryLocation, warnings, true);
      const validUntil = readValidUntil((raw as Record<string, unknown>)[OTA_HISTORY_KEY], at(entryLocation, OTA_HISTORY_KEY));
      history.push({ ...document, validUntil });
    });
  }
  history.sort((a, b) => a.type.localeCompare(b.type) || a.validUntil.localeCompare(b.validUntil));
  return { value: history, warnings };
}

/**
 * Parses an OTA `<Service>.history.json`: `{ "<Terms Type>": [ { ...declaration, "validUntil": ISO } ] }`.
 * Each entry is the declaration that was in force up to `validUntil`; the result is sorted by type then date.
 */
export function parseOtaHistory(json: unknown, fileName: string): CatalogHistoricalDocument[] {
  return parseOtaHistoryDetailed(json, fileName).value;
}
