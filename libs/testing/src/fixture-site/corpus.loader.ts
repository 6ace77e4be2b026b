import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The corpus sits outside `src/`, and the swc build skips `fixtures` folders, so code running from
 * `dist/libs/testing/src/fixture-site` must climb back to the source tree to find it.
 */
function findCorpusDir(): string {
  const candidates = [
    resolve(__dirname, '../../fixtures/corpus'),
    resolve(__dirname, '../../../../../libs/testing/fixtures/corpus'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'scenarios.json'))) ?? candidates[0];
}

/** Absolute path of `libs/testing/fixtures/corpus`. */
export const corpusDir: string = findCorpusDir();

export type ScenarioSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export type ScenarioChangeKind = 'cosmetic' | 'structure' | 'substantive';

export interface ScenarioExpectation {
  newVersion: boolean;
  /** The first capture of the document. */
  first?: boolean;
  kind?: ScenarioChangeKind;
  /** Acceptable severities. */
  severity?: ScenarioSeverity[];
  /** Taxonomy ids the change must touch (at least these). */
  clauseTypes?: string[];
  /** Date stem of the earlier page whose version this one brings back. */
  restoresVersionOf?: string;
  why?: string;
}

export interface ScenarioStep {
  /** Relative to `corpusDir`, e.g. `sites/midjourney/privacy-policy/2025-06-02.html`. */
  page: string;
  expect: ScenarioExpectation;
}

export interface ScenarioDocument {
  platform: string;
  document: string;
  /** URL path the document is served at on the fixture site. */
  path: string;
  sequence: ScenarioStep[];
}

export interface Scenarios {
  about: string;
  documents: ScenarioDocument[];
}

export function loadScenarios(): Scenarios {
  return JSON.parse(readFileSync(join(corpusDir, 'scenarios.json'), 'utf8')) as Scenarios;
}

/** Raw bytes of a corpus page, `page` relative to `corpusDir`. */
export function readCorpusPage(page: string): Buffer {
  const full = resolve(corpusDir, page);
  if (!full.startsWith(corpusDir)) throw new Error(`corpus page outside the corpus: ${page}`);
  return readFileSync(full);
}
