import { RecordCapture } from '@clausewatch/capture';
import { DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { createTestDatabase, readCorpusPage, TestDatabase } from '@clausewatch/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withServices } from '../cli-context';
import { exportCommand } from './export.command';
import { verifyCommand } from './verify.command';

const PAGES = ['2025-06-23', '2025-09-10'].map((d) => `sites/midjourney/terms-of-service/${d}.html`);

async function run(command: typeof verifyCommand, args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const code = await command.run(args);
    return { code, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('clausewatch verify and export', () => {
  let database: TestDatabase;
  let client: Client;
  let dataDir: string;
  let versions: string[];
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'cw-cli-'));
    Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir });
    versions = await withServices(async ({ app }) => {
      const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
      const { document } = await app.get(DocumentsRepository).create({
        platformId: platform.id, title: 'Terms of Service', type: 'terms-of-service', sources: [{ url: 'https://docs.midjourney.com/tos' }], fetcher: 'auto', checkIntervalMinutes: 360,
      });
      const ids: string[] = [];
      for (const [i, page] of PAGES.entries()) {
        const capture = { parts: [{ body: readCorpusPage(page), contentType: 'text/html', url: 'https://docs.midjourney.com/tos' }], url: 'https://docs.midjourney.com/tos', finalUrl: null, httpStatus: 200, fetcher: 'capture', capturedAt: new Date(Date.UTC(2025, i * 3, 1)) };
        const result = await app.get(RecordCapture).record(document, capture, { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 });
        ids.push(result.version!.recordId);
      }
      return ids;
    });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies the whole archive and the ledger, then names a tampered snapshot', async () => {
    const all = await run(verifyCommand, []);
    expect(all.out).toContain('2 versions: snapshot stored, hash verified');
    expect(all.out).toMatch(/ledger: 2 leaves and \d+ signed tree heads verified/);
    expect(all.code).toBe(0);

    const one = await run(verifyCommand, [versions[0]]);
    expect(one).toEqual({ code: 0, out: `${versions[0]}: snapshot stored, hash verified\n` });

    const flip = `UPDATE snapshots SET body = set_byte(body, 3, get_byte(body, 3) # 1) WHERE id = (SELECT snapshot_id FROM versions WHERE record_id = $1)`;
    await client.query(flip, [versions[0]]);
    try {
      const tampered = await run(verifyCommand, [versions[0]]);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain(`${versions[0]}: snapshot mismatch: raw bytes hash to`);
    } finally {
      await client.query(flip, [versions[0]]);
    }

    await client.query('UPDATE ledger_nodes SET hash = set_byte(hash, 0, get_byte(hash, 0) # 1) WHERE level = 1 AND node_index = 0');
    try {
      const ledger = await run(verifyCommand, ['--ledger']);
      expect(ledger.code).toBe(1);
      expect(ledger.out).toContain('ledger: ledger node (1, 0): stored hash');
    } finally {
      await client.query('UPDATE ledger_nodes SET hash = set_byte(hash, 0, get_byte(hash, 0) # 1) WHERE level = 1 AND node_index = 0');
    }
    expect((await run(verifyCommand, ['--ledger'])).code).toBe(0);
  });

  it('verify --since: proves the ledger extends a head saved from tree-heads.log, and refuses one it does not extend', async () => {
    // Every head signed so far is in DATA_DIR/ledger/tree-heads.log; a file argument takes its last line.
    const log = join(dataDir, 'ledger', 'tree-heads.log');
    const last = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').pop()!);
    const ok = await run(verifyCommand, ['--since', log]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain(`since: the log of ${last.treeSize} entries extends the saved head of ${last.treeSize}`);
    const forged = await run(verifyCommand, ['--since', `${last.treeSize}:${'0'.repeat(64)}`]);
    expect(forged.code).toBe(1);
    expect(forged.out).toContain('a different root: entries were rewritten');
    await expect(run(verifyCommand, ['--since', 'not-a-head'])).rejects.toThrow(/--since: a saved tree head/);
  });

  it.each(['jsonl', 'csv'])('exports versions, provisions and changes as %s with a manifest of SHA-256s', async (format) => {
    const out = join(dataDir, `export-${format}`);
    const result = await run(exportCommand, ['--format', format, '--out', out]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const counts = (await client.query('SELECT (SELECT count(*) FROM versions)::int AS versions, (SELECT count(*) FROM provisions)::int AS provisions, (SELECT count(*) FROM change_records)::int AS changes')).rows[0];
    expect(manifest.files.map((f: { name: string; records: number }) => [f.name, f.records])).toEqual([
      [`versions.${format}`, counts.versions],
      [`provisions.${format}`, counts.provisions],
      [`changes.${format}`, counts.changes],
    ]);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(out, file.name));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
    const versionsFile = readFileSync(join(out, `versions.${format}`), 'utf8');
    if (format === 'jsonl') {
      const rows = versionsFile.trim().split('\n').map((line) => JSON.parse(line));
      expect(rows.map((r) => r.id)).toEqual(versions);
      expect(createHash('sha256').update(rows[1].markdown).digest('hex')).toBe(rows[1].text_sha256);
    } else {
      expect(versionsFile.split('\r\n')[0]).toBe('id,document,platform,captured_at,source_url,final_url,http_status,fetcher,origin,raw_sha256,text_sha256,ledger_index,revert_of,title,markdown');
      expect(versionsFile.split('\r\n')[1].startsWith(`${versions[0]},`)).toBe(true);
    }
  });

  it('refuses an unknown format and a malformed record ID', async () => {
    await expect(exportCommand.run(['--format', 'xml'])).rejects.toThrow('--format must be jsonl or csv');
    await expect(verifyCommand.run(['CW-V-12'])).rejects.toThrow('is not a record ID');
  });
});
