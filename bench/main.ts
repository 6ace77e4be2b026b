// `npm run bench [-- <name>...]`: runs the benchmarks in this folder (files named *.bench.ts, each
// exporting `run()` that prints its figures). Figures go to BENCHMARKS.md with the machine.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.js$/, ''))
    .filter((n) => wanted.length === 0 || wanted.includes(n));
  process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  for (const name of names) {
    process.stdout.write(`\n## ${name}\n`);
    const bench = (await import(join(__dirname, `${name}.bench.js`))) as { run(): Promise<void> };
    await bench.run();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
