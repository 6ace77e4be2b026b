// `npm run bench -- analyzer`: analyzeChange latency on a ~100 KB Markdown version pair built from the corpus
// policy text (sections repeated with numbered headings), with a realistic edit mix: a few rewordings,
// a removed section, an added paragraph, a moved paragraph and a date stamp.
import { loadavg } from 'node:os';
import { analyzeChange } from '@clausewatch/analyzer';
import { buildPair, buildRewrite, REWRITE_PROVISIONS } from './analyzer.inputs';

const RUNS = 60;

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
  runRepeatedCues();
}

// One paragraph of about 250 KB that repeats a cue thousands of times (a hostile or broken page): the cues whose sentences
// are read to weigh a type (training on the users' material, advice on sensitive data) are read once each, so such a
// paragraph costs about what a page of that size costs.
function runRepeatedCues(): void {
  const doc = (body: string): string => ['# Terms', 'Welcome.', body, '## Contact', 'Write to us.'].join('\n\n');
  const lines: string[] = [];
  for (const sentence of ['To learn how we train our models, see the Training Methods page. ', 'Please avoid sharing sensitive personal data in public posts. ']) {
    const paragraph = sentence.repeat(4000);
    const { wall } = timeRuns(doc(''), doc(paragraph), 5);
    lines.push(`repeated cue: one ${(paragraph.length / 1024).toFixed(0)} KB paragraph added, “${sentence.trim()}” × 4,000: median ${wall[Math.floor(wall.length / 2)].toFixed(1)} ms wall over 5 runs`);
  }
  process.stdout.write(lines.join('\n') + '\n');
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
