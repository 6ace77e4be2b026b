// `npm run bench -- analyzer`: analyzeChange latency on a ~100 KB Markdown version pair built from the corpus
// policy text (sections repeated with numbered headings), with a realistic edit mix: a few rewordings,
// a removed section, an added paragraph, a moved paragraph and a date stamp.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyzeChange } from '@clausewatch/analyzer';

const TARGET_BYTES = 100 * 1024;
const RUNS = 60;

function corpusParagraphs(): string[] {
  const dir = join(__dirname, '../../libs/testing/fixtures/corpus/sites/midjourney');
  const html = ['terms-of-service/2025-06-23.html', 'privacy-policy/2025-06-02.html'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return [...html.matchAll(/<(?:p|li)[^>]*>([\s\S]*?)<\/(?:p|li)>/g)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 40);
}

export function buildPair(): [string, string] {
  const paragraphs = corpusParagraphs();
  const before: string[] = ['# Terms and Privacy', 'Last updated: June 2, 2025'];
  let section = 0;
  let size = 0;
  while (size < TARGET_BYTES) {
    section++;
    before.push(`## ${section}. Section ${section}`);
    for (let k = 0; k < 6; k++) before.push(`${paragraphs[(section * 7 + k) % paragraphs.length]} (clause ${section}.${k})`);
    size = before.join('\n\n').length;
  }
  const after = [...before];
  after[1] = 'Last updated: May 5, 2026';
  for (let k = 10; k < after.length; k += Math.floor(after.length / 6)) if (!after[k].startsWith('#')) after[k] = after[k].replace(/\b(may|will)\b/, 'shall').replace(/\.\s/, ', without notice. ');
  const removedAt = after.findIndex((l, i) => i > after.length / 2 && l.startsWith('## '));
  after.splice(removedAt, 7);
  after.splice(20, 0, 'We use your prompts and images to train our machine learning models, and you cannot opt out.');
  const [moved] = after.splice(30, 1);
  after.splice(after.length - 5, 0, moved);
  return [before.join('\n\n'), after.join('\n\n')];
}

const REWRITE_PROVISIONS = 300;

/** A 300-provision policy and a rewrite of it: every provision reworded, a third of them moved, fifty new ones. */
export function buildRewrite(): [string, string] {
  const paragraphs = corpusParagraphs();
  const before: string[] = ['# Policy'];
  for (let i = 0; i < REWRITE_PROVISIONS; i++) before.push(i % 10 === 0 ? `## Part ${i / 10 + 1}` : `${paragraphs[i % paragraphs.length]} (item ${i})`);
  const after = before.map((l, i) => (l.startsWith('#') ? l : l.replace(/\b(we|you)\b/i, (w) => `${w} and our affiliates`).replace(/\.\s*\(/, `; this applies from ${2026 + (i % 3)} (`)));
  const moved = after.splice(40, 100);
  after.splice(after.length - 20, 0, ...moved);
  for (let k = 0; k < 50; k++) after.splice(5 + k * 5, 0, `We may keep the records of case ${k} for ${k + 2} years and share them with our partners when the law requires it.`);
  return [before.join('\n\n'), after.join('\n\n')];
}

function timeRuns(before: string, after: string, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    analyzeChange(before, after);
    const used = process.cpuUsage(startCpu);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

export async function run(): Promise<void> {
  await runPair();
  const [before, after] = buildRewrite();
  const first = analyzeChange(before, after);
  const { wall, cpu } = timeRuns(before, after, 20);
  const median = (xs: number[]): string => xs[Math.floor(xs.length / 2)].toFixed(2);
  process.stdout.write(
    [
      `rewrite: ${REWRITE_PROVISIONS} provisions, ${first.clauses.length} clause changes (kind ${first.kind}, severity ${first.severity})`,
      `analyzeChange over 20 runs after one warm-up: median ${median(wall)} ms, max ${wall[wall.length - 1].toFixed(2)} ms wall (target: median ≤ 100 ms); CPU median ${median(cpu)} ms; load ${loadavg()[0].toFixed(2)}`,
    ].join('\n') + '\n',
  );
}

async function runPair(): Promise<void> {
  const [before, after] = buildPair();
  const first = analyzeChange(before, after);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    analyzeChange(before, after);
    const used = process.cpuUsage(startCpu);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  const load = loadavg()[0].toFixed(2);
  process.stdout.write(
    [
      `pair: ${(Buffer.byteLength(before) / 1024).toFixed(1)} KB → ${(Buffer.byteLength(after) / 1024).toFixed(1)} KB, ${first.clauses.length} clause changes (kind ${first.kind}, severity ${first.severity})`,
      `analyzeChange over ${RUNS} runs after one warm-up: median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1 - 1e-9)} ms wall (target: median ≤ 20 ms)`,
      `CPU time per run (less sensitive to other processes): median ${cpu[Math.floor(cpu.length / 2)].toFixed(2)} ms; 1-minute load average during the run: ${load}`,
    ].join('\n') + '\n',
  );
}
