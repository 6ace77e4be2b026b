// Change analysis on the project's own graded pairs (scripts/eval/self-graded): real consecutive versions of documents
// that are not in ../shared/datasets/changes-graded, graded by hand with that set's rubric and conventions before the
// analyzer was run on them, and scored the same way (graded-pairs.ts). Each pair folder holds its grade.json; the
// texts are either beside it (old.md / new.md, from Open Terms Archive's public version collections) or, for the pairs
// of Open Terms Archive's demo collection, read from the extraction data set (ota-demo/<folder>/expected.md).
// Splits: `tuning` and `check` by the parity of the pair's index in id order (0, 2, 4… tuning). Misses are listed for
// the tuning pairs only; the check pairs' figures are printed with their misses hidden, so they stay a check.
// SELF_GRADED_ONLY=tuning|check scores only that split.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Grade, gradedPairIds, gradedReport, scorePair, Scored, splitFromEnv } from './graded-pairs';

const DEMO_REPO = 'OpenTermsArchive/demo-versions';
const SPLITS = ['tuning', 'check'] as const;
type Split = (typeof SPLITS)[number];

/** The pairs' folder in the source tree, from the built script (dist/scripts/eval) or the source itself. */
function pairsDir(): string {
  const candidates = [join(__dirname, '../../../scripts/eval/self-graded'), join(__dirname, 'self-graded')];
  return candidates.find((d) => existsSync(join(d, 'README.md'))) ?? candidates[0];
}

/** The pair's two texts, or why they cannot be read here. */
function texts(dir: string, grade: Grade, datasetsDir: string): [string, string] | string {
  const { repo, old, new: next } = grade.source;
  if (repo === DEMO_REPO) {
    const files = [old, next].map((folder) => join(datasetsDir, 'ota-demo', folder ?? '', 'expected.md'));
    const missing = files.find((f) => !existsSync(f));
    return missing ? `${missing} is missing` : [readFileSync(files[0], 'utf8'), readFileSync(files[1], 'utf8')];
  }
  return [readFileSync(join(dir, grade.id, 'old.md'), 'utf8'), readFileSync(join(dir, grade.id, 'new.md'), 'utf8')];
}

export async function evaluate(datasetsDir: string): Promise<{ report: string; pass: boolean }> {
  const dir = pairsDir();
  if (!existsSync(dir)) return { report: `no pairs at ${dir}`, pass: false };
  const only = splitFromEnv('SELF_GRADED_ONLY', SPLITS);
  const ids = gradedPairIds(dir).sort();
  const split = new Map(ids.map((id, i): [string, Split] => [id, i % 2 === 0 ? 'tuning' : 'check']));
  const skipped: string[] = [];
  const rows: Scored[] = [];
  for (const id of ids.filter((i) => !only || split.get(i) === only)) {
    const grade = JSON.parse(readFileSync(join(dir, id, 'grade.json'), 'utf8')) as Grade;
    const pair = texts(dir, grade, datasetsDir);
    if (typeof pair === 'string') skipped.push(`${id}: ${pair}`);
    else rows.push(scorePair(grade, pair[0], pair[1]));
  }
  const tuning = rows.filter((r) => split.get(r.grade.id) === 'tuning');
  const check = rows.filter((r) => split.get(r.grade.id) === 'check');
  const splits: Array<[string, Scored[]]> = [
    [only ? `${only} only` : 'all', rows],
    ['tuning', tuning],
    ['check (misses hidden)', check],
    // The later batches' check pairs, graded after the rules were written and never read while tuning: sg-901…928 (at
    // analyzer-8), sg-931…958 (graded while the fixes from the second batch's tuning half were written) and sg-961…998
    // (graded at analyzer-9, while heading topics were written), sg-99901…99925 (graded after the fixes from batch 4) and
    // sg-999901…999938 (graded after the fixes from batch 5), sg-9999901…9999937 (graded while the first fixes of the
    // session after batch 6 were written, English only) and sg-99999901…99999933 (graded while the fixes from batch 7's
    // tuning half were written, English only).
    ['check, batch 2 (never read)', check.filter((r) => r.grade.id >= 'sg-900' && r.grade.id < 'sg-930')],
    ['check, batch 3 (never read)', check.filter((r) => r.grade.id >= 'sg-930' && r.grade.id < 'sg-960')],
    ['tuning, batch 4', tuning.filter((r) => r.grade.id >= 'sg-960' && r.grade.id < 'sg-999')],
    ['check, batch 4 (never read)', check.filter((r) => r.grade.id >= 'sg-960' && r.grade.id < 'sg-999')],
    ['tuning, batch 5', tuning.filter((r) => r.grade.id >= 'sg-999' && r.grade.id < 'sg-9999')],
    ['check, batch 5 (never read)', check.filter((r) => r.grade.id >= 'sg-999' && r.grade.id < 'sg-9999')],
    ['tuning, batch 6', tuning.filter((r) => r.grade.id >= 'sg-9999' && r.grade.id < 'sg-99999')],
    ['check, batch 6 (never read)', check.filter((r) => r.grade.id >= 'sg-9999' && r.grade.id < 'sg-99999')],
    ['tuning, batch 7', tuning.filter((r) => r.grade.id >= 'sg-99999' && r.grade.id < 'sg-999999')],
    ['check, batch 7 (never read)', check.filter((r) => r.grade.id >= 'sg-99999' && r.grade.id < 'sg-999999')],
    ['tuning, batch 8', tuning.filter((r) => r.grade.id >= 'sg-999999')],
    ['check, batch 8 (never read)', check.filter((r) => r.grade.id >= 'sg-999999')],
  ];
  const { report, pass } = gradedReport(dir, splits, only === 'check' ? null : tuning);
  const notes = skipped.length ? `\n\nNot scored (their texts are read from the data sets):\n${skipped.map((s) => `- ${s}`).join('\n')}` : '';
  return { report: `${report}${notes}`, pass };
}
