import { CliCommand } from '../command';
import { notBuilt } from './not-built.command';
import { classifyCommand } from './classify.command';
import { diffCommand } from './diff.command';
import { crawlCommand } from './crawl.command';
import { extractCommand } from './extract.command';
import { importOtaCommand } from './import-ota.command';
import { ingestCommand } from './ingest.command';

// Each command lives in its own file; the names and usages are the contract of DESIGN.md.
export const commands: CliCommand[] = [
  extractCommand,
  diffCommand,
  classifyCommand,
  importOtaCommand,
  ingestCommand,
  crawlCommand,
  notBuilt('verify', 'verify [<record-id>] [--ledger]', 're-hash stored snapshots and versions and check the ledger'),
  notBuilt('export', 'export --format jsonl|csv', 'export versions, provisions and change records with a manifest'),
];
