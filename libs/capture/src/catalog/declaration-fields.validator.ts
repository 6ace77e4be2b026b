import type { Selector } from '@clausewatch/extract';
import { ALLOWED_URL_PROTOCOLS, RANGE_END_KEYS, RANGE_START_KEYS } from './catalog.constants';
import { CatalogError, CatalogErrorCode } from './catalog.error';

/** Where a value sits, for messages: the file and a path inside it. */
export interface FieldLocation {
  file: string;
  path: string;
}

export function at(location: FieldLocation, step: string | number): FieldLocation {
  const suffix = typeof step === 'number' ? `[${step}]` : location.path ? `.${step}` : step;
  return { file: location.file, path: location.path + suffix };
}

export function fail(code: CatalogErrorCode, location: FieldLocation, problem: string): never {
  throw new CatalogError(code, `${location.file}: ${location.path ? `${location.path}: ` : ''}${problem}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lowercase ASCII words joined by dashes; accents are folded so 'Société' gives 'societe'. */
export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], location: FieldLocation): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    fail(
      CatalogErrorCode.UnknownProperty,
      location,
      `unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (allowed: ${allowed.join(', ')})`,
    );
  }
}

/** An absolute http(s) URL, as the fetchers accept nothing else. */
export function readUrl(value: unknown, location: FieldLocation): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(CatalogErrorCode.InvalidUrl, location, `expected a URL string, got ${describe(value)}`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail(CatalogErrorCode.InvalidUrl, location, `${JSON.stringify(value)} is not an absolute URL`);
  }
  if (!(ALLOWED_URL_PROTOCOLS as readonly string[]).includes(url.protocol)) {
    fail(CatalogErrorCode.UnsupportedScheme, location, `${JSON.stringify(value)} is not an http or https URL`);
  }
  return value.trim();
}

function readCssSelector(value: unknown, location: FieldLocation): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(CatalogErrorCode.InvalidSelector, location, `expected a non-empty CSS selector string, got ${describe(value)}`);
  }
  return value;
}

/** OTA's range: exactly one start anchor and exactly one end anchor, each a CSS selector. */
function readRangeSelector(value: Record<string, unknown>, location: FieldLocation): Selector {
  const keys = Object.keys(value);
  const known: readonly string[] = [...RANGE_START_KEYS, ...RANGE_END_KEYS];
  const unknown = keys.filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    fail(CatalogErrorCode.InvalidSelector, location, `range selector has unknown key(s) ${unknown.join(', ')} (allowed: ${known.join(', ')})`);
  }
  const starts = keys.filter((key) => (RANGE_START_KEYS as readonly string[]).includes(key));
  const ends = keys.filter((key) => (RANGE_END_KEYS as readonly string[]).includes(key));
  if (starts.length !== 1 || ends.length !== 1) {
    fail(
      CatalogErrorCode.InvalidSelector,
      location,
      `a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter, got ${JSON.stringify(value)}`,
    );
  }
  const range: Record<string, string> = {};
  for (const key of [starts[0], ends[0]]) range[key] = readCssSelector(value[key], at(location, key));
  return range;
}

function readSelector(value: unknown, location: FieldLocation): Selector {
  if (isPlainObject(value)) return readRangeSelector(value, location);
  return readCssSelector(value, location);
}

/** A CSS string, a range object, or an array of them, as an array; undefined when absent or empty. */
export function readSelectors(value: unknown, location: FieldLocation): Selector[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const selectors = value.map((item, index) => readSelector(item, at(location, index)));
    return selectors.length > 0 ? selectors : undefined;
  }
  if (typeof value === 'string' || isPlainObject(value)) return [readSelector(value, location)];
  return fail(CatalogErrorCode.InvalidSelector, location, `expected a CSS selector, a range selector or an array of them, got ${describe(value)}`);
}

/**
 * Filter names. Newer OTA collections may also write `{ "name": params }`; the name is kept and the
 * parameters are reported in `warnings`, since no filter code runs here.
 */
export function readFilters(value: unknown, location: FieldLocation, warnings: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    fail(CatalogErrorCode.InvalidFilter, location, `expected an array of filter names, got ${describe(value)}`);
  }
  const names = value.map((item, index) => {
    const itemLocation = at(location, index);
    if (typeof item === 'string' && item.trim() !== '') return item;
    if (isPlainObject(item) && Object.keys(item).length === 1 && Object.keys(item)[0].trim() !== '') {
      const [name, params] = Object.entries(item)[0];
      warnings.push(`${itemLocation.file}: ${itemLocation.path}: parameters of filter "${name}" (${JSON.stringify(params)}) are not kept`);
      return name;
    }
    return fail(CatalogErrorCode.InvalidFilter, itemLocation, `expected a filter name, got ${describe(item)}`);
  });
  return names.length > 0 ? names : undefined;
}

export function readOptionalBoolean(value: unknown, location: FieldLocation): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return fail(CatalogErrorCode.InvalidProperty, location, `expected true or false, got ${describe(value)}`);
}

/** An ISO 8601 date-time, returned in the canonical `toISOString` form so that it sorts and compares. */
export function readValidUntil(value: unknown, location: FieldLocation): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    fail(CatalogErrorCode.InvalidHistory, location, `expected an ISO 8601 date-time such as "2023-12-31T23:59:59Z", got ${describe(value)}`);
  }
  return new Date(value).toISOString();
}
