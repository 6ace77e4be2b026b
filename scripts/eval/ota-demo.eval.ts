// Extraction fidelity on Open Terms Archive's demo collection: our extraction with the selectors
// OTA applied, compared with the Markdown OTA published from the same snapshot. Only `evaluate` is
// exported: the runner imports this file natively, which sees a single swc export but not several.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract, ExtractionRules, normaliseTypography, SelectionSemantics } from '@clausewatch/extract';

const TARGET_MEDIAN = 0.99;
const TARGET_WORST = 0.95;

/** Markdown reduced to its words: links and images keep their text, every syntax mark goes. */
function markdownWords(markdown: string): string[] {
  const text = normaliseTypography(markdown)
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, ' $1 ')
    .replace(/^\s*(?:=+|-+|\*+|_+)\s*$/gm, ' ')
    .replace(/^\s*#{1,6}\s+/gm, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/^\s*>+/gm, ' ')
    .replace(/\|?\s*:?-{3,}:?\s*(?=\|)/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'=])/g, '$1')
    .replace(/[*_`~|]+/g, ' ');
  return text.split(/\s+/).filter((w) => w !== '' && /[\p{L}\p{N}]/u.test(w));
}

/** Word-level Levenshtein distance (insertions, deletions, substitutions of whole words). */
function wordEditDistance(a: string[], b: string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length);
  let previous = Int32Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length];
}

/** 1 − word edit distance / the longer text's word count: 1 is the same words in the same order. */
function similarity(ours: string, expected: string): number {
  const a = markdownWords(ours);
  const b = markdownWords(expected);
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - wordEditDistance(a, b) / longest;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
}

interface Declaration extends ExtractionRules {
  fetch: string;
}

interface Row {
  name: string;
  score: number;
  ms: number;
  error?: string;
}

interface Pair {
  name: string;
  declaration: Declaration;
  body: Buffer;
  expected: string;
}

/** Every pair extracted with one selection semantics (ours, or OTA's as imported declarations use). */
async function scorePairs(pairs: Pair[], selection: SelectionSemantics): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { name, declaration, body, expected } of pairs) {
    const rules: ExtractionRules = { select: declaration.select ?? undefined, remove: declaration.remove ?? undefined, filter: declaration.filter ?? undefined, selection };
    const started = performance.now();
    try {
      const result = await extract({ body, contentType: 'text/html', url: declaration.fetch, rules });
      const ms = performance.now() - started;
      rows.push({ name, score: similarity(result.markdown, expected), ms });
    } catch (error) {
      rows.push({ name, score: 0, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return rows;
}

function summary(rows: Row[]): { median: number; worst: number; lines: string[] } {
  const scores = rows.map((r) => r.score).sort((a, b) => a - b);
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  const median = quantile(scores, 0.5);
  const worst = scores[0] ?? 0;
  const lowest = [...rows].sort((a, b) => a.score - b.score).slice(0, 5);
  return {
    median,
    worst,
    lines: [
      `  median similarity: ${median.toFixed(4)} (target ≥ ${TARGET_MEDIAN})`,
      `  worst similarity:  ${worst.toFixed(4)} (target ≥ ${TARGET_WORST})`,
      `  failed pages: ${rows.filter((r) => r.error).length}`,
      `  time per page: median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms (extract() only, incl. first-call warm-up)`,
      '  lowest pages:',
      ...lowest.map((r) => `    ${r.score.toFixed(4)}  ${r.name}${r.error ? `  ERROR ${r.error}` : ''}`),
    ],
  };
}

export async function evaluate(datasetsDir: string): Promise<{ report: string; pass: boolean }> {
  const root = join(datasetsDir, 'ota-demo');
  if (!existsSync(root)) return { report: `no data set at ${root}`, pass: false };
  const pairs: Pair[] = readdirSync(root)
    .sort()
    .map((name) => {
      const folder = join(root, name);
      return {
        name,
        declaration: JSON.parse(readFileSync(join(folder, 'declaration.json'), 'utf8')) as Declaration,
        body: readFileSync(join(folder, 'snapshot.html')),
        expected: readFileSync(join(folder, 'expected.md'), 'utf8'),
      };
    });
  const ours = await scorePairs(pairs, 'clausewatch');
  const ota = await scorePairs(pairs, 'ota');
  const oursSummary = summary(ours);
  const otaSummary = summary(ota);
  // The target is ours (every selector must match); OTA's semantics are what imported declarations use.
  const pass = ours.length > 0 && oursSummary.median >= TARGET_MEDIAN && oursSummary.worst >= TARGET_WORST;
  const differing = ours.filter((row, i) => Math.abs(row.score - ota[i].score) > 1e-9 || Boolean(row.error) !== Boolean(ota[i].error));
  const report = [
    `pages: ${pairs.length} (${root})`,
    'similarity = 1 − (word-level Levenshtein distance / word count of the longer text), after reducing both',
    'Markdown texts to their words (inline HTML tags such as <br>, link and image targets, heading, list, emphasis, table and escape marks',
    'removed; typographic variants such as curly quotes and non-breaking spaces unified on both sides).',
    'selection "clausewatch" (ours: every select must match, nested matches kept once):',
    ...oursSummary.lines,
    'selection "ota" (Open Terms Archive: any select may match, nested matches all kept; used for import-ota documents):',
    ...otaSummary.lines,
    `pages where the two differ: ${differing.length}${differing.length ? ` (${differing.slice(0, 8).map((r) => `${r.name} ${r.score.toFixed(3)}→${ota[ours.indexOf(r)].score.toFixed(3)}`).join(', ')}${differing.length > 8 ? ', …' : ''})` : ''}`,
    pass ? 'PASS' : 'FAIL',
  ].join('\n');
  return { report, pass };
}
