import { FakeResend } from '@clausewatch/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { oweDigests } from '../testing/owe-digests';

const EMAILS = 1000;
// The issue asks for 200 kills; each costs a process start (2.5 s on a quiet 2-core machine, 6 s when
// other test runs share it: TypeORM and the analyzer load), so 15 keep the test near two minutes while
// still landing kills in every phase of a send (claim, render, provider call, recording).
// KILLS=200 runs the full count (about 10 to 20 minutes here).
const KILLS = Number(process.env.KILLS ?? 15);
// Sending is paced by the fake provider's delay, which bounds the rate however fast the machine is
// (concurrency 2 × batch ÷ delay), so that most kills land while emails remain. A sender lives ~0.75 s
// after it is ready plus ~0.5 s of sending before it says so. 15 lives: batches of 10, 400 ms a call, at
// most 50 emails a second, ~60 a life, so the 1,000 emails outlast the 15 lives (at 150 ms a call a
// quiet machine sent them all in 6 lives and the check below failed). 200 lives: batches of 2, 450 ms a
// call, ~9 emails a second, 1,000 emails over ~2 minutes of sender lives.
const PACE = KILLS > 50 ? { batch: 2, delayMs: 450 } : { batch: 10, delayMs: 400 };
const root = join(__dirname, '../../../..');

// Kill test: a sender process SIGKILLed at random moments while 1,000 emails are owed. Afterwards
// the provider received each email exactly once, and every row is sent.
describe('delivery survives SIGKILL at any moment', () => {
  let api: ApiHarness;
  let resend: FakeResend;
  let dataSource: DataSource;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });
    resend = await FakeResend.start();
    api = await startApi();
    dataSource = api.app.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await resend?.stop();
  });

  const startSender = (): { child: ChildProcess; ready: Promise<void> } => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist/apps/api/src/notifications/send-worker.js'), '--batch', String(PACE.batch), '--lease', '1', '--timeout', '2000', '--concurrency', '2', '--retry-base-ms', '100', '--max-retry-ms', '500'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: api.database.url, RESEND_API_KEY: 're_kill_test', RESEND_BASE_URL: resend.url, DATA_DIR: api.config.dataDir, PUBLIC_URL: 'http://clausewatch.test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', () => reject(new Error('sender exited before it was ready')));
    });
    ready.catch(() => undefined);
    return { child, ready };
  };
  const kill = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL'))));
  const sent = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM emails WHERE status = 'sent'`))[0].n as number;

  it(`delivers ${EMAILS} emails exactly once through ${KILLS} kills`, async () => {
    await oweDigests(api, EMAILS, 'kill.test');
    // A provider call takes a moment, so kills land during calls too, and the 1,000 emails take several
    // sender lifetimes however fast the machine is (most kills must land while work remains).
    resend.delayMs = PACE.delayMs;
    const progress: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const { child, ready } = startSender();
      await ready;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
      await kill(child);
      progress.push(await sent());
      if (process.env.KILL_DEBUG) process.stderr.write(`kill ${i}: ${progress[progress.length - 1]} sent at ${Date.now()}\n`);
    }
    // Kills landed while work remained (not all after the end).
    expect(progress.filter((n) => n < EMAILS).length).toBeGreaterThan(KILLS / 2);
    expect(progress[progress.length - 1]).toBeGreaterThan(0);

    const { child, ready } = startSender();
    await ready;
    const started = Date.now();
    while ((await sent()) < EMAILS && Date.now() - started < (KILLS > 50 ? 150_000 : 45_000)) await new Promise((resolve) => setTimeout(resolve, 200));
    await kill(child);

    const rows = await dataSource.query(`SELECT status, count(*)::int AS n FROM emails GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: EMAILS }]);
    const byKey = resend.deliveriesByEmailKey();
    expect(byKey.size).toBe(EMAILS);
    expect([...byKey.values()].every((n) => n === 1)).toBe(true);
    // Every row records the provider's message ID it was given.
    const [{ missing }] = await dataSource.query(`SELECT count(*)::int AS missing FROM emails WHERE provider_message_id IS NULL`);
    expect(missing).toBe(0);
    if (process.env.KILLS) process.stderr.write(`${KILLS} kills: ${progress.filter((n) => n < EMAILS).length} landed while work remained; ${EMAILS} emails each received once\n`);
    // A process start takes up to ~6 s on a shared machine: the full run (KILLS=200) gets its own budget.
  }, 160_000 + KILLS * 8_000);
});
