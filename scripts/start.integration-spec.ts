import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const startScript = join(root, 'dist/scripts/start.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [startScript], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', CONFIRM_DELAY_SECONDS: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, timeoutMs: number): Promise<{ body: unknown; ms: number }> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return { body: await response.json(), ms: Date.now() - started };
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no health answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Ctrl-C in a terminal: SIGINT to the whole process group. */
function interrupt(child: ChildProcess): void {
  process.kill(-child.pid!, 'SIGINT');
}

describe('npm start (the built start script, as a user runs it)', () => {
  let dataDir: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });
    dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-start-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with the embedded database, answers health, stops on Ctrl-C, and finds its data again', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const first = start(env);
    try {
      const { body, ms } = await waitForHealth(port, 60_000);
      expect(body).toEqual({ status: 'ok', db: 'ok' });
      expect(ms).toBeLessThan(60_000);
      const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
      const created = await fetch(`http://127.0.0.1:${port}/api/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'Restart Check', title: 'Terms', type: 'terms-of-service', url: 'https://restart.example/terms' }),
      });
      expect(created.status).toBe(201);
      const documentId = ((await created.json()) as { document: { id: string } }).document.id;

      // The CLI next to a running server: ingest goes through its captures route, crawl joins its database.
      const cli = (args: string[]) =>
        execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port) },
          encoding: 'utf8',
        });
      const page = join(root, 'libs/testing/fixtures/corpus/sites/midjourney/terms-of-service/2025-06-23.html');
      const ingested = JSON.parse(cli(['ingest', '--document', documentId, '--file', page, '--captured-at', '2025-06-23T00:00:00Z']));
      expect(ingested).toMatchObject({ outcome: 'ok', version: { fetcher: 'capture', capturedAt: '2025-06-23T00:00:00.000Z' } });
      // A failed check is a failed item: exit status 1, the JSON line still printed.
      const crawl = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), 'crawl', '--document', documentId], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port) },
        encoding: 'utf8',
      });
      expect(crawl.status).toBe(1);
      expect(JSON.parse(crawl.stdout)).toMatchObject({ document: documentId, outcome: 'network-error', newVersion: false });
    } finally {
      interrupt(first.child);
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('[clausewatch] stopped');
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = start(env);
    try {
      await waitForHealth(port, 60_000);
      const platforms = (await (await fetch(`http://127.0.0.1:${port}/api/v1/platforms`)).json()) as { platforms: Array<{ slug: string }> };
      expect(platforms.platforms.map((p) => p.slug)).toContain('restart-check');
      expect(platforms.platforms.length).toBeGreaterThanOrEqual(41);
      expect(second.output()).not.toContain('seeded the bundled catalog');
    } finally {
      interrupt(second.child);
    }
    expect(await second.exited).toBe(0);
  }, 150_000);

  it.each([
    [{ DATABASE_URL: 'mysql://user@host/db' }, /^clausewatch: DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//],
    [{ DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/none' }, /^clausewatch: DATABASE_URL: cannot connect to 127\.0\.0\.1:1/],
    [{ PORT: 'eighty' }, /^clausewatch: PORT: must be a whole number/],
    [{ PORT: '70000' }, /^clausewatch: PORT: must be between 1 and 65535/],
  ])('refuses %j with one line naming the variable', async (env, message) => {
    const run = start({ DATA_DIR: dataDir, ...env });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toContain('secret');
  }, 30_000);

  it('refuses a PORT already in use (HOST defaults to 127.0.0.1)', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = start({ DATA_DIR: dataDir, PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(`clausewatch: PORT: ${port} is already in use on 127.0.0.1`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);
});
