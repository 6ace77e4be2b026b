import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiteralPrefilter, PrefilterTable } from './rule.prefilter';

// The rules' required literals and their automaton cost a cold process about 0.2 s of CPU to compute, longer than the
// rest of a short CLI run. The build computes them once and stores them beside the compiled analyzer (scripts/build.mjs);
// a process loads them when they were made from exactly its rules' pattern sources, and computes them otherwise (as
// the tests, which run from the TypeScript sources, always do). Only start-up time depends on it, never a result.

/** Beside the compiled analyzer (dist/libs/analyzer/src). */
export const STORED_PREFILTER_FILE = join(__dirname, 'rule-prefilter.json');
const FORMAT = 3;

interface StoredPrefilter {
  format: number;
  /** The pattern source of each rule, in order: the table is used for exactly these. */
  sources: string[];
  literalAlternatives: (string[][][] | null)[];
  automaton: PrefilterTable;
}

export interface RulePrefilter {
  /** Per rule, per alternative, the sets of literals a match holds one of each (rule.prefilter.ts requiredLiteralAlternatives). */
  literals: (string[][][] | null)[];
  prefilter: LiteralPrefilter;
}

/** The stored prefilter of exactly these pattern sources, or null (none stored, made for other rules, unreadable). */
export function readStoredPrefilter(sources: string[], file = STORED_PREFILTER_FILE): RulePrefilter | null {
  let stored: StoredPrefilter;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredPrefilter;
  } catch {
    return null; // none stored (a build without it, the tests): computed instead
  }
  if (stored?.format !== FORMAT || !Array.isArray(stored.sources) || stored.sources.length !== sources.length || !Array.isArray(stored.literalAlternatives) || stored.literalAlternatives.length !== sources.length) return null;
  for (let i = 0; i < sources.length; i++) if (stored.sources[i] !== sources[i]) return null;
  try {
    return { literals: stored.literalAlternatives, prefilter: LiteralPrefilter.fromTable(stored.automaton) };
  } catch {
    return null; // a damaged table: computed instead
  }
}

export function writeStoredPrefilter(sources: string[], computed: RulePrefilter, file = STORED_PREFILTER_FILE): void {
  const stored: StoredPrefilter = { format: FORMAT, sources, literalAlternatives: computed.literals, automaton: computed.prefilter.toTable() };
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(stored));
  renameSync(partial, file);
}
