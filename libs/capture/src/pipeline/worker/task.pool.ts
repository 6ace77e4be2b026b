import { DEFAULT_MAX_TEXT_CHARS } from '@clausewatch/config';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import runTask from './analysis.worker';
import { TaskLimitCode, TaskLimitError } from './task-limit.error';
import type { TaskOutcome, TaskValue, WorkerTask } from './task.types';

export interface TaskPoolOptions {
  /** A task still running after this is stopped (its thread terminated) and fails as `too-complex`. */
  deadlineMs: number;
  /** Heap of the thread that runs large tasks; a task that needs more fails as `too-large`. */
  maxMemoryMb: number;
  /** Threads for ordinary tasks (the large task's thread comes on top, one at most). */
  threads: number;
  /**
   * Heap of each thread for ordinary tasks. A task over it is run again on the large task's thread
   * (within the same deadline), so this bounds memory, never what can be extracted.
   */
  smallMemoryMb?: number;
  /** A task whose text or page is this size or more goes straight to the large task's thread. */
  largeTaskBytes?: number;
  /** An idle ordinary thread exits after this, giving its heap back (the large task's thread ends with its task). */
  idleMs?: number;
  /** Longest extracted text (MAX_TEXT_CHARS): a longer one fails as `too-large` in the extraction task (and a combined document's joined text in extractDocument). */
  maxTextChars?: number;
  /** Run tasks on the calling thread without limits (unit tests, one-shot CLI commands). */
  inline?: boolean;
}

export const DEFAULT_TASK_POOL_OPTIONS: TaskPoolOptions = {
  deadlineMs: 20_000,
  maxMemoryMb: 256,
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  smallMemoryMb: 64,
  largeTaskBytes: 1024 * 1024,
  idleMs: 30_000,
  maxTextChars: DEFAULT_MAX_TEXT_CHARS,
};

export { TaskLimitError } from './task-limit.error';
export type { TaskLimitCode } from './task-limit.error';

/** An error thrown inside a task, rebuilt with its name and code (ExtractionError keeps its code). */
export class TaskError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = name;
  }
}

/** Compiled, the worker entry sits beside this file; from TypeScript sources a bootstrap compiles it. */
function workerFile(): string {
  const compiled = join(__dirname, 'analysis.worker.js');
  return existsSync(compiled) && __filename.endsWith('.js') ? compiled : join(__dirname, 'source-worker.bootstrap.js');
}

/** What a task carries to its thread, in bytes (UTF-16 code units count one: the texts are mostly ASCII). */
export function taskSize(task: WorkerTask): number {
  switch (task.kind) {
    case 'extract':
      return task.body.byteLength;
    case 'prepare':
      return task.markdown.length;
    case 'analyze':
      return task.before.length + task.after.length;
    case 'plan-text':
      return (task.before?.length ?? 0) + task.after.length;
    case 'plan-correction':
      // Its split `before` weighs about as much again as the text.
      return 2 * task.before.length + task.after.length;
  }
}

function isOutOfMemory(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(message ?? '');
}

/**
 * Extraction and analysis off the event loop, in worker threads (piscina) with a deadline and a
 * memory cap per task, so that no page can freeze the API or the crawler.
 *
 * Memory: two lanes. Ordinary tasks run on `threads` threads with a small heap (`smallMemoryMb`); a
 * large page or text (`largeTaskBytes`), or a task that ran out of the small heap, runs on one thread
 * with the large heap (`maxMemoryMb`), one such task at a time, on a thread of its own that ends with
 * it: its whole heap for itself (reused, the thread kept what the task before left in module caches, and
 * the 90,000-section page failed as too-large after the 10 MB one), given back at once. So a process
 * holds at most threads × small + one large heap, and the large one only while a large task runs;
 * before, every thread could grow to the large heap and kept it while idle.
 */
export class TaskPool {
  private readonly small?: Piscina;
  private readonly lane?: (threads: number, heapMb: number, idleTimeout: number) => Piscina;
  /** The large task's pool while one runs (closed with it). */
  private large?: Piscina;
  private readonly smallMemoryMb: number;
  private readonly largeTaskBytes: number;
  /** What extraction tasks are given as their bound (see TaskPoolOptions.maxTextChars). */
  readonly maxTextChars: number;

  constructor(readonly options: TaskPoolOptions = DEFAULT_TASK_POOL_OPTIONS) {
    this.maxTextChars = options.maxTextChars ?? DEFAULT_TASK_POOL_OPTIONS.maxTextChars!;
    this.smallMemoryMb = Math.min(options.smallMemoryMb ?? DEFAULT_TASK_POOL_OPTIONS.smallMemoryMb!, options.maxMemoryMb);
    this.largeTaskBytes = options.largeTaskBytes ?? DEFAULT_TASK_POOL_OPTIONS.largeTaskBytes!;
    if (options.inline) return;
    const lane = (threads: number, heapMb: number, idleTimeout: number) =>
      new Piscina({
        filename: workerFile(),
        minThreads: 0,
        maxThreads: threads,
        idleTimeout,
        concurrentTasksPerWorker: 1,
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(8, Math.round(heapMb / 8)) },
      });
    this.small = lane(options.threads, this.smallMemoryMb, options.idleMs ?? DEFAULT_TASK_POOL_OPTIONS.idleMs!);
    this.lane = lane;
    // A thread that dies over its memory cap also fails its task, which is where the error is reported.
    this.small.on('error', () => undefined);
  }

  async run<K extends WorkerTask['kind']>(task: Extract<WorkerTask, { kind: K }>): Promise<TaskValue[K]> {
    const outcome = (this.small ? await this.inWorker(task) : await runTask(task)) as TaskOutcome<TaskValue[K]>;
    if (outcome.ok) return outcome.value;
    // A limit the task found itself (the extracted text over MAX_TEXT_CHARS) stays a limit, permanent.
    if (outcome.error.name === 'TaskLimitError') throw new TaskLimitError(outcome.error.code as TaskLimitCode, outcome.error.message);
    throw new TaskError(outcome.error.name, outcome.error.message, outcome.error.code);
  }

  private async inWorker(task: WorkerTask): Promise<unknown> {
    const what = task.kind === 'extract' ? 'extraction' : 'analysis';
    let signal: AbortSignal | undefined;
    try {
      let deadlineMs = this.options.deadlineMs;
      if (taskSize(task) < this.largeTaskBytes) {
        const started = performance.now();
        signal = AbortSignal.timeout(deadlineMs);
        try {
          return await this.small!.run(task, { signal });
        } catch (err) {
          if (!isOutOfMemory(err)) throw err;
          // Over the small heap: once more on the large task's thread, within what is left of the deadline.
          deadlineMs = Math.max(1, Math.round(deadlineMs - (performance.now() - started)));
        }
      }
      return await this.onLargeThread(async (large) => {
        // The deadline counts from when the large thread takes the task, not while it waits for it.
        signal = AbortSignal.timeout(deadlineMs);
        return large.run(task, { signal });
      });
    } catch (err) {
      if (signal?.aborted || (err as { name?: string } | null)?.name === 'AbortError') {
        throw new TaskLimitError('too-complex', `too-complex: ${what} did not finish within ${this.options.deadlineMs} ms`);
      }
      if (isOutOfMemory(err)) throw new TaskLimitError('too-large', `too-large: ${what} needed more than ${this.options.maxMemoryMb} MB`);
      throw err;
    }
  }

  /** Large tasks one at a time, in the order they came, each on a new thread that ends with it. */
  private largeQueue: Promise<unknown> = Promise.resolve();

  private onLargeThread<T>(work: (large: Piscina) => Promise<T>): Promise<T> {
    const turn = this.largeQueue.then(async () => {
      const large = this.lane!(1, this.options.maxMemoryMb, 1000);
      large.on('error', () => undefined);
      this.large = large;
      try {
        return await work(large);
      } finally {
        this.large = undefined;
        await large.destroy();
      }
    });
    this.largeQueue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    await Promise.all([this.small?.destroy(), this.large?.destroy()]);
  }
}

let shared: TaskPool | undefined;

/** Sets the process's pool (at boot, from config); the previous one is closed. */
export async function configureTaskPool(options: Partial<TaskPoolOptions>): Promise<TaskPool> {
  const previous = shared;
  shared = new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, ...options });
  await previous?.close();
  return shared;
}

/** The process's pool, created with the defaults on first use. */
export function taskPool(): TaskPool {
  shared ??= new TaskPool();
  return shared;
}

export async function closeTaskPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
