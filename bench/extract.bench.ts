// Extraction throughput on ~200 KB HTML pages, one core (sequential calls in one process).
// Real pages: the ota-demo snapshots of 150-250 KB with their Open Terms Archive selectors, when
// ../shared/datasets is there. Synthetic pages: ~200 KB shaped like those real pages (about a quarter
// policy text from the corpus, the rest framework state, styles and a large navigation, plus a
// cookie banner and footer), extracted with automatic main-content detection.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract, ExtractInput } from '@clausewatch/extract';

const TARGET_PAGES_PER_SECOND = 50;
const ROUNDS = 10;
const corpus = resolve(__dirname, '../../libs/testing/fixtures/corpus/sites/midjourney');
const datasets = resolve(process.env.DATASETS_DIR ?? join(__dirname, '../../../shared/datasets'));

function syntheticPage(variant: number): string {
  const files = ['privacy-policy/2025-06-02.html', 'terms-of-service/2025-06-23.html', 'data-deletion-faq/2023-10-02.html'];
  const articles = files.map((f) => /<main>([\s\S]*)<\/main>/.exec(readFileSync(join(corpus, f), 'utf8'))?.[1] ?? '');
  const body: string[] = [];
  for (let i = 0; body.join('').length < 50_000; i++) body.push(`<section data-part="${i}">${articles[i % articles.length]}</section>`);
  const nav = Array.from({ length: 300 }, (_, i) => `<li><a href="/docs/${i}?utm_source=nav&amp;v=${variant}">Topic ${i}</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ variant, items: Array.from({ length: 1900 }, (_, i) => ({ id: i, label: `item-${i}`, href: `/docs/${i}` })) })}</script>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Policy ${variant}</title><style>${'.c{color:red}'.repeat(1500)}</style>${script}</head>
<body><header class="site-header"><nav><ul>${nav}</ul></nav></header>
<div class="cookie-banner" role="dialog"><p>We use cookies. Session ${variant}. <button>Accept</button></p></div>
<main>${body.join('\n')}</main><footer class="site-footer">Rendered ${variant}</footer></body></html>`;
}

function realPages(): ExtractInput[] {
  const root = join(datasets, 'ota-demo');
  if (!existsSync(root)) return [];
  const inputs: ExtractInput[] = [];
  for (const name of readdirSync(root).sort()) {
    const body = readFileSync(join(root, name, 'snapshot.html'));
    if (body.length < 150_000 || body.length > 250_000) continue;
    const d = JSON.parse(readFileSync(join(root, name, 'declaration.json'), 'utf8')) as { fetch: string; select?: string; remove?: string };
    inputs.push({ body, contentType: 'text/html', url: d.fetch, rules: { select: d.select ?? undefined, remove: d.remove ?? undefined } });
  }
  return inputs;
}

async function measure(label: string, inputs: ExtractInput[]): Promise<void> {
  if (inputs.length === 0) {
    process.stdout.write(`${label}: skipped (no pages)\n`);
    return;
  }
  for (const input of inputs) await extract(input); // warm-up: JIT and lazy module loading
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const t = performance.now();
      await extract(input);
      times.push(performance.now() - t);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process (user + system) is what one core spends; wall time also counts waiting
  // for a core when the machine is shared, so both are printed.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  times.sort((a, b) => a - b);
  const kb = inputs.reduce((sum, i) => sum + i.body.length, 0) / inputs.length / 1024;
  const rate = times.length / elapsed;
  const cpuRate = times.length / cpuSeconds;
  process.stdout.write(
    `${label}: ${inputs.length} pages × ${ROUNDS} rounds, mean ${kb.toFixed(0)} KB\n` +
      `  wall: ${rate.toFixed(1)} pages/s (median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms per page)\n` +
      `  cpu:  ${cpuRate.toFixed(1)} pages/s (${((cpuSeconds * 1000) / times.length).toFixed(1)} ms of CPU per page, GC included)\n` +
      `  target ≥ ${TARGET_PAGES_PER_SECOND} pages/s: ${cpuRate >= TARGET_PAGES_PER_SECOND ? 'met' : 'NOT met'} on CPU time, ${rate >= TARGET_PAGES_PER_SECOND ? 'met' : 'NOT met'} on wall time; load average ${loadavg()[0].toFixed(2)}\n`,
  );
}

export async function run(): Promise<void> {
  await measure('real pages, OTA selectors', realPages());
  await measure('synthetic pages, automatic detection', Array.from({ length: 10 }, (_, i) => ({ body: syntheticPage(i), contentType: 'text/html', url: 'https://www.midjourney.test/policy' })));
}
