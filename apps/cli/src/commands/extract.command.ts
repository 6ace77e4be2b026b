import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { extract, ExtractionError, ExtractionRules, ExtractResult } from '@clausewatch/extract';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { startProgress } from '../progress';

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain',
};

/** One line of a bulk manifest, as in an Open Terms Archive declaration. */
interface ManifestLine {
  file: string;
  url?: string;
  select?: ExtractionRules['select'];
  remove?: ExtractionRules['remove'];
  filter?: ExtractionRules['filter'];
}

type Write = (line: string) => void;

function describe(error: unknown): string {
  if (error instanceof ExtractionError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function extractFile(path: string, url: string | undefined, rules: ExtractionRules): Promise<ExtractResult> {
  const body = await readFile(path);
  return extract({ body, url, rules, contentType: CONTENT_TYPES[extname(path).toLowerCase()] });
}

function parseLine(text: string): ManifestLine {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || typeof (value as ManifestLine).file !== 'string') {
    throw new Error('a manifest line is an object with a "file" string');
  }
  return value as ManifestLine;
}

/** Bulk mode: one JSON line out per line in; a page that fails gives an error line and the run goes on. */
export async function runManifest(manifestPath: string, write: Write, onProgress = false): Promise<{ ok: number; failed: number }> {
  const base = dirname(resolve(manifestPath));
  const lines = (await readFile(manifestPath, 'utf8')).split(/\r?\n/).filter((l) => l.trim() !== '');
  let ok = 0;
  let failed = 0;
  const progress = onProgress ? startProgress('extract', lines.length) : null;
  for (const text of lines) {
    let file: string | null = null;
    try {
      const line = parseLine(text);
      file = line.file;
      const result = await extractFile(resolve(base, line.file), line.url, { select: line.select, remove: line.remove, filter: line.filter });
      write(JSON.stringify({ file, markdown: result.markdown, textSha256: result.textSha256 }));
      ok++;
    } catch (error) {
      const code = error instanceof ExtractionError ? error.code : undefined;
      write(JSON.stringify({ file, error: describe(error), ...(code ? { code } : {}) }));
      failed++;
    }
    progress?.tick();
  }
  progress?.stop(`extracted ${ok} of ${ok + failed} page(s)${failed ? `, ${failed} failed` : ''}`);
  return { ok, failed };
}

export const extractCommand: CliCommand = {
  name: 'extract',
  usage: 'extract <file> [--url U] [--select CSS]... [--remove CSS]... [--filter NAME]... [--json] | extract --jsonl <manifest>',
  summary: 'print the normalised Markdown of an HTML or PDF file',
  async run(args) {
    const { positionals, strings, arrays, booleans } = parseArgs(args, {
      strings: ['url', 'jsonl'],
      arrays: ['select', 'remove', 'filter'],
      booleans: ['json'],
    });
    const write: Write = (line) => process.stdout.write(line + '\n');
    if (strings.jsonl !== undefined) {
      if (positionals.length > 0) throw new CliUsageError('--jsonl takes the manifest instead of a file');
      const { ok, failed } = await runManifest(strings.jsonl, write, true);
      if (failed > 0) process.stderr.write(`clausewatch extract: ${failed} of ${ok + failed} page(s) could not be extracted\n`);
      return failed > 0 ? EXIT.someFailed : EXIT.ok;
    }
    if (positionals.length !== 1) throw new CliUsageError('expected exactly one file');
    let result: ExtractResult;
    try {
      result = await extractFile(positionals[0], strings.url, { select: arrays.select, remove: arrays.remove, filter: arrays.filter });
    } catch (error) {
      process.stderr.write(`clausewatch extract: ${describe(error)}\n`);
      return 1;
    }
    if (booleans.json) {
      write(JSON.stringify({ markdown: result.markdown, textSha256: result.textSha256, rawSha256: result.rawSha256, title: result.title }));
    } else {
      process.stdout.write(result.markdown);
    }
    return 0;
  },
};
