import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { ArchiveExportRepository, type ArchiveTableName } from '@clausewatch/db';
import { csvField, plainValue } from '@clausewatch/records';
import { withDatabase } from '../cli-context';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { Progress, startProgress } from '../progress';

type ExportFormat = 'jsonl' | 'csv';

const EXPORT_BATCH = 1000;

export interface ManifestFile {
  name: string;
  records: number;
  bytes: number;
  sha256: string;
}

class HashedFile {
  readonly hash = createHash('sha256');
  bytes = 0;
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

async function exportTable(archive: ArchiveExportRepository, table: { name: ArchiveTableName; columns: string[] }, format: ExportFormat, dir: string, progress: Progress): Promise<ManifestFile> {
  const name = `${table.name}.${format}`;
  const file = new HashedFile(join(dir, name));
  if (format === 'csv') await file.write(`${table.columns.join(',')}\r\n`);
  let records = 0;
  for (let after = '0'; ; ) {
    const rows: Array<Record<string, unknown>> = await archive.readBatch(table.name, after, EXPORT_BATCH);
    if (rows.length === 0) break;
    let out = '';
    for (const row of rows) {
      out +=
        format === 'jsonl'
          ? `${JSON.stringify(Object.fromEntries(table.columns.map((c) => [c, c === 'ledger_index' && row[c] !== null ? Number(row[c]) : plainValue(row[c])])))}\n`
          : `${table.columns.map((c) => csvField(row[c])).join(',')}\r\n`;
    }
    await file.write(out);
    records += rows.length;
    for (let i = 0; i < rows.length; i++) progress.tick();
    after = String(rows[rows.length - 1]._key);
  }
  await file.close();
  return { name, records, bytes: file.bytes, sha256: file.hash.digest('hex') };
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --format jsonl|csv --out DIR',
  summary: 'export versions, provisions and change records into DIR with a manifest of SHA-256s',
  async run(args) {
    const { positionals, strings } = parseArgs(args, { strings: ['format', 'out'] });
    if (positionals.length > 0) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    const format = strings.format;
    if (format !== 'jsonl' && format !== 'csv') throw new CliUsageError('--format must be jsonl or csv');
    // Never into the current folder by surprise, never over an earlier export.
    if (!strings.out) throw new CliUsageError('--out DIR is required (a new or empty folder for the export files)');
    const dir = resolve(strings.out);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new CliUsageError(`${dir} is not empty: give a new or empty folder`);
    const exportedAt = new Date();
    mkdirSync(dir, { recursive: true });
    return withDatabase(async ({ dataSource }) => {
      const files: ManifestFile[] = [];
      let total = 0;
      const archive = new ArchiveExportRepository(dataSource);
      for (const table of archive.tables()) total += await archive.countRows(table.name);
      const progress = startProgress('export', total);
      for (const table of archive.tables()) files.push(await exportTable(archive, table, format, dir, progress));
      progress.stop(`exported ${files.reduce((n, f) => n + f.records, 0)} records`);
      const manifest = { tool: 'clausewatch', format, exportedAt: exportedAt.toISOString(), files };
      const manifestFile = new HashedFile(join(dir, 'manifest.json'));
      await manifestFile.write(`${JSON.stringify(manifest, null, 2)}\n`);
      await manifestFile.close();
      for (const f of files) process.stdout.write(`${f.sha256}  ${f.name} (${f.records} records)\n`);
      process.stdout.write(`manifest: ${join(dir, 'manifest.json')}\n`);
      return EXIT.ok;
    });
  },
};
