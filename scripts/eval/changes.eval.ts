// Change analysis on graded real policy changes (../shared/datasets/changes-graded): the scoring of that set's
// README — kind, severity (exact, within one level, accepted), too high / too low, false criticals and highs,
// missed serious changes, key-type recall and must-not-claim violations — on the scored pairs and per split.
// Splits: `pga` (the pga-* pairs), `contrib-even` and `contrib-odd` (the contrib-* pairs by the parity of their index
// in id order: 0, 2, 4… even), `tuning` (pga + contrib-even). contrib-odd is held out: tuning reads only the
// tuning split's misses and looks at contrib-odd's figures with its misses hidden.
// CHANGES_EVAL_ONLY=<split> scores only that split (default: every pair); CHANGES_EVAL_MISSES=0 prints the figures
// without listing a single miss (1, the default, lists them; other values are refused). Only `evaluate` is exported (see main.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Grade, gradedPairIds, gradedReport, scorePair, Scored, splitFromEnv } from './graded-pairs';

function score(dir: string, id: string): Scored {
  const grade = JSON.parse(readFileSync(join(dir, id, 'grade.json'), 'utf8')) as Grade;
  return scorePair(grade, readFileSync(join(dir, id, 'old.md'), 'utf8'), readFileSync(join(dir, id, 'new.md'), 'utf8'));
}

const SPLITS = ['pga', 'contrib-even', 'contrib-odd', 'tuning'] as const;
type Split = (typeof SPLITS)[number];

/** The split of each pair id: contrib pairs alternate even / odd in id order, so both halves span the set. */
function splitOf(ids: string[]): Map<string, Exclude<Split, 'tuning'>> {
  const contrib = ids.filter((id) => id.startsWith('contrib-')).sort();
  const split = new Map<string, Exclude<Split, 'tuning'>>();
  for (const id of ids) if (id.startsWith('pga-')) split.set(id, 'pga');
  contrib.forEach((id, i) => split.set(id, i % 2 === 0 ? 'contrib-even' : 'contrib-odd'));
  return split;
}

function inSplit(split: Split, pairSplit: string | undefined): boolean {
  return split === 'tuning' ? pairSplit === 'pga' || pairSplit === 'contrib-even' : pairSplit === split;
}

/**
 * CHANGES_EVAL_MISSES: 0 hides the misses, 1 (the default) lists them. Any other value is refused: an earlier version
 * took a prefix here ("pga"), and reading that as "list every miss" would print the held-out pairs' misses.
 */
function missesWanted(): boolean {
  const value = process.env.CHANGES_EVAL_MISSES;
  if (value === undefined || value === '' || value === '1') return true;
  if (value === '0') return false;
  throw new Error(`CHANGES_EVAL_MISSES=${value}: expected 0 (hide the misses) or 1 (list them); choose pairs with CHANGES_EVAL_ONLY`);
}

export async function evaluate(datasetsDir: string): Promise<{ report: string; pass: boolean }> {
  const dir = join(datasetsDir, 'changes-graded');
  if (!existsSync(dir)) return { report: `no data set at ${dir}`, pass: false };
  // A misspelt split must not silently score (and list the misses of) every pair.
  const only = splitFromEnv('CHANGES_EVAL_ONLY', SPLITS);
  const listMisses = missesWanted();
  const allIds = gradedPairIds(dir);
  const split = splitOf(allIds);
  const ids = allIds
    .filter((id) => !only || inSplit(only, split.get(id)))
    .sort((a, b) => a.replace(/^\D+/, '').localeCompare(b.replace(/^\D+/, '')));
  const rows = ids.map((id) => score(dir, id));
  const splits: Array<[string, Scored[]]> = [
    [only ? `${only} only` : 'all', rows],
    ...(['pga', 'contrib-even', 'contrib-odd'] as const).map((name): [string, Scored[]] => [
      name === 'contrib-odd' ? 'contrib-odd (held out)' : name,
      rows.filter((r) => split.get(r.grade.id) === name),
    ]),
  ];
  return gradedReport(dir, splits, listMisses ? rows : null);
}
