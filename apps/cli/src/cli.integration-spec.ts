import { createDataSource, RunningChecksRepository } from '@clausewatch/db';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '../../..');
const main = join(root, 'dist/apps/cli/src/main.js');
const corpus = join(root, 'libs/testing/fixtures/corpus/sites/midjourney/terms-of-service');
// Printed by a preload when the process exits: which heavy frameworks it loaded.
const probe = `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(['@nestjs/core', 'typeorm', 'pg-boss'].filter((m) => Object.keys(require.cache).some((k) => k.includes('/node_modules/' + m + '/')))) + '\\n'));`;

// The built CLI as a user runs it: a separate process, its exit status, its output, its .env.
describe('clausewatch CLI (built, in a process)', () => {
  let dir: string;
  let database: TestDatabase;

  const cli = (args: string[], env: Record<string, string> = {}, cwd = dir) =>
    spawnSync(process.execPath, ['--require', join(dir, 'probe.js'), main, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'data'), ...env },
      encoding: 'utf8',
    });
  const loaded = (stderr: string): string[] => JSON.parse(/LOADED (.*)/.exec(stderr)?.[1] ?? 'null');

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });
    dir = mkdtempSync(join(tmpdir(), 'cw-cli-process-'));
    writeFileSync(join(dir, 'probe.js'), probe);
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('documents its exit codes in --help, and answers 2 for bad usage', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit status:\n {2}0 {2}all done\n {2}1 {2}some items failed.*\n {2}2 {2}bad usage/);
    for (const name of ['extract', 'diff', 'classify', 'import-ota', 'ingest', 'crawl', 'verify', 'export']) expect(help.stdout).toContain(`  ${name} `);
    expect(cli([]).status).toBe(2);
    expect(cli(['diff', '--colour', 'a', 'b']).status).toBe(2);
    const exported = cli(['export', '--format', 'csv']);
    expect(exported.status).toBe(2);
    expect(exported.stderr).toContain('--out DIR is required');
    expect(readdirSync(dir).filter((f) => f.startsWith('clausewatch-export'))).toEqual([]);
    expect(cli(['crawl', '--help']).stdout).toContain('Exit status: 0 all done, 1 some items failed, 2 bad usage.');
  });

  it('never loads Nest, TypeORM or pg-boss for --help, extract, diff and classify', () => {
    const runs = [
      cli(['--help']),
      cli(['extract', join(corpus, '2025-06-23.html'), '--json']),
      cli(['diff', join(corpus, '2025-06-23.html'), join(corpus, '2025-09-10.html'), '--json']),
      spawnSync(process.execPath, ['--require', join(dir, 'probe.js'), main, 'classify', '-'], { input: '{"id":"1","text":"You waive your right to a jury trial."}\n', encoding: 'utf8', cwd: dir }),
    ];
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(loaded(run.stderr)).toEqual([]);
    }
    expect(JSON.parse(runs[2].stdout)).toMatchObject({ kind: expect.any(String), severity: expect.any(String) });
    // ...while a database command does load them (the probe sees what it should).
    const verify = cli(['verify', '--ledger'], { DATABASE_URL: database.url });
    expect(verify.status).toBe(0);
    expect(loaded(verify.stderr)).toEqual(['@nestjs/core', 'typeorm', 'pg-boss']);
  });

  it('prints the same from its bundle and code cache as from its modules one by one (CLAUSEWATCH_CLI_BUNDLE=0)', () => {
    const bundle = join(root, 'dist/apps/cli/cli.bundle.js');
    expect(existsSync(bundle)).toBe(true);
    const pages = [join(corpus, '2025-06-23.html'), join(corpus, '2025-09-10.html')];
    const runs: string[][] = [['--help'], ['diff', ...pages, '--json'], ['diff', ...pages], ['extract', pages[1]]];
    for (const args of runs) {
      const plain = cli(args, { CLAUSEWATCH_CLI_BUNDLE: '0' });
      // Twice from the bundle: once without a code cache for this command (it is written then), once with it.
      const bundled = [cli(args), cli(args)];
      expect(plain.status).toBe(0);
      for (const run of bundled) {
        expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 0, stdout: plain.stdout });
        expect(loaded(run.stderr)).toEqual([]);
      }
    }
    const input = '{"id":"1","text":"You waive your right to a jury trial."}\n{"id":"2","text":"We never sell your personal data."}\n';
    const classify = (env: Record<string, string>) => spawnSync(process.execPath, [main, 'classify', '-'], { input, encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
    expect(classify({}).stdout).toBe(classify({ CLAUSEWATCH_CLI_BUNDLE: '0' }).stdout);
    // Bad usage reads the same either way too (and leaves no cache behind).
    const bad = ['diff', pages[0]];
    expect(cli(bad)).toMatchObject({ status: 2, stderr: cli(bad, { CLAUSEWATCH_CLI_BUNDLE: '0' }).stderr });
  }, 180_000);

  it('keeps one V8 code cache per command beside the bundle, written once and then used as it is', () => {
    const cacheDir = join(root, 'dist/apps/cli/cli.bundle.cache');
    const hash = /^\/\/ clausewatch-cli-bundle ([0-9a-f]{16}) /.exec(readFileSync(join(root, 'dist/apps/cli/cli.bundle.js'), 'utf8'))?.[1];
    expect(hash).toBeDefined();
    const cacheFile = join(cacheDir, `${hash}-classify.v8`);
    rmSync(cacheFile, { force: true });
    const file = join(dir, 'clauses.jsonl');
    writeFileSync(file, '{"id":"1","text":"We may terminate your account at any time."}\n');
    expect(cli(['classify', file]).status).toBe(0);
    const written = statSync(cacheFile);
    expect(written.size).toBeGreaterThan(0);
    // V8 accepted it: the second run does not write it again (a rejected cache is replaced after the run).
    expect(cli(['classify', file]).status).toBe(0);
    expect(statSync(cacheFile).mtimeMs).toBe(written.mtimeMs);
    // A cache that is not V8's (damaged) is rejected, the run is right all the same, and a good cache replaces it.
    writeFileSync(cacheFile, 'not a code cache');
    const run = cli(['classify', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"id":"1"');
    expect(readFileSync(cacheFile, 'utf8')).not.toBe('not a code cache');
  });

  it('exits 1 with the count when some pages of a bulk extraction fail, and prints plain progress lines off a terminal', () => {
    const lines = [
      { file: join(corpus, '2025-06-23.html') },
      { file: join(corpus, '2025-09-10.html'), select: '#no-such-thing' },
      { file: join(corpus, 'missing.html') },
    ];
    writeFileSync(join(dir, 'manifest.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const run = cli(['extract', '--jsonl', join(dir, 'manifest.jsonl')]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toContain('2 of 3 page(s) could not be extracted');
    expect(run.stderr).toContain('extracted 1 of 3 page(s), 2 failed');
    expect(run.stderr).not.toContain('\u001b[');
  });

  it('imports OTA declarations with their history, and exits 1 naming the files it skipped', () => {
    const declarations = join(dir, 'declarations');
    mkdirSync(declarations);
    for (const name of ['Midjourney.json', 'Midjourney.history.json']) copyFileSync(join(root, 'libs/capture/src/catalog/fixtures/declarations', name), join(declarations, name));
    const first = cli(['import-ota', declarations], { DATABASE_URL: database.url });
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ documentsCreated: 3, skippedFiles: 0 });
    expect(first.stderr).toContain('imported 1 declaration(s)');
    writeFileSync(join(declarations, 'Broken.json'), '{ "name": "Broken" }');
    const second = cli(['import-ota', declarations], { DATABASE_URL: database.url });
    expect(second.status).toBe(1);
    expect(JSON.parse(second.stdout)).toMatchObject({ documentsCreated: 0, documentsExisting: 3, skippedFiles: 1 });
    expect(second.stderr).toContain('skipped: Broken.json');
  });

  it('crawl does not fetch a document whose check runs in another process: it prints it skipped and counts no failure', async () => {
    // Runs after the OTA import: its documents exist (their hosts cannot be reached from here).
    const dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const [{ id, record_id: recordId }] = await dataSource.query(`SELECT id::text AS id, record_id FROM documents ORDER BY id LIMIT 1`);
      const checks = async () => Number((await dataSource.query(`SELECT count(*) FROM checks WHERE document_id = $1`, [id]))[0].count);
      const running = await new RunningChecksRepository(dataSource).start(id);
      expect(running).not.toBeNull();
      try {
        const run = cli(['crawl', '--document', recordId], { DATABASE_URL: database.url });
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ document: recordId, outcome: 'skipped', cause: 'a check of this document is running in another process' });
        expect(await checks()).toBe(0);
      } finally {
        await running?.end();
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('reads .env like npm start, lets the environment win, and never rewrites a record ID prefix it was not given', async () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `DATABASE_URL=${database.url}\n`);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO settings (key, value) VALUES ('record_id_prefix', 'XR') ON CONFLICT (key) DO UPDATE SET value = 'XR'`);
      // DATABASE_URL only from .env: the command reaches the test database.
      const run = cli(['verify', '--ledger'], {}, project);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('ledger: 0 leaves');
      const [{ value }] = (await client.query(`SELECT value FROM settings WHERE key = 'record_id_prefix'`)).rows;
      expect(value).toBe('XR');
      // A variable set in the environment wins over .env.
      expect(cli(['verify', '--ledger'], { DATABASE_URL: 'mysql://nowhere/db' }, project).status).toBe(1);
    } finally {
      await client.end();
    }
  });
});
