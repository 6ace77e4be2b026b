import { createDataSource, migrate } from '@clausewatch/db';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { parseEml } from '../testing/eml';
import { runDigest } from './digest.main';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) }), text: () => chunks.join('') };
}

// `clausewatch digest [--at ISO] [--dry-run]` (the CLI command runs this with its database), writing
// to the local outbox as .eml files a mail client opens.
describe('digest command', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'cw-digest-'));
    Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, PUBLIC_URL: 'https://clausewatch.example', RESEND_API_KEY: '' });
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    const [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('example', 'Example') RETURNING id`);
    await dataSource.query(
      `INSERT INTO subscribers (email, plan, unsubscribe_token, timezone, digest_day, created_at)
       SELECT 'r' || g || '@example.org', 'free', 'tok' || g, CASE WHEN g % 2 = 0 THEN 'Europe/Paris' ELSE 'America/New_York' END, 1, '2026-03-05'
         FROM generate_series(1, 2500) g`,
    );
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) SELECT id, $1 FROM subscribers`, [platform.id]);
  });

  afterAll(async () => {
    process.env = saved;
    await dataSource?.destroy();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds without sending on --dry-run, then sends each digest once, with a progress line per thousand subscribers', async () => {
    // Monday 9 March 2026, 12:30 UTC: 08:00 has passed in Paris (07:00 UTC) and in New York (12:00 UTC, EDT).
    const out = capture();
    const err = capture();
    expect(await runDigest(['--at', '2026-03-09T12:30:00Z', '--dry-run'], out.stream, err.stream)).toBe(0);
    expect(JSON.parse(out.text())).toMatchObject({ dryRun: true, subscribers: 2500, due: 2500, built: 2500 });
    expect(err.text().trim().split('\n')).toEqual(['digest: 1000 subscribers looked at, 1000 digests due', 'digest: 2000 subscribers looked at, 2000 digests due']);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM emails`))[0].n).toBe(0);

    // At 12:00 UTC only Paris is due.
    const early = capture();
    expect(await runDigest(['--at', '2026-03-09T11:59:00Z'], early.stream, capture().stream)).toBe(0);
    expect(JSON.parse(early.text())).toMatchObject({ dryRun: false, due: 1250, owed: 1250, sent: 1250, digests: { sent: 1250 } });
    const sent = capture();
    expect(await runDigest(['--at=2026-03-09T12:30:00Z'], sent.stream, capture().stream)).toBe(0);
    expect(JSON.parse(sent.text())).toMatchObject({ due: 1250, owed: 1250, sent: 1250 });
    const again = capture();
    expect(await runDigest(['--at', '2026-03-10T12:30:00Z'], again.stream, capture().stream)).toBe(0);
    expect(JSON.parse(again.text())).toMatchObject({ due: 0, owed: 0, sent: 0 });

    const outbox = join(dataDir, 'outbox');
    const files = readdirSync(outbox);
    expect(files).toHaveLength(2500);
    const eml = readFileSync(join(outbox, files[0]), 'utf8');
    expect(eml).toMatch(/^From: Clausewatch <alerts@clausewatch\.local>\r\nTo: r\d+@example\.org\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\nDate: .+\r\nMessage-ID: <[0-9a-f]{32}@clausewatch\.local>\r\nMIME-Version: 1\.0\r\n/);
    const parsed = parseEml(eml);
    expect(parsed.headers.Subject).toMatch(/^Your weekly Clausewatch digest: no changes, 0 documents monitored \((2|9) Mar 2026 – (9|16) Mar 2026\)$/);
    expect(parsed.headers['List-Unsubscribe']).toMatch(/^<https:\/\/clausewatch\.example\/api\/v1\/unsubscribe\/tok\d+>$/);
    expect(parsed.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(parsed.text).toContain('No changes this week');
    expect(parsed.html).toContain('<h1>No changes this week</h1>');
  });

  it('refuses a bad --at with exit code 2', async () => {
    const err = capture();
    expect(await runDigest(['--at', 'next monday'], capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('--at needs an ISO date and time');
  });
});
