// Compiles every TypeScript source of the workspace into dist/ with swc (about a second, versus
// tens of seconds for tsc), keeping decorator metadata for NestJS and TypeORM and rewriting the
// @clausewatch/* path aliases to relative requires. Type checking is `npm run typecheck`.
import { transformFile } from '@swc/core';
import { bundleCli } from './cli-bundle.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, writeFile, stat, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const quiet = process.argv.includes('--quiet');
// The test harness (libs/testing, the apps' and libs' testing/ folders), benchmarks and evaluations
// stay out of the production build; `npm run bench` and `npm run eval` build them with --with-harness.
const withHarness = process.argv.includes('--with-harness');
const harness = ['libs/testing', 'bench', 'scripts/eval'];
const isHarness = (path) => harness.some((h) => path === h || path.startsWith(`${h}/`)) || /(^|\/)src\/testing(\/|$)/.test(path);
const sourceDirs = ['apps', 'libs', 'scripts', 'bench'];
const skip = /(\.spec|\.integration-spec|\.d)\.ts$/;
// Templates and data files that code reads beside itself at run time.
const assets = /\.(hbs|json|css)$|[\\/]views[\\/]assets[\\/][^\\/]+\.js$/;
const notAssets = new Set(['project.json', 'tsconfig.json', 'package.json']);

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
    const full = join(dir, entry.name);
    if (!withHarness && isHarness(relative(root, full))) continue;
    if (entry.isDirectory()) yield* walk(full);
    else if ((entry.name.endsWith('.ts') && !skip.test(entry.name)) || (assets.test(full) && !notAssets.has(entry.name))) yield full;
  }
}

async function newer(src, dest) {
  try {
    return (await stat(src)).mtimeMs > (await stat(dest)).mtimeMs;
  } catch {
    return true;
  }
}

const started = Date.now();
if (process.argv.includes('--clean')) await rm(out, { recursive: true, force: true });
// A production build never leaves a harness an earlier development build compiled.
if (!withHarness) {
  const stale = [...harness, 'apps/api/src/testing', 'libs/db/src/testing'];
  await Promise.all(stale.map((path) => rm(join(out, path), { recursive: true, force: true })));
}
const files = [];
for (const dir of sourceDirs) for await (const file of walk(join(root, dir))) files.push(file);
let built = 0;
await Promise.all(
  files.map(async (file) => {
    const dest = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    if (!(await newer(file, dest))) return;
    if (!file.endsWith('.ts')) {
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(file, dest);
      built++;
      return;
    }
    const { code, map } = await transformFile(file, {
      swcrc: false,
      sourceMaps: true,
      module: { type: 'commonjs', ignoreDynamic: true },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
        baseUrl: root,
        paths,
      },
    });
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, code + `\n//# sourceMappingURL=${dest.split('/').pop()}.map\n`);
    if (map) await writeFile(dest + '.map', map);
    built++;
  }),
);
// The analyzer's rule prefilter (literals and automaton), stored beside it whenever its compiled files changed: a
// process then loads it instead of computing it (libs/analyzer/src/rule-prefilter.store.ts).
async function storeRulePrefilter() {
  const dir = join(out, 'libs/analyzer/src');
  const stored = await stat(join(dir, 'rule-prefilter.json')).then((s) => s.mtimeMs, () => 0);
  const compiled = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  const changed = await Promise.all(compiled.map(async (f) => (await stat(join(dir, f))).mtimeMs >= stored));
  if (!changed.some(Boolean)) return false;
  createRequire(import.meta.url)(join(dir, 'clause.classifier.js')).storeRulePrefilter();
  return true;
}
const prefilterStored = await storeRulePrefilter();
// The CLI's light commands start from one bundled file (scripts/cli-bundle.mjs, apps/cli/src/bundle.loader.ts).
const bundle = bundleCli(out);
if (!quiet) console.log(`build: ${built} of ${files.length} files compiled, CLI bundle of ${bundle.modules} modules ${bundle.written ? 'written' : 'unchanged'}${prefilterStored ? ', rule prefilter stored' : ''}, in ${Date.now() - started} ms`);
