// `npm run eval [-- <name>...]`: runs every evaluation in this folder (files named *.eval.ts, each
// exporting `evaluate(datasetsDir)`) against ../shared/datasets, or DATASETS_DIR.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Evaluation {
  evaluate(datasetsDir: string): Promise<{ report: string; pass: boolean }>;
}

async function main(): Promise<number> {
  const datasetsDir = resolve(process.env.DATASETS_DIR ?? join(__dirname, '../../../../shared/datasets'));
  if (!existsSync(datasetsDir)) {
    process.stderr.write(`eval: no data sets at ${datasetsDir} (set DATASETS_DIR or put shared/ beside the project)\n`);
    return 1;
  }
  const wanted = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((f) => f.endsWith('.eval.js'))
    .map((f) => f.replace(/\.eval\.js$/, ''))
    .filter((n) => wanted.length === 0 || wanted.includes(n));
  let ok = true;
  for (const name of names) {
    const evaluation = (await import(join(__dirname, `${name}.eval.js`))) as Evaluation;
    const { report, pass } = await evaluation.evaluate(datasetsDir);
    process.stdout.write(`\n## ${name}\n\n${report}\n`);
    ok &&= pass;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
