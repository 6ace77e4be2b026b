// The scoring of graded policy changes, as ../shared/datasets/changes-graded/README.md defines it — kind, severity
// (exact, within one level, accepted), too high / too low, false criticals and highs, missed serious changes, key-type
// recall and must-not-claim violations — shared by the evaluations that score graded pairs (changes, self-graded).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeChange, ChangeAnalysis, clauseTypes, Severity, SEVERITY_ORDER } from '@clausewatch/analyzer';

export interface Grade {
  id: string;
  kind: string;
  kindAccepted?: string[];
  severity: Severity;
  severityAccepted?: Severity[];
  direction: string;
  keyTypes: string[];
  mustNotClaim: string[];
  source: { language?: string; repo?: string; old?: string; new?: string };
}

export interface Scored {
  grade: Grade;
  analysis: ChangeAnalysis | null;
  error?: string;
  ms: number;
  keySeen: string[];
  labels: string[];
  violations: string[];
}

const TARGETS = { kind: 0.95, exact: 0.75, withinOne: 0.95, falseCriticals: 1, missedSerious: 0, keyRecall: 0.85, violations: 0 };

const rank = (s: string): number => (SEVERITY_ORDER as readonly string[]).indexOf(s);
const labelToId = new Map(clauseTypes.map((t) => [t.label.toLowerCase(), t.id]));

const STOP = new Set('a an the of to in on for and or by with from is are was were be been as at it its this that these those your you our we their they not no any all new'.split(' '));

function stem(word: string): string {
  const w = word.toLowerCase().replace(/favour/g, 'favor').replace(/licence/g, 'license');
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ers', 'er', 'ed', 'es', 's', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

function keyWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))
    .map(stem);
}

/** The analyzer's own words: quoted document text (“…”) removed, cut into sentences. */
function ownSentences(text: string): string[] {
  return text
    .replace(/“[^”]*”/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim());
}

function violations(grade: Grade, a: ChangeAnalysis): string[] {
  const units = [...ownSentences(a.summary), ...a.reasons.map((r) => r.replace(/“[^”]*”/g, ' '))].map((s) => new Set(keyWords(s)));
  return grade.mustNotClaim.filter((phrase) => {
    const words = keyWords(phrase);
    return words.length > 0 && units.some((u) => words.every((w) => u.has(w)));
  });
}

/** Summary labels such as “[AI training, critical]” or “[Sale of data, high, improvement]”, as taxonomy ids. */
function summaryLabels(summary: string): string[] {
  const ids: string[] = [];
  for (const m of summary.matchAll(/\[([^,\]]+),\s*(?:none|low|medium|high|critical)\b[^\]]*\]/g)) {
    const id = labelToId.get(m[1].trim().toLowerCase());
    if (id) ids.push(id);
  }
  return ids;
}

function keyTypesSeen(grade: Grade, a: ChangeAnalysis, labels: string[]): string[] {
  const floor = Math.max(rank('low'), rank(grade.severity) - 1);
  const rated = new Set(a.clauses.filter((c) => rank(c.severity) >= floor).flatMap((c) => c.clauseTypes));
  return grade.keyTypes.filter((t) => labels.includes(t) || rated.has(t));
}

/** The pair folders of a graded set: the folders holding a grade.json. */
export function gradedPairIds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'grade.json')))
    .map((e) => e.name);
}

/** The split an environment variable asks for, checked: a misspelt split must not silently score every pair. */
export function splitFromEnv<S extends string>(variable: string, splits: readonly S[]): S | undefined {
  const only = process.env[variable];
  if (!only) return undefined;
  if (!(splits as readonly string[]).includes(only)) throw new Error(`${variable}=${only}: expected one of ${splits.join(', ')}`);
  return only as S;
}

/** One graded pair analysed and scored; an analyzer failure is kept as a row that counts as wrong everywhere. */
export function scorePair(grade: Grade, before: string, after: string): Scored {
  const started = performance.now();
  try {
    const analysis = analyzeChange(before, after);
    const ms = performance.now() - started;
    const labels = summaryLabels(analysis.summary);
    return { grade, analysis, ms, labels, keySeen: keyTypesSeen(grade, analysis, labels), violations: violations(grade, analysis) };
  } catch (e) {
    return { grade, analysis: null, error: (e as Error).message, ms: performance.now() - started, labels: [], keySeen: [], violations: [] };
  }
}

interface Figures {
  n: number;
  kind: number;
  kindAccepted: number;
  exact: number;
  withinOne: number;
  accepted: number;
  meanDistance: number;
  tooHigh: number;
  tooLow: number;
  falseCriticals: number;
  falseHighs: number;
  missedSerious: number;
  keyRecall: number;
  firstKeySeen: number;
  labelPrecision: number;
  violations: number;
}

function figures(rows: Scored[]): Figures {
  const n = Math.max(1, rows.length);
  const ok = (r: Scored): r is Scored & { analysis: ChangeAnalysis } => r.analysis !== null;
  const dist = (r: Scored): number => (ok(r) ? rank(r.analysis.severity) - rank(r.grade.severity) : 4);
  const keyed = rows.filter((r) => r.grade.keyTypes.length);
  const keyTotal = keyed.reduce((s, r) => s + r.grade.keyTypes.length, 0);
  const labels = rows.flatMap((r) => r.labels.map((l) => r.grade.keyTypes.includes(l)));
  return {
    n: rows.length,
    kind: rows.filter((r) => ok(r) && r.analysis.kind === r.grade.kind).length / n,
    kindAccepted: rows.filter((r) => ok(r) && [r.grade.kind, ...(r.grade.kindAccepted ?? [])].includes(r.analysis.kind)).length / n,
    exact: rows.filter((r) => ok(r) && dist(r) === 0).length / n,
    withinOne: rows.filter((r) => ok(r) && Math.abs(dist(r)) <= 1).length / n,
    accepted: rows.filter((r) => ok(r) && [r.grade.severity, ...(r.grade.severityAccepted ?? [])].includes(r.analysis.severity)).length / n,
    meanDistance: rows.reduce((s, r) => s + Math.abs(dist(r)), 0) / n,
    tooHigh: rows.filter((r) => ok(r) && dist(r) > 0).length,
    tooLow: rows.filter((r) => !ok(r) || dist(r) < 0).length,
    falseCriticals: rows.filter((r) => ok(r) && r.analysis.severity === 'critical' && rank(r.grade.severity) < rank('high')).length,
    falseHighs: rows.filter((r) => ok(r) && r.analysis.severity === 'high' && rank(r.grade.severity) <= rank('low')).length,
    missedSerious: rows.filter((r) => rank(r.grade.severity) >= rank('high') && (!ok(r) || rank(r.analysis.severity) <= rank('low'))).length,
    keyRecall: keyTotal ? keyed.reduce((s, r) => s + r.keySeen.length, 0) / keyTotal : 1,
    firstKeySeen: keyed.length ? keyed.filter((r) => r.keySeen.includes(r.grade.keyTypes[0])).length / keyed.length : 1,
    labelPrecision: labels.length ? labels.filter(Boolean).length / labels.length : 1,
    violations: rows.reduce((s, r) => s + r.violations.length, 0),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;

function missLine(r: Scored): string | null {
  const a = r.analysis;
  const g = r.grade;
  if (!a) return `- ${g.id}: analyzer failed: ${r.error}`;
  const problems: string[] = [];
  if (a.kind !== g.kind) problems.push(`kind ${a.kind} (graded ${g.kind}${g.kindAccepted ? `, accepted ${g.kindAccepted.join('/')}` : ''})`);
  if (a.severity !== g.severity) problems.push(`severity ${a.severity} (graded ${g.severity}${g.severityAccepted ? `, accepted ${g.severityAccepted.join('/')}` : ''})`);
  const missed = g.keyTypes.filter((t) => !r.keySeen.includes(t));
  if (missed.length) problems.push(`key types not seen: ${missed.join(', ')}`);
  if (r.violations.length) problems.push(`claims: ${r.violations.map((v) => `“${v}”`).join(', ')}`);
  if (!problems.length) return null;
  return `- ${g.id} (${g.source.language ?? 'en'}, ${g.direction}): ${problems.join('; ')}; labels [${[...new Set(r.labels)].join(', ')}]`;
}

/**
 * The report of a scored set: one table row per split (the first is the whole set), the misses of `missesOf` (none
 * listed when it is null: a held-out split's misses stay hidden), and the targets; `pass` is the whole set against them.
 */
export function gradedReport(where: string, splits: Array<[string, Scored[]]>, missesOf: Scored[] | null): { report: string; pass: boolean } {
  const rows = splits[0][1];
  const table = splits.filter(([, list], i) => i === 0 || (list.length > 0 && list.length < rows.length)).map(([name, list]) => [name, figures(list)] as const);
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  const misses = (missesOf ?? []).map(missLine).filter((l): l is string => l !== null);
  const all = table[0][1];
  const lines = [
    `${where}: ${rows.length} pairs, analysed in ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms (median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms)`,
    '',
    '| split | pairs | kind (accepted) | severity exact | within one | accepted | mean dist. | too high / low | false crit. | false highs | missed serious | key types (first) | label precision | must-not-claim |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table.map(
      ([name, f]) =>
        `| ${name} | ${f.n} | ${pct(f.kind)} (${pct(f.kindAccepted)}) | ${pct(f.exact)} | ${pct(f.withinOne)} | ${pct(f.accepted)} | ${f.meanDistance.toFixed(2)} | ${f.tooHigh} / ${f.tooLow} | ${f.falseCriticals} | ${f.falseHighs} | ${f.missedSerious} | ${pct(f.keyRecall)} (${pct(f.firstKeySeen)}) | ${pct(f.labelPrecision)} | ${f.violations} |`,
    ),
    '',
    ...(missesOf ? ['Misses:', ...(misses.length ? misses : ['(none)'])] : ['Misses not listed.']),
    '',
    `Targets: kind ≥ ${pct(TARGETS.kind)}, severity exact ≥ ${pct(TARGETS.exact)} and within one ≥ ${pct(TARGETS.withinOne)}, ≤ ${TARGETS.falseCriticals} false critical, ${TARGETS.missedSerious} missed serious, key types ≥ ${pct(TARGETS.keyRecall)}, ${TARGETS.violations} must-not-claim violations.`,
  ];
  const pass =
    all.kind >= TARGETS.kind &&
    all.exact >= TARGETS.exact &&
    all.withinOne >= TARGETS.withinOne &&
    all.falseCriticals <= TARGETS.falseCriticals &&
    all.missedSerious <= TARGETS.missedSerious &&
    all.keyRecall >= TARGETS.keyRecall &&
    all.violations <= TARGETS.violations;
  return { report: lines.join('\n'), pass };
}
