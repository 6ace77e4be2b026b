import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { csvField, plainValue } from '@clausewatch/records';
import { DataSource } from 'typeorm';
import { withDatabase } from '../cli-context';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { Progress, startProgress } from '../progress';

type ExportFormat = 'jsonl' | 'csv';

const EXPORT_BATCH = 1000;

/** The table each export file counts its rows from (progress). */
const TABLE_NAMES: Record<string, string> = { versions: 'versions', provisions: 'provisions', changes: 'change_records' };

interface Table {
  name: string;
  columns: string[];
  /** Keyset-paginated by the internal id, which is not exported (`$1` = last id, `$2` = limit). */
  query: string;
}

// Record IDs stand in for every internal id, so an export can be cited and joined on its own.
const TABLES: Table[] = [
  {
    name: 'versions',
    columns: ['id', 'document', 'platform', 'captured_at', 'source_url', 'final_url', 'http_status', 'fetcher', 'origin', 'raw_sha256', 'text_sha256', 'ledger_index', 'revert_of', 'title', 'markdown'],
    query: `SELECT v.id AS _key, v.record_id AS id, d.record_id AS document, pl.slug AS platform, v.captured_at, v.source_url, v.final_url, v.http_status,
                   v.fetcher, v.origin, v.raw_sha256, v.text_sha256, v.ledger_index, r.record_id AS revert_of, v.title, v.markdown
              FROM versions v JOIN documents d ON d.id = v.document_id JOIN platforms pl ON pl.id = d.platform_id
              LEFT JOIN versions r ON r.id = v.revert_of_version_id
             WHERE v.id > $1 ORDER BY v.id LIMIT $2`,
  },
  {
    name: 'provisions',
    columns: ['id', 'document', 'platform', 'heading_path', 'clause_types', 'first_seen_version', 'first_seen_at', 'last_seen_version', 'last_seen_at', 'change_count', 'removed_in_version', 'removed_at', 'text'],
    query: `SELECT p.id AS _key, p.record_id AS id, d.record_id AS document, pl.slug AS platform, p.heading_path, p.clause_types,
                   f.record_id AS first_seen_version, p.first_seen_at, l.record_id AS last_seen_version, p.last_seen_at, p.change_count,
                   r.record_id AS removed_in_version, p.removed_at, p.text
              FROM provisions p JOIN documents d ON d.id = p.document_id JOIN platforms pl ON pl.id = d.platform_id
              JOIN versions f ON f.id = p.first_seen_version_id JOIN versions l ON l.id = p.last_seen_version_id
              LEFT JOIN versions r ON r.id = p.removed_in_version_id
             WHERE p.id > $1 ORDER BY p.id LIMIT $2`,
  },
  {
    name: 'changes',
    columns: ['id', 'document', 'platform', 'from_version', 'to_version', 'kind', 'severity', 'alert_eligible', 'revert_of', 'clause_types', 'summary', 'reasons', 'clauses', 'analyzer_version', 'created_at', 'superseded_by'],
    query: `SELECT c.id AS _key, c.record_id AS id, d.record_id AS document, pl.slug AS platform, f.record_id AS from_version, t.record_id AS to_version,
                   c.kind, c.severity, c.alert_eligible, r.record_id AS revert_of, c.clause_types, c.summary, c.reasons, c.clauses,
                   c.analyzer_version, c.created_at, c.superseded_by
              FROM change_records c JOIN documents d ON d.id = c.document_id JOIN platforms pl ON pl.id = d.platform_id
              JOIN versions f ON f.id = c.from_version_id JOIN versions t ON t.id = c.to_version_id
              LEFT JOIN versions r ON r.id = c.revert_of_version_id
             WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
  },
];

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

async function exportTable(dataSource: DataSource, table: Table, format: ExportFormat, dir: string, progress: Progress): Promise<ManifestFile> {
  const name = `${table.name}.${format}`;
  const file = new HashedFile(join(dir, name));
  if (format === 'csv') await file.write(`${table.columns.join(',')}\r\n`);
  let records = 0;
  for (let after = '0'; ; ) {
    const rows: Array<Record<string, unknown>> = await dataSource.query(table.query, [after, EXPORT_BATCH]);
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
      for (const table of TABLES) total += Number((await dataSource.query(`SELECT count(*) AS n FROM ${TABLE_NAMES[table.name]}`))[0].n);
      const progress = startProgress('export', total);
      for (const table of TABLES) files.push(await exportTable(dataSource, table, format, dir, progress));
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
