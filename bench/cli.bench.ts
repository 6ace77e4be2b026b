// `npm run bench -- cli`: wall time of the built CLI as a user runs it (a new Node process each time),
// for `--help` and for `diff` of two corpus pages. Target (issue 14): each ≤ 0.6 s on this machine.
// The CLI runs from its bundle with V8's code cache (apps/cli/src/bundle.loader.ts); the same commands from its
// modules one by one (CLAUSEWATCH_CLI_BUNDLE=0) are measured beside it, and a bare `node -e 0` for scale.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const RUNS = 15;
const root = join(__dirname, '..');
const main = join(root, 'apps/cli/src/main.js');
const corpus = join(root, '../libs/testing/fixtures/corpus/sites/midjourney/terms-of-service');

function wall(args: string[], env: Record<string, string> = {}): number[] {
  const samples: number[] = [];
  // One run first, not counted: it writes the command's code cache when the build is new.
  for (let i = 0; i <= RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args[0] === '-e' ? args : [main, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    if (i > 0) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(`clausewatch ${args[0]} exited ${run.status}: ${run.stderr}`);
  }
  return samples.sort((a, b) => a - b);
}

function line(label: string, sorted: number[]): string {
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `${label}: n=${sorted.length} min ${sorted[0].toFixed(0)} ms, median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
}

export async function run(): Promise<void> {
  process.stdout.write(`load average at start: ${loadavg()[0].toFixed(1)} (2 cores)\n`);
  const pages = ['2025-06-23.html', '2025-09-10.html'].map((p) => join(corpus, p));
  const plain = { CLAUSEWATCH_CLI_BUNDLE: '0' };
  // A bare Node process, for scale: what no CLI can go below on this machine at this moment.
  process.stdout.write(`${line('node -e 0 (baseline)', wall(['-e', '0']))}\n`);
  process.stdout.write(`${line('clausewatch --help', wall(['--help']))}\n`);
  process.stdout.write(`${line('clausewatch --help (modules one by one)', wall(['--help'], plain))}\n`);
  process.stdout.write(`${line('clausewatch diff <two corpus pages> --json', wall(['diff', ...pages, '--json']))}\n`);
  process.stdout.write(`${line('clausewatch diff <two corpus pages> --json (modules one by one)', wall(['diff', ...pages, '--json'], plain))}\n`);
  process.stdout.write(`load average at end: ${loadavg()[0].toFixed(1)}\n`);
}
