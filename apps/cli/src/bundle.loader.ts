import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

// The built CLI's light commands (extract, diff, classify) start from one file that the build writes
// (scripts/cli-bundle.mjs: every module they load, each in its own function) and from V8's code cache of it,
// so a run reads one file and compiles (almost) nothing, instead of resolving, reading and compiling about a
// hundred modules. Node 20 has no module.enableCompileCache; this is its equivalent for that one file.
// Each bundled module becomes a real CommonJS module under its own file name (in require.cache), so a module
// the bundle does not hold (a database command, a JSON table) is required the usual way and shares them.

/** The bundle's first line: `// clausewatch-cli-bundle <content hash> <command>,...`; the cache files are named after the hash. */
const HEADER = /^\/\/ clausewatch-cli-bundle ([0-9a-f]{16}) ([a-z,-]+)\n/;
const HEADER_BYTES = 256;
/** The bundle's path beside the built apps/cli/src, and the folder of its code caches. */
export const BUNDLE_FILE = join(__dirname, '..', 'cli.bundle.js');
/** The repository root (above dist/): bundle ids are paths from it. */
const ROOT = join(__dirname, '..', '..', '..', '..');
export const CACHE_DIR = join(__dirname, '..', 'cli.bundle.cache');

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
type Define = (id: string, deps: Record<string, string>, fn: ModuleFunction) => void;
interface BundledModule {
  filename: string;
  /** The bundle id (path from the repository root) of each request the module makes that the bundle holds. */
  deps: Record<string, string>;
  fn: ModuleFunction;
}
/** Node's CommonJS internals the loader needs (stable since Node 0.x; not in @types/node). */
interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
}
const internals = Module as unknown as ModuleInternals;

/**
 * Runs the CLI from the bundle when the build wrote one (and CLAUSEWATCH_CLI_BUNDLE is not 0); false when there is
 * none, and the caller loads the CLI's modules one by one.
 */
export function runBundled(entry: string, argv: string[]): boolean {
  if (process.env.CLAUSEWATCH_CLI_BUNDLE === '0') return false;
  const header = HEADER.exec(readHeader(BUNDLE_FILE));
  const [command, ...rest] = argv;
  // --help and the commands the bundle does not serve load a few modules: reading the whole bundle would cost more.
  if (!header || !header[2].split(',').includes(command) || rest.includes('--help') || rest.includes('-h')) return false;
  const hash = header[1];
  let source: string;
  try {
    source = readFileSync(BUNDLE_FILE, 'utf8');
  } catch {
    return false;
  }
  if (!source.startsWith(header[0])) return false; // rewritten between the two reads: the usual way this time
  // One cache per command: each holds the code that command compiled (V8 caches what ran before it is made).
  const cacheFile = join(CACHE_DIR, `${hash}-${command}.v8`);
  const cachedData = readOptional(cacheFile);
  const script = new Script(source, { filename: BUNDLE_FILE, cachedData, importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  if (!cachedData || script.cachedDataRejected) keepCodeCacheAtExit(script, cacheFile);
  const bundle = new Bundle(ROOT);
  (script.runInThisContext() as (define: Define) => void)(bundle.define);
  const main = bundle.byFilename(entry);
  if (!main) return false;
  bundle.load(main, require.main ?? module);
  return true;
}

class Bundle {
  private readonly modules = new Map<string, BundledModule>();

  constructor(private readonly base: string) {}

  readonly define: Define = (id, deps, fn) => {
    this.modules.set(id, { filename: `${this.base}/${id}`, deps, fn });
  };

  byFilename(filename: string): BundledModule | undefined {
    for (const bundled of this.modules.values()) if (bundled.filename === filename) return bundled;
    return undefined;
  }

  /** Like Module._load for a bundled file: cached under its name, run once, cycles see partial exports. */
  load(bundled: BundledModule, parent: Module): unknown {
    const { filename } = bundled;
    const cached = require.cache[filename];
    if (cached) return cached.exports;
    const child = new Module(filename, parent);
    const folder = dirname(filename);
    child.filename = filename;
    lazyPaths(child, folder);
    require.cache[filename] = child;
    let done = false;
    try {
      bundled.fn.call(child.exports, child.exports, this.requireFor(child, bundled.deps), child, filename, folder);
      done = true;
    } finally {
      if (!done) delete require.cache[filename];
    }
    child.loaded = true;
    return child.exports;
  }

  /** A module's require: what the bundle holds from it, anything else (built-ins too) the usual way. */
  private requireFor(owner: Module, deps: Record<string, string>): NodeJS.Require {
    const load = (request: string): unknown => {
      const id = deps[request];
      const bundled = id === undefined ? undefined : this.modules.get(id);
      return bundled ? this.load(bundled, owner) : owner.require(request);
    };
    const resolve = (request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, owner, false, options);
    resolve.paths = (request: string) => Module.createRequire(owner.filename).resolve.paths(request);
    return Object.assign(load, { resolve, cache: require.cache, main: require.main, extensions: require.extensions }) as NodeJS.Require;
  }
}

/** node_modules lookup paths, computed only for a module that requires something outside the bundle. */
function lazyPaths(child: Module, folder: string): void {
  let paths: string[] | undefined;
  Object.defineProperty(child, 'paths', {
    configurable: true,
    enumerable: true,
    get: () => (paths ??= internals._nodeModulePaths(folder)),
    set: (value: string[]) => {
      paths = value;
    },
  });
}

/** The bundle's first line, or '' when there is no bundle. */
function readHeader(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** After a successful run, the code V8 compiled for it goes to the cache (written whole, then renamed in place). */
function keepCodeCacheAtExit(script: Script, cacheFile: string): void {
  process.once('exit', (code) => {
    if (code !== 0) return;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only build: the CLI runs as well, only without the cache.
    }
  });
}
