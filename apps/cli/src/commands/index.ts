import { CliCommand } from '../command';
import { notBuilt } from './not-built.command';
import { classifyCommand } from './classify.command';
import { diffCommand } from './diff.command';
import { extractCommand } from './extract.command';

// Each command lives in its own file; the names and usages are the contract of DESIGN.md.
export const commands: CliCommand[] = [
  extractCommand,
  diffCommand,
  classifyCommand,
  notBuilt('import-ota', 'import-ota <declarations-dir>', 'import Open Terms Archive declarations as platforms and documents'),
  notBuilt('ingest', 'ingest --document <id> --file <path> [--url U] [--captured-at ISO]', 'record a capture as if it had just been fetched'),
  notBuilt('crawl', 'crawl [--document <id>] [--due]', 'check documents now'),
  notBuilt('verify', 'verify [<record-id>] [--ledger]', 're-hash stored snapshots and versions and check the ledger'),
  notBuilt('export', 'export --format jsonl|csv', 'export versions, provisions and change records with a manifest'),
];
