import { CliCommand } from '../command';
import { classifyCommand } from './classify.command';
import { diffCommand } from './diff.command';
import { crawlCommand } from './crawl.command';
import { extractCommand } from './extract.command';
import { importOtaCommand } from './import-ota.command';
import { ingestCommand } from './ingest.command';
import { verifyCommand } from './verify.command';
import { exportCommand } from './export.command';
import { digestCommand } from './digest.command';

// Each command lives in its own file; the names and usages are the contract of DESIGN.md.
export const commands: CliCommand[] = [
  extractCommand,
  diffCommand,
  classifyCommand,
  importOtaCommand,
  ingestCommand,
  crawlCommand,
  verifyCommand,
  exportCommand,
  digestCommand,
];
