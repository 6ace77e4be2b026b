import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OTA_DECLARATION_SUFFIX, OTA_FILTERS_HISTORY_SUFFIX, OTA_FILTERS_SUFFIX, OTA_HISTORY_SUFFIX } from './catalog.constants';
import { CatalogError, CatalogErrorCode } from './catalog.error';
import type { CatalogEntry, CatalogFileProblem, OtaDirectoryResult } from './catalog.types';
import { parseOtaDeclarationDetailed, parseOtaHistoryDetailed } from './ota-declaration.parser';

type FileRole = 'declaration' | 'history' | 'filters' | 'other';

function roleOf(fileName: string): FileRole {
  if (fileName.endsWith(OTA_HISTORY_SUFFIX)) return 'history';
  if (fileName.endsWith(OTA_FILTERS_SUFFIX) || fileName.endsWith(OTA_FILTERS_HISTORY_SUFFIX)) return 'filters';
  if (fileName.endsWith(OTA_DECLARATION_SUFFIX)) return 'declaration';
  return 'other';
}

function serviceIdOf(fileName: string): string {
  for (const suffix of [OTA_HISTORY_SUFFIX, OTA_FILTERS_HISTORY_SUFFIX, OTA_FILTERS_SUFFIX, OTA_DECLARATION_SUFFIX]) {
    if (fileName.endsWith(suffix)) return fileName.slice(0, -suffix.length);
  }
  return fileName;
}

async function readJson(dir: string, fileName: string): Promise<unknown> {
  const text = await readFile(join(dir, fileName), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogError(CatalogErrorCode.InvalidJson, `${fileName}: not valid JSON (${(error as Error).message})`);
  }
}

function problem(file: string, error: unknown): CatalogFileProblem {
  if (error instanceof CatalogError) return { file, message: error.message };
  return { file, message: `${file}: cannot be read (${(error as Error).message})` };
}

/**
 * Names the functions a filter module exports, from its text: the module is never loaded, because
 * running a collection's JavaScript is running someone else's code with our privileges.
 */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/g)) {
    names.add(match[1]);
  }
  return [...names];
}

async function filterModuleWarning(dir: string, fileName: string): Promise<CatalogFileProblem> {
  let defines = '';
  try {
    const names = exportedNames(await readFile(join(dir, fileName), 'utf8'));
    if (names.length > 0) defines = ` (exports ${names.join(', ')})`;
  } catch {
    // The warning is the same with or without the names.
  }
  return {
    file: fileName,
    message: `${fileName}: JavaScript filter module not executed${defines}; documents naming these filters keep the names only`,
  };
}

/**
 * Reads an Open Terms Archive `declarations/` folder: every `<Service>.json` becomes an entry, its
 * `<Service>.history.json` (if any) its `history`, and `*.filters.js` modules are reported, never run.
 * A bad file is reported in `errors` and the others are still read.
 */
export async function readOtaDirectory(dir: string): Promise<OtaDirectoryResult> {
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((dirent) => dirent.isFile())
    .map((dirent) => dirent.name)
    .sort();
  const errors: CatalogFileProblem[] = [];
  const warnings: CatalogFileProblem[] = [];
  const entries = new Map<string, { file: string; entry: CatalogEntry }>();
  const slugOwners = new Map<string, string>();

  for (const file of files.filter((name) => roleOf(name) === 'declaration')) {
    try {
      const { value, warnings: notes } = parseOtaDeclarationDetailed(await readJson(dir, file), file);
      const owner = slugOwners.get(value.slug);
      if (owner !== undefined) {
        throw new CatalogError(CatalogErrorCode.InvalidSlug, `${file}: slug "${value.slug}" is already used by ${owner}`);
      }
      slugOwners.set(value.slug, file);
      entries.set(serviceIdOf(file), { file, entry: value });
      warnings.push(...notes.map((message) => ({ file, message })));
    } catch (error) {
      errors.push(problem(file, error));
    }
  }

  for (const file of files.filter((name) => roleOf(name) === 'history')) {
    const current = entries.get(serviceIdOf(file));
    if (current === undefined) {
      warnings.push({ file, message: `${file}: no valid ${serviceIdOf(file)}${OTA_DECLARATION_SUFFIX} to attach this history to; ignored` });
      continue;
    }
    try {
      const { value, warnings: notes } = parseOtaHistoryDetailed(await readJson(dir, file), file);
      if (value.length > 0) current.entry.history = value;
      warnings.push(...notes.map((message) => ({ file, message })));
    } catch (error) {
      errors.push(problem(file, error));
    }
  }

  for (const file of files.filter((name) => roleOf(name) === 'filters')) {
    warnings.push(await filterModuleWarning(dir, file));
  }

  return { entries: [...entries.values()].map(({ entry }) => entry), errors, warnings };
}
