import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { BUNDLED_CATALOG_FILE, BUNDLED_REQUIRED_TYPES } from './catalog.constants';
import { CatalogError, CatalogErrorCode } from './catalog.error';
import type { CatalogEntry } from './catalog.types';
import { isPlainObject } from './declaration-fields.validator';
import { parseOtaDeclaration } from './ota-declaration.parser';

/**
 * Checks a bundled catalog (`{ "platforms": [ <OTA service declaration + "homepage">, ... ] }`) with the
 * declaration parser, then what the seed relies on: unique slugs, https everywhere, and a terms of service
 * and a privacy policy for every platform. Reports every problem at once, so one edit fixes them all.
 */
export function validateBundledCatalog(json: unknown, fileName: string): CatalogEntry[] {
  if (!isPlainObject(json) || !Array.isArray(json.platforms)) {
    throw new CatalogError(CatalogErrorCode.InvalidBundledCatalog, `${fileName}: expected an object with a "platforms" array`);
  }
  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const slugs = new Map<string, number>();
  json.platforms.forEach((platform: unknown, index: number) => {
    const label = `${fileName} platforms[${index}]`;
    let entry: CatalogEntry;
    try {
      entry = parseOtaDeclaration(platform, label);
    } catch (error) {
      problems.push((error as Error).message);
      return;
    }
    const named = `${label} (${entry.name})`;
    const previous = slugs.get(entry.slug);
    if (previous !== undefined) problems.push(`${named}: slug "${entry.slug}" is already used by platforms[${previous}]`);
    slugs.set(entry.slug, index);
    const urls = [entry.homepage, ...entry.documents.flatMap((document) => document.sources.map((source) => source.url))];
    for (const url of urls) {
      if (url !== undefined && !url.startsWith('https://')) problems.push(`${named}: ${url} is not https`);
    }
    for (const type of BUNDLED_REQUIRED_TYPES) {
      if (!entry.documents.some((document) => document.type === type)) problems.push(`${named}: no "${type}" document`);
    }
    entries.push(entry);
  });
  if (problems.length > 0) {
    throw new CatalogError(CatalogErrorCode.InvalidBundledCatalog, `${fileName} is invalid:\n- ${problems.join('\n- ')}`);
  }
  return entries;
}

/**
 * The build compiles only .ts files into dist/, so the JSON is looked up beside this module first and
 * then at its source location (the same path without the `dist/` segment).
 */
export function bundledCatalogPath(): string {
  const candidates = [join(__dirname, BUNDLED_CATALOG_FILE)];
  const distSegment = `${sep}dist${sep}`;
  const index = __dirname.lastIndexOf(distSegment);
  if (index >= 0) candidates.push(join(__dirname.slice(0, index) + sep + __dirname.slice(index + distSegment.length), BUNDLED_CATALOG_FILE));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new CatalogError(CatalogErrorCode.InvalidBundledCatalog, `${BUNDLED_CATALOG_FILE} not found (looked in ${candidates.join(', ')})`);
  }
  return found;
}

/** The platforms seeded at first start: well-known services with their terms and privacy pages. */
export function bundledCatalog(): CatalogEntry[] {
  const path = bundledCatalogPath();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogError(CatalogErrorCode.InvalidJson, `${BUNDLED_CATALOG_FILE}: not valid JSON (${(error as Error).message})`);
  }
  return validateBundledCatalog(json, BUNDLED_CATALOG_FILE);
}
