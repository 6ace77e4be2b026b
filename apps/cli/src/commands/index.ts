import type { CliCommandEntry } from '../command';

// The names and usages are the contract of DESIGN.md. Each command's code is loaded only when it runs:
// add a command with one line here and its own file. A plain require (not import()): no ESM loader to start,
// and the built CLI bundle (scripts/cli-bundle.mjs) serves the light commands' modules from one file.
/* eslint-disable @typescript-eslint/no-require-imports */
export const commands: CliCommandEntry[] = [
  { name: 'extract', usage: 'extract <file> [--url U] [--select CSS]... [--remove CSS]... [--filter NAME]... [--json] | extract --jsonl <manifest>', summary: 'print the normalised Markdown of an HTML or PDF file', load: async () => require('./extract.command') },
  { name: 'diff', usage: 'diff <old> <new> [--json]', summary: 'analyse two versions (HTML or Markdown) without a database and print the change record', load: async () => require('./diff.command') },
  { name: 'classify', usage: 'classify [FILE|-]', summary: 'clause types and stance of JSON lines { "id", "text" }', load: async () => require('./classify.command') },
  { name: 'import-ota', usage: 'import-ota <declarations-dir>', summary: 'import Open Terms Archive declarations (and their history files) as platforms and documents', load: async () => require('./import-ota.command') },
  { name: 'ingest', usage: 'ingest --document <id> --file <path> [--url U] [--captured-at ISO]', summary: 'record a capture made elsewhere (through the running server when there is one)', load: async () => require('./ingest.command') },
  { name: 'crawl', usage: 'crawl [--document <id>] [--due]', summary: 'check documents now (one, the due ones, or all) and print one JSON line per check', load: async () => require('./crawl.command') },
  { name: 'verify', usage: 'verify [<record-id>] [--ledger] [--json]', summary: 're-hash stored snapshots and versions and check the ledger', load: async () => require('./verify.command') },
  { name: 'export', usage: 'export --format jsonl|csv --out DIR', summary: 'export versions, provisions and change records into DIR with a manifest of SHA-256s', load: async () => require('./export.command') },
  { name: 'digest', usage: 'digest [--at ISO] [--dry-run]', summary: 'build (and unless --dry-run, send) the weekly digests due at that instant; never twice per subscriber and week', load: async () => require('./digest.command') },
];
