import { extract } from '@clausewatch/extract';
import { runExtraction } from './extraction.task';
import { DEFAULT_TASK_POOL_OPTIONS, TaskLimitError, TaskPool } from './task.pool';

// MAX_TEXT_CHARS: a page whose extracted text is longer fails as too-large in the extraction task, before
// its fingerprint, split or analysis; one at the bound is extracted as always.

const PAGE = `<!doctype html><html><head><title>Terms</title></head><body><main><h1>Terms of Service</h1>${Array.from(
  { length: 30 },
  (_, i) => `<h2>Section ${i + 1}</h2><p>You agree that we may process your data for purpose ${i + 1} as described here.</p>`,
).join('')}</main></body></html>`;

function extractTask(html: string, maxTextChars: number) {
  return { kind: 'extract' as const, body: Buffer.from(html), contentType: 'text/html', url: 'https://example.test/tos', finalUrl: null, sources: [{ url: 'https://example.test/tos', rules: {} }], maxTextChars };
}

describe('the bound on extracted text (MAX_TEXT_CHARS)', () => {
  let length: number;
  beforeAll(async () => {
    length = (await extract({ body: PAGE, contentType: 'text/html', url: 'https://example.test/tos' })).markdown.length;
  });

  it('extracts a text exactly at the bound, and fails one character over it as too-large', async () => {
    const atBound = await runExtraction(extractTask(PAGE, length));
    expect(atBound.markdown).toHaveLength(length);
    expect(atBound.markdown).toContain('## Section 30');
    const error = await runExtraction(extractTask(PAGE, length - 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskLimitError);
    expect(error).toMatchObject({ code: 'too-large', message: `too-large: the extracted text has ${length} characters, more than MAX_TEXT_CHARS (${length - 1})` });
  });

  it('keeps too-large a TaskLimitError through the pool, inline and across a worker thread', async () => {
    const inline = new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, inline: true });
    const threads = new TaskPool({ deadlineMs: 20_000, maxMemoryMb: 256, threads: 1 });
    try {
      for (const pool of [inline, threads]) {
        const error = await pool.run(extractTask(PAGE, length - 1)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TaskLimitError);
        expect((error as TaskLimitError).code).toBe('too-large');
        expect((await pool.run(extractTask(PAGE, length))).markdown).toHaveLength(length);
      }
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('gives every extraction the configured bound, 2,000,000 characters by default', () => {
    expect(new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, inline: true }).maxTextChars).toBe(2_000_000);
    expect(new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, inline: true, maxTextChars: 5000 }).maxTextChars).toBe(5000);
  });
});
