import { extract } from '@clausewatch/extract';
import { TaskError, TaskLimitError, TaskPool } from './task.pool';

// The pool for real: worker threads loading the TypeScript sources through the swc bootstrap (from
// dist/ they load the compiled worker), with the deadline and the memory cap enforced by piscina.

const PAGE = `<!doctype html><html><head><title>Terms</title></head><body><main><h1>Terms of Service</h1>${Array.from(
  { length: 20 },
  (_, i) => `<h2>Section ${i + 1}</h2><p>You agree that we may process your data for purpose ${i + 1} as described here.</p>`,
).join('')}</main></body></html>`;

function extractTask(html: string) {
  return { kind: 'extract' as const, body: Buffer.from(html), contentType: 'text/html', url: 'https://example.test/tos', finalUrl: null, sources: [{ url: 'https://example.test/tos', rules: {} }], maxTextChars: 2_000_000 };
}

/** Longest pause of the event loop while `work` runs. */
async function maxEventLoopLag<T>(work: Promise<T>): Promise<{ lagMs: number; settled: PromiseSettledResult<T> }> {
  let lagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 10);
    last = now;
  }, 10);
  const [settled] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { lagMs, settled };
}

describe('TaskPool (worker threads)', () => {
  let pool: TaskPool;
  beforeAll(() => {
    pool = new TaskPool({ deadlineMs: 3000, maxMemoryMb: 512, threads: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('extracts in a worker exactly as in the calling thread', async () => {
    const inWorker = await pool.run(extractTask(PAGE));
    const inline = await extract({ body: PAGE, contentType: 'text/html', url: 'https://example.test/tos' });
    expect(inWorker.textSha256).toBe(inline.textSha256);
    expect(inWorker.markdown).toContain('## Section 20');
  });

  it('keeps the code of an extraction error across the thread boundary', async () => {
    const error = await pool.run(extractTask('<html><body><p>Hi</p></body></html>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskError);
    expect(error).toMatchObject({ name: 'ExtractionError', code: 'empty' });
  });

  it('stops an analysis past its deadline as too-complex while the event loop stays free', async () => {
    // Two 4 MB single-line texts that differ by 55,000 scattered words: the word diff alone takes minutes,
    // far beyond the test's own timeout, so only the deadline can end it. No wall-clock bound on how soon
    // it ends: on a busy machine the thread's start alone can take seconds (that failed once under load).
    const words = Array.from({ length: 600_000 }, (_, i) => `w${(i * 7919) % 10007}`);
    const before = words.join(' ');
    const after = words.map((w, i) => (i % 11 === 0 ? `${w}x` : w)).join(' ');
    const { lagMs, settled } = await maxEventLoopLag(pool.run({ kind: 'analyze', before, after, maxClauseChars: 1000 }));
    expect(settled.status).toBe('rejected');
    const reason = (settled as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(TaskLimitError);
    expect(reason.code).toBe('too-complex');
    // Run on the event loop, the analysis would block it for at least the whole deadline (3 s); a busy
    // machine pauses it for far less than half of that.
    expect(lagMs).toBeLessThan(1500);
  });

  it('fails a task over the memory cap as too-large, and the pool goes on working', async () => {
    // Far more elements than 64 MB of heap can hold as a DOM; a deadline long enough that only memory can stop it.
    const small = new TaskPool({ deadlineMs: 50_000, maxMemoryMb: 64, threads: 1 });
    try {
      const huge = `<html><body>${'<p><b>clause</b> <i>text</i> <a href="#x">link</a></p>'.repeat(400_000)}</body></html>`;
      const error = await small.run(extractTask(huge)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaskLimitError);
      expect((error as TaskLimitError).code).toBe('too-large');
      const after = await small.run(extractTask(PAGE));
      expect(after.markdown).toContain('Terms of Service');
    } finally {
      await small.close();
    }
  });

  it('runs a task over the small heap again on the large task thread', async () => {
    // Ordinary threads of 32 MB cannot hold this page's DOM; the large task's thread (512 MB) can.
    const lanes = new TaskPool({ deadlineMs: 50_000, maxMemoryMb: 512, threads: 1, smallMemoryMb: 32, largeTaskBytes: 64 * 1024 * 1024 });
    try {
      const big = `<html><body>${'<p><b>clause</b> <i>text</i> <a href="#x">link</a></p>'.repeat(40_000)}</body></html>`;
      expect((await lanes.run(extractTask(big))).markdown).toContain('**clause**');
      // A small page stays on the small threads.
      expect((await lanes.run(extractTask(PAGE))).markdown).toContain('## Section 20');
    } finally {
      await lanes.close();
    }
  }, 120_000);

  it('starts the deadline of a large task when the large thread takes it, not while it waits its turn', async () => {
    // Every task large (one at a time, each on a new thread). One task's time, measured here so the test holds
    // on a busy machine: the deadline is 3 of them, and 7 queued tasks take more than 2 deadlines together.
    const page = `<html><body>${'<p><b>clause</b> <i>text</i> <a href="#x">link</a></p>'.repeat(2_000)}</body></html>`;
    const probe = new TaskPool({ deadlineMs: 60_000, maxMemoryMb: 256, threads: 1, largeTaskBytes: 1 });
    let t = performance.now();
    await probe.run(extractTask(page)).finally(() => probe.close());
    const oneMs = performance.now() - t;
    const deadlineMs = Math.max(1000, Math.round(3 * oneMs));
    const lanes = new TaskPool({ deadlineMs, maxMemoryMb: 256, threads: 1, largeTaskBytes: 1 });
    try {
      t = performance.now();
      const results = await Promise.allSettled(Array.from({ length: 7 }, () => lanes.run(extractTask(page))));
      const waited = performance.now() - t;
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error).message)))).toEqual(Array(7).fill('ok'));
      // The case the test is about: the last tasks waited longer than a deadline for their turn.
      expect(waited).toBeGreaterThan(deadlineMs);
    } finally {
      await lanes.close();
    }
  }, 120_000);

  it('bounds clause texts in the analysis and keeps the rest of the change', async () => {
    const long = `You agree ${'to everything '.repeat(300)}`;
    const analysis = await pool.run({ kind: 'analyze', before: `# Terms\n\n${long}`, after: `# Terms\n\n${long} and to arbitration.`, maxClauseChars: 500 });
    const clause = analysis.clauses.find((c) => c.after?.includes('more characters'));
    expect(clause).toBeDefined();
    expect(clause!.after!.length).toBeLessThan(600);
    expect(clause!.after).toMatch(/… \[\d+ more characters: the full text is in the version\]$/);
  });
});
