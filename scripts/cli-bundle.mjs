// Writes dist/apps/cli/cli.bundle.js: every module that the CLI's light commands (extract, diff, classify)
// can require, found by following the literal require("...") calls of the built files, each wrapped
// in its own CommonJS function with a table of the requests it makes. apps/cli/src/bundle.loader.ts runs it
// with V8's code cache. The database commands stay out (they are required the usual way when they run), and the
// build fails if Nest, TypeORM or pg-boss ever reach the bundle.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The commands served from the bundle; the others' files are left to the usual loader. */
const LIGHT_COMMANDS = new Set(['extract', 'diff', 'classify']);
const HEAVY_PACKAGES = /[\\/]node_modules[\\/](?:@nestjs|typeorm|pg-boss|pg)[\\/]/;
const REQUIRE_CALL = /\brequire\(\s*(["'])([^"'\n]+)\1\s*\)/g;

/** The files to bundle, from the CLI's entry, with the bundle id of each literal request they make. */
function collect(entry, commandsDir) {
  const found = new Map();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop();
    if (found.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const requests = new Map();
    const resolveFrom = createRequire(file);
    for (const [, , request] of source.matchAll(REQUIRE_CALL)) {
      if (isBuiltin(request) || requests.has(request)) continue;
      let target;
      try {
        target = resolveFrom.resolve(request);
      } catch {
        continue; // an optional dependency that is not installed: required (and failing) at run time as before
      }
      if (!/\.c?js$/.test(target) || isHeavyCommand(target, commandsDir)) continue;
      if (HEAVY_PACKAGES.test(target)) throw new Error(`cli bundle: ${relative(dirname(entry), file)} requires ${request}, which the light commands must not load`);
      requests.set(request, target);
      pending.push(target);
    }
    found.set(file, { source, requests });
  }
  return found;
}

function isHeavyCommand(file, commandsDir) {
  const match = /^([a-z-]+)\.command\.js$/.exec(file.slice(commandsDir.length + 1));
  return dirname(file) === commandsDir && match !== null && !LIGHT_COMMANDS.has(match[1]);
}

/** A module's source as the body of its function: no shebang, no source-map comment (the bundle has no map). */
function body(source) {
  return source.replace(/^#!.*/, '').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

/** Whether the bundle is older than none of its files (nor this script): ctime, which unpacking a package sets too. */
function upToDate(bundleFile, manifestFile) {
  try {
    const built = statSync(bundleFile).mtimeMs;
    const files = [fileURLToPath(import.meta.url), ...JSON.parse(readFileSync(manifestFile, 'utf8'))];
    return files.every((file) => statSync(file).ctimeMs < built);
  } catch {
    return false;
  }
}

/** Written whole, then renamed in place: a CLI starting meanwhile (or a build running beside) reads the old or the new. */
function writeWhole(file, content) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, content);
  renameSync(partial, file);
}

/** Writes the bundle when its content changed (and then drops the code caches of the previous one). */
export function bundleCli(out) {
  const cliDir = join(out, 'apps/cli');
  const bundleFile = join(cliDir, 'cli.bundle.js');
  const manifestFile = join(cliDir, 'cli.bundle.files.json');
  if (upToDate(bundleFile, manifestFile)) return { modules: JSON.parse(readFileSync(manifestFile, 'utf8')).length, written: false };
  const modules = collect(join(cliDir, 'src/cli.js'), join(cliDir, 'src/commands'));
  // Ids are paths from the repository root (dist/..., node_modules/...): the loader prefixes the root, no normalising.
  const root = join(out, '..');
  const id = (file) => relative(root, file).split(sep).join('/');
  const parts = [...modules].sort(([a], [b]) => a.localeCompare(b)).map(([file, { source, requests }]) => {
    const deps = Object.fromEntries([...requests].map(([request, target]) => [request, id(target)]));
    return `define(${JSON.stringify(id(file))}, ${JSON.stringify(deps)}, function (exports, require, module, __filename, __dirname) {\n${body(source)}\n});\n`;
  });
  const content = `(function (define) {\n${parts.join('')}})\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  // The header names the commands it serves: the loader reads it first and leaves --help and the others to the usual way.
  const bundle = `// clausewatch-cli-bundle ${hash} ${[...LIGHT_COMMANDS].join(',')}\n${content}`;
  writeWhole(manifestFile, JSON.stringify([...modules.keys()]));
  let previous = '';
  try {
    previous = readFileSync(bundleFile, 'utf8');
  } catch {
    // first build
  }
  if (previous === bundle) {
    const now = new Date();
    utimesSync(bundleFile, now, now); // checked as up to date from now on; its code caches stay valid
    return { modules: modules.size, written: false };
  }
  writeWhole(bundleFile, bundle);
  rmSync(join(cliDir, 'cli.bundle.cache'), { recursive: true, force: true });
  return { modules: modules.size, written: true };
}
